STRINGS = {
    "explain.open": "Explain one step",
    "explain.open_help": (
        "The forward pass, loss, backward pass and update of this network, with its own numbers. It explains the "
        "model as it is now: pause (or press Step) to see the numbers of the latest step."
    ),
    "explain.intro": (
        "One training step of **your** network, after epoch **{epoch}**: the forward pass and the loss for the "
        "picked point ({set} #{index}), the backward pass for that point and for the current batch (the {n} "
        "training examples the next epoch's first step takes, in its shuffled order), and the update one optimizer step would make on that batch."
    ),
    "explain.set.test": "test set",
    "explain.set.train": "training set",
    "explain.view": "Phase",
    "explain.view.forward": "Forward pass",
    "explain.view.loss": "Loss",
    "explain.view.backward": "Backward pass",
    "explain.view.update": "Update",
    "explain.section": "Show",
    "explain.section.step": "One step in slow motion",
    "explain.section.hidden": "Hidden space",
    "explain.section.health": "Health",
    "explain.back": "Back",
    "explain.next": "Next",
    "explain.phase_of": "Step in slow motion: phase {k} of 4, {name}. Next and Back walk the phases.",
    "explain.neuron": "Neuron",
    "explain.forward_text": (
        "Layer by layer, each neuron computes `z = w·a + b` from the activations `a` of the layer before (its "
        "weights are its column `W[:, i]`) and outputs its activation `a = g(z)`. The input layer holds the "
        "features (standardised first, if the network starts with a Normalization layer)."
    ),
    "explain.equation_of": "The equation of **{neuron}**, with its numbers:",
    "explain.loss_text.binary": (
        "Binary cross-entropy: the sigmoid output `a` is the probability of class 1; the loss is small when it "
        "is near the true label `y`."
    ),
    "explain.loss_text.multilabel": (
        "Multi-label: each sigmoid output is one independent yes/no question, each with its own binary "
        "cross-entropy; the loss is their mean."
    ),
    "explain.loss_text.softmax": (
        "Softmax cross-entropy: the outputs are the probabilities of the classes; only the true class counts, "
        "`L = −log a_y`."
    ),
    "explain.loss_text.regression": "Mean squared error: the squared distance between the prediction `ŷ` and the target `y`.",
    "explain.loss.from_logits": "   (a = {g}(z), computed inside the loss: from_logits)",
    "explain.loss.label": "label {j}",
    "explain.loss.mean_labels": "L = mean over the labels",
    "explain.backward_text": (
        "Backpropagation runs the chain rule from the output layer back: `dL/dz` says how the loss changes "
        "with each neuron's `z`; a link's gradient is `dL/dw = a_in · dL/dz` and the bias's is `dL/db = dL/dz`. "
        "For the batch, each gradient is the mean over its examples."
    ),
    "explain.point_or_batch": "Gradient of",
    "explain.point": "this point",
    "explain.batch": "the current batch ({n} examples)",
    "explain.links_of": "The gradients of **{neuron}**, one per incoming link:",
    "explain.grad_links": "Links show the gradient dL/dw (off: the weights)",
    "explain.col.layer": "layer",
    "explain.col.from": "from",
    "explain.col.to": "to neuron",
    "explain.col.parameter": "parameter",
    "explain.col.before": "before",
    "explain.col.step": "step",
    "explain.col.after": "after",
    "explain.col.effective_lr": "effective learning rate",
    "explain.update_text.sgd": (
        "Gradient descent moves every weight a little against its gradient: the same learning rate for all."
    ),
    "explain.update_text.adam": (
        "Adam keeps, per parameter, a running mean of the gradient `m` and of its square `v`: its effective "
        "learning rate grows when the steps agree and shrinks when they oscillate. The table shows one step on "
        "the current batch; the model itself is not changed."
    ),
    "explain.update_of": "One step for **{neuron}**, its incoming weights and bias:",
    "explain.apply": "Take this step",
    "explain.apply_help": "Apply this one step to the network (one batch, not a whole epoch) and start again at the forward pass with the new weights.",
    "explain.hidden_text": (
        "How a hidden layer sees the data: each point is drawn at the activations of two of the layer's neurons, "
        "and the grey lines are the input plane's straight grid lines as the layer bends them. A layer that "
        "untangles the classes (the spiral!) moves them apart so the next layer can split them with a line."
    ),
    "explain.no_hidden": "This network has no hidden layer: add one to see how it maps the data.",
    "explain.hidden_layer": "Hidden layer",
    "explain.unit_x": "Neuron across",
    "explain.unit_y": "Neuron up",
    "explain.hidden_no_plane": "Grid lines need data with two inputs; here only the points are mapped.",
    "explain.health_text": "Is the network able to learn? Checked on the training data and the current batch.",
    "explain.dead": (
        "{layer}: neuron(s) {units} are dead: the ReLU's z is below 0 for every training example, so its "
        "gradient is 0 and it never learns again. Try another seed, a lower learning rate or leaky ReLU."
    ),
    "explain.saturated": (
        "{layer}: neuron(s) {units} are saturated: the {g} output is stuck near its limits for almost every "
        "example, where its slope is nearly 0, so learning through them crawls. Standardise the inputs or lower "
        "the learning rate."
    ),
    "explain.vanishing": (
        "The gradient vanishes: the first layer's gradient ({first}) is a thousand times smaller than the output "
        "layer's ({last}), so the first layers hardly learn. ReLU hidden layers or fewer layers help."
    ),
    "explain.exploding": (
        "The gradient explodes: it is very large (first layer {first}, output layer {last}), so steps overshoot. "
        "Lower the learning rate."
    ),
    "explain.healthy": "No dead or saturated neurons, and the gradients neither vanish nor explode.",
    "explain.norms_later": "Train a little: the gradient's size per layer over the epochs appears here.",
}
