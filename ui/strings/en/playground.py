STRINGS = {
    # page
    "pg.title": "Playground",
    "pg.data": "Data",
    "pg.training": "Training",
    "pg.view": "View",
    "pg.upload": "Your own data (CSV file or pasted table)",
    "pg.upload_used": "Using your data: {rows} rows.",
    "pg.no_data": "Upload a CSV file or paste a table above, then click “Use this data” to start.",
    "pg.all_features": "All {n} columns are the network's input features.",
    "pg.ignored_params": "Some settings in the link were not valid and use their defaults instead: {names}.",
    "pg.output_summary": "Output layer: {units} unit(s), {head}; loss: {loss}; problem: {problem}.",
    "pg.mismatch": "Output head and loss do not match: {detail}",
    "pg.mismatch_head_not_linear_for_logits": (
        "with from_logits the loss applies sigmoid/softmax itself, so the output layer should be linear, "
        "not {output_activation}."
    ),
    "pg.mismatch_head_loss_mismatch": (
        "a {output_activation} output is meant for {suggested}; with {loss} training may be slow or the "
        "outputs may not mean what you expect."
    ),
    "pg.mismatch_any_loss": "a loss suited to it",
    "pg.head_range": (
        "The targets run from {y_low} to {y_high}, but a {head} output only gives values from {low} to {high}, "
        "so it can never reach part of them. As the notes say (§8): a regression with values of either sign, "
        "like a stock's rise and fall, uses a linear output; one that is never negative, like a house price, "
        "uses ReLU."
    ),
    "pg.build_error": (
        "This network cannot be built for these data: {detail} Change the output head or the loss."
    ),
    "pg.diverged": (
        "Training blew up in epoch {epoch}: the loss or the weights became too large to represent. "
        "Training is paused and the network keeps its last good weights. The learning rate ({lr}) is "
        "probably too high: try {lower}, then press Play again."
    ),
    "pg.play": "Play",
    "pg.pause": "Pause",
    "pg.step": "Step (1 epoch)",
    "pg.train_loss": "train loss",
    "pg.test_loss": "test loss",
    "pg.train_accuracy": "train accuracy",
    "pg.test_accuracy": "test accuracy",
    "pg.no_map": (
        "This data has {n} input features, so there is no 2-D plane to draw the decision boundary on. "
        "Watch the loss curves and a point's prediction below."
    ),
    "pg.point_title": "Picked point (click the map to pick another)",
    "pg.point_caption": "#{index}, inputs {values}",
    "pg.point_regression": "prediction {prediction}, true value {true}",
    "pg.true_labels": "true labels: {labels}",
    "pg.pick": "Pick a test point",
    "pg.pick_help": "Its class probabilities are shown live, beside the loss curves.",
    "pg.share": "Copy link to this experiment",
    "pg.share_help": (
        "This link (after your app's address) opens exactly this experiment: data, network and "
        "training settings. The address bar holds it too."
    ),
    "pg.model_loaded": "Model loaded: its layers are now the network.",
    "pg.model_mismatch": (
        "This model has {inputs} input(s) and {outputs} output(s); the current data needs "
        "{need_inputs} input(s) and {need_outputs} output(s). Nothing was changed."
    ),
    "pg.model_too_big": (
        "This model has {layers} hidden layer(s) of up to {units} neurons; the Playground takes at most "
        "{max_layers} hidden layers of at most {max_units} neurons. Nothing was changed."
    ),
    "pg.model_unsupported": "This model uses layers the Playground cannot show. Nothing was changed.",
    "pg.class_maps": "Per-class probability maps",
    "pg.class_maps_help": "One small map per class: the softmax output of that class over the plane.",
    "pg.strongest_links": "The diagram shows the {shown} strongest of the network's {total} weights.",
    # widgets
    "widgets.dataset": "Data set",
    "widgets.n_points": "Number of points",
    "widgets.noise": "Noise",
    "widgets.classes": "Classes",
    "widgets.labels": "Labels",
    "widgets.test_pct": "Test data (%)",
    "widgets.more_data": "More data options",
    "widgets.data_seed": "Data seed",
    "widgets.imbalance": "Class imbalance",
    "widgets.label_noise": "Label noise (wrong labels)",
    "widgets.features": "Input features",
    "widgets.features_help": "What the input layer receives, computed from each point (x1, x2).",
    "widgets.features_empty": "The network needs at least one input feature: the last one stays on.",
    "widgets.scale": "Standardise features (Normalization layer)",
    "widgets.scale_help": (
        "(x - mean) / std per feature, learned from the training data, as Keras' "
        "Normalization layer."
    ),
    "widgets.add_layer": "Layer",
    "widgets.remove_layer": "Layer",
    "widgets.layer_count": "**{n}** hidden layer(s)",
    "widgets.no_hidden": (
        "No hidden layer: the inputs go straight to the output layer (logistic or linear "
        "regression)."
    ),
    "widgets.units": "neurons",
    "widgets.head": "Output layer",
    "widgets.head.auto": "auto (from the data)",
    "widgets.head.sigmoid": "sigmoid",
    "widgets.head.softmax": "softmax",
    "widgets.head.linear": "linear",
    "widgets.head.relu": "ReLU",
    "widgets.head.multilabel": "sigmoid per label (multi-label)",
    "widgets.loss.auto": "auto (from the head)",
    "widgets.loss.binary_crossentropy": "binary cross-entropy",
    "widgets.loss.categorical_crossentropy": "categorical cross-entropy",
    "widgets.loss.mse": "mean squared error",
    "widgets.init": "Weight initializer",
    "widgets.seed": "Seed",
    "widgets.optimizer": "Optimizer",
    "widgets.optimizer.sgd": "Gradient descent",
    "widgets.optimizer.adam": "Adam",
    "widgets.lr": "Learning rate",
    "widgets.momentum": "Momentum",
    "widgets.batch": "Batch size",
    "widgets.epochs_per_tick": "Epochs per update",
    "widgets.reg": "Regularization",
    "widgets.reg.none": "none",
    "widgets.reg.l1": "L1",
    "widgets.reg.l2": "L2",
    "widgets.reg_rate": "Regularization rate",
    "widgets.discretize": "Discretize output",
    "widgets.show_test": "Show test data",
}
