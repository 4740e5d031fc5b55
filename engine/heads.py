"""The output heads, one table: which output activation, loss and metric go with which kind of problem.

A head is what the output layer means (notes §8, §10-12). The engine reads this table for its fused
gradients, `predict_proba` and accuracy; the code export for the Keras metric; the UI for its head choices.

>>> for_problem("multilabel").output_activation, for_problem("multilabel").keras_metric
('sigmoid', 'binary_accuracy')
>>> sorted(expected_activations("binary_crossentropy", from_logits=True))
['linear']
"""

from dataclasses import dataclass

from engine.datasets import PROBLEMS


@dataclass(frozen=True)
class Head:
    """One output head.

    name: the UI's head choice. output_activation: the last layer's activation. loss: its default loss.
    problems: the engine.datasets.PROBLEMS it suits. kind: what its outputs mean ("binary", "softmax",
    "multilabel" or "regression"). metric: what the app's accuracy means for it. keras_metric: the metric a
    Keras export compiles so that Keras reports the same number.
    """

    name: str
    output_activation: str
    loss: str
    problems: tuple[str, ...]
    kind: str
    metric: str
    keras_metric: str


_RECORDS = (
    Head("sigmoid", "sigmoid", "binary_crossentropy", ("binary",), "binary",
         "binary accuracy: output > 0.5 counts as class 1", "binary_accuracy"),
    Head("softmax", "softmax", "categorical_crossentropy", ("binary", "multiclass"), "softmax",
         "categorical accuracy: the largest output is the predicted class", "accuracy"),
    Head("linear", "linear", "mse", ("regression",), "regression",
         "none: a regression is scored by its loss", "mae"),
    Head("relu", "relu", "mse", ("regression",), "regression",
         "none: a regression is scored by its loss", "mae"),
    # Keras 3 reads a plain 'accuracy' from the output shape as argmax accuracy; per-label is binary accuracy.
    Head("multilabel", "sigmoid", "binary_crossentropy", ("multilabel",), "multilabel",
         "binary accuracy per label: each output > 0.5 counts as that label on", "binary_accuracy"),
)

HEADS: dict[str, Head] = {head.name: head for head in _RECORDS}

# The head "auto" picks for each problem.
_AUTO = {"binary": "sigmoid", "multiclass": "softmax", "multilabel": "multilabel", "regression": "linear"}
assert set(_AUTO) == set(PROBLEMS) and all(problem in HEADS[_AUTO[problem]].problems for problem in PROBLEMS)

# Losses that share a head: the sparse form only changes how the targets are written.
_LOSS_FAMILY = {"sparse_categorical_crossentropy": "categorical_crossentropy"}
# Outputs that suit a loss though no head offers them: softplus is positive like relu.
_ALSO_FITS = {"mse": ("softplus",)}


def for_problem(problem: str) -> Head:
    """The head 'auto' chooses for a problem type ('binary', 'multiclass', 'multilabel', 'regression')."""
    if problem not in _AUTO:
        raise ValueError(f"Unknown problem type {problem!r}; use one of {', '.join(PROBLEMS)}.")
    return HEADS[_AUTO[problem]]


def kind_of(model) -> str:
    """'binary', 'multilabel', 'softmax' or 'regression': what a built model's outputs mean.

    The loss decides (cross-entropy from logits behind a linear layer is still a classifier); without a
    loss the output activation does.
    """
    loss, units, activation = model.loss, model.output_units, model.output_activation
    fused = loss.fused_activation if loss is not None else activation
    if fused == "softmax":
        return "softmax"
    if fused == "sigmoid":
        return "binary" if units == 1 else "multilabel"
    return "regression"


def expected_activations(loss_name: str, from_logits: bool = False) -> set[str]:
    """The output activations a loss is meant for (empty for an unknown loss).

    From logits the loss applies sigmoid/softmax itself, so the layer must be linear.
    """
    family = _LOSS_FAMILY.get(loss_name, loss_name)
    suited = {head.output_activation for head in _RECORDS if head.loss == family}
    if not suited:
        return set()
    if from_logits:
        return {"linear"} if family != "mse" else set()
    return suited | set(_ALSO_FITS.get(family, ()))
