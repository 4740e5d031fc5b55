STRINGS = {
    "multilabel.title": "Multi-label: several yes/no answers at once",
    "multilabel.intro": (
        "In multi-label classification one example can belong to several classes at once, and the classes are "
        "independent. The notes' example: is there a **car**, a **bus**, a **pedestrian** in this picture? A "
        "picture can contain a car *and* a pedestrian. Here each point stands for a picture: the regions of the "
        "plane say which objects it contains, and a point can lie in two regions at once."
    ),
    "multilabel.right_header": "The right head: one sigmoid per label",
    "multilabel.right_text": (
        "The output layer has one **sigmoid** neuron per label and the loss is binary cross-entropy: three "
        "separate yes/no problems solved by one network. Each output is a probability on its own, so they can "
        "all be near 1 (or all near 0)."
    ),
    "multilabel.wrong_header": "The wrong head: softmax over the labels",
    "multilabel.wrong_text": (
        "A softmax output layer forces the outputs to **sum to 1**: it can only say *which one* of the labels, "
        "never *car and pedestrian*. To train it at all, each point with two labels is listed twice (once per "
        "label, i.e. categorical cross-entropy on the labels divided by their count) and points with no label "
        "are left out. At the threshold 0.5 it can switch on at most one label."
    ),
    "multilabel.label_0": "car",
    "multilabel.label_1": "bus",
    "multilabel.label_2": "pedestrian",
    "multilabel.label_3": "bicycle",
    "multilabel.labels": "labels",
    "multilabel.hidden_units": "neurons per hidden layer",
    "multilabel.learning_rate": "learning rate (Adam)",
    "multilabel.train": "Train both {n} epochs",
    "multilabel.reset": "Reset the weights",
    "multilabel.epochs_done": "epochs trained",
    "multilabel.not_trained": "Not trained yet: press the train button.",
    "multilabel.compare_header": "Side by side on the test set",
    "multilabel.per_label_accuracy": "per-label accuracy",
    "multilabel.exact_match": "all labels right",
    "multilabel.exact_match_two": "all right, points with 2+ labels",
    "multilabel.model_sigmoid": "sigmoids + binary cross-entropy",
    "multilabel.model_softmax": "softmax + categorical cross-entropy",
    "multilabel.col_model": "output layer",
    "multilabel.maps_right": "P(label | x) from the sigmoid outputs",
    "multilabel.maps_wrong": "the softmax outputs over the same labels",
    "multilabel.point_header": "One point with two labels",
    "multilabel.pick_point": "test point with 2+ labels",
    "multilabel.no_two_labels": "No test point has two labels with these settings.",
    "multilabel.col_label": "label",
    "multilabel.col_true": "true",
    "multilabel.sum_row": "sum of the outputs",
    "multilabel.point_caption": (
        "The sigmoid outputs are free: both true labels can be near 1. The softmax outputs must share 1 between "
        "the labels, so two true labels get about 0.5 each, and at least one falls below the threshold."
    ),
    "multilabel.diverged": "Training stopped: {message}",
}
