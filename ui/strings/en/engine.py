"""Engine errors shown on the pages (ui.i18n.error_text): `engine.<code>` formatted with the error's params.

Each English text must read exactly like the engine's own message, so English pages do not change.
"""

STRINGS = {
    # TrainingDiverged (engine): code "diverged_" + reason. {where} and {advice} are composed by
    # ui.i18n.error_text from the params (step and learning_rate may be None).
    "engine.diverged_loss": (
        "Training diverged in {where}: the loss became {loss} (too large to represent). That step was not "
        "applied and the model keeps its last finite weights. Likely cause: {advice}."
    ),
    "engine.diverged_weights": (
        "Training diverged in {where}: the weights became too large to represent (infinity or NaN). That step "
        "was not applied and the model keeps its last finite weights. Likely cause: {advice}."
    ),
    "engine.diverged_inputs": (
        "Training diverged in {where}: the loss is {loss} before any training step. That step was not applied "
        "and the model keeps its last finite weights. Likely cause: {advice}."
    ),
    "engine.where_epoch": "epoch {epoch}",
    "engine.where_step": "epoch {epoch}, step {step}",
    "engine.advice_inputs": (
        "the input values are too large for the network: standardise the features "
        "(a Normalization first layer) or scale them down"
    ),
    "engine.advice_learning_rate": (
        "the learning rate ({learning_rate:g}) is probably too high: try {suggested_learning_rate:g}"
    ),
    "engine.advice_lower_learning_rate": "try a lower learning rate",
}
