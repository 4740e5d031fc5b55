STRINGS = {
    "softmax.title": "Softmax: more than two classes",
    "softmax.intro": (
        "With more than two classes the output layer has one neuron per class. Each neuron computes a number "
        "z_j (its *logit*); **softmax** turns all of them together into probabilities a_j that are positive "
        "and sum to 1. a_j is the model's probability that y = j for the input x."
    ),
    # explorer
    "softmax.explorer_header": "1 · Set the logits, watch the probabilities",
    "softmax.explorer_text": (
        "Move the sliders. Every a_j depends on **all** the z values, not only on z_j (unlike sigmoid "
        "outputs): raise one z and every other probability falls. The loss of one example looks only at the "
        "true class y: loss = -log a_y, small when a_y is near 1, large when a_y is near 0."
    ),
    "softmax.n_classes": "number of classes N",
    "softmax.true_class": "true class y of this example",
    "softmax.class_name": "class {j}",
    "softmax.a_y": "a_y (probability of the true class)",
    "softmax.loss_y": "loss = -log a_y",
    "softmax.sum_a": "sum of all a_j",
    "softmax.table_caption": "The numbers behind the bars: e^z_j divided by their sum.",
    "softmax.col_class": "class",
    # live training
    "softmax.train_header": "2 · A softmax output layer on a data set",
    "softmax.train_text": (
        "A network with a ReLU hidden layer and an output layer of N neurons (one per class) learns to tell "
        "the classes apart. Each small map shows one output a_j over the input plane: where the model "
        "thinks class j is likely. Press **Play** and watch the maps sharpen; the maps add up to 1 at every point."
    ),
    "softmax.dataset": "data set",
    "softmax.dataset_blobs": "Gaussian blobs",
    "softmax.dataset_multi_spiral": "K-arm spiral",
    "softmax.classes": "classes",
    "softmax.hidden_units": "neurons in the hidden layer",
    "softmax.hidden_layers": "hidden layers",
    "softmax.learning_rate": "learning rate (Adam)",
    "softmax.play": "▶ Play",
    "softmax.pause": "⏸ Pause",
    "softmax.train_n": "Train {n} epochs",
    "softmax.reset": "Reset the weights",
    "softmax.epochs_done": "epochs trained",
    "softmax.train_loss": "training loss",
    "softmax.test_accuracy": "test accuracy",
    "softmax.maps_caption": "a_j = P(class j | x) over the plane, one map per output neuron",
    "softmax.pick_header": "Probabilities of one point",
    "softmax.pick_point": "point number (training set)",
    "softmax.point_info": "x1 = {x1:.2f}, x2 = {x2:.2f}, true class: **{name}** (✓)",
    "softmax.diverged_hint": "Training stopped. Lower the learning rate and press Reset.",
    "softmax.not_trained": "Not trained yet: the maps show the random initial weights.",
    # precision
    "softmax.precision_header": "3 · Why `from_logits=True`: rounding errors (§11)",
    "softmax.precision_text": (
        "A computer stores numbers in binary with a fixed number of digits (float32 keeps about 7), so every "
        "intermediate value is rounded. Computing a = softmax(z) first and then -log a_y rounds twice and can "
        "overflow (e^1000 is too large) or lose a tiny a_y entirely (Keras then clips it to 1e-7). With a "
        "**linear** output layer and `SparseCategoricalCrossentropy(from_logits=True)` the loss is computed "
        "from z in one step (log-sum-exp), so the tiny numbers never appear."
    ),
    "softmax.preset": "logits to try",
    "softmax.preset_custom": "type my own",
    "softmax.custom_logits": "logits z, separated by commas",
    "softmax.precision_true": "true class y",
    "softmax.dtype": "number format",
    "softmax.bad_logits": (
        "Could not read the logits: type 2 to 10 numbers separated by commas, e.g. 1000, 999, 990."
    ),
    "softmax.path_exact": "exact (60-digit arithmetic)",
    "softmax.path_textbook": "formula as written: e^z / Σe^z, then -log",
    "softmax.path_probabilities": "softmax output, then SparseCategoricalCrossentropy()",
    "softmax.path_from_logits": "linear output + SparseCategoricalCrossentropy(from_logits=True)",
    "softmax.short_textbook": "e^z / Σe^z, then -log",
    "softmax.short_probabilities": "softmax, then loss",
    "softmax.short_from_logits": "from_logits=True",
    "softmax.col_path": "how the loss is computed",
    "softmax.col_loss": "loss -log a_y",
    "softmax.col_error": "|error|",
    "softmax.naive_error": "error: softmax then log",
    "softmax.logits_error": "error: from_logits=True",
    "softmax.error_ratio": "The naive path is off by **{naive}**, the from-logits path by **{logits}**.",
    "softmax.code_caption": "The better implementation in Keras (the notes' code):",
}
