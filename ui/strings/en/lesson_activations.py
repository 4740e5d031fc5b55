STRINGS = {
    "acts.title": "Activation functions",
    "acts.intro": (
        "After computing `z = a_in · W + b`, every neuron passes `z` through its **activation function** `g` "
        "to get its activation `a = g(z)`. The common choices are sigmoid, ReLU and linear. "
        "*A linear activation, g(z) = z, is the same as using no activation at all.*"
    ),
    "acts.plot_header": "Each activation and its slope",
    "acts.pick": "Activations to plot",
    "acts.pick_one": "Pick at least one activation to plot.",
    "acts.z_range": "z from −… to +…",
    "acts.z_probe": "Read the values at z =",
    "acts.g_title": "g(z): the activation",
    "acts.dg_title": "g′(z): its derivative (slope)",
    "acts.plot_text": (
        "The right panel is the slope `g′(z)`: how much `a` changes when `z` moves a little. Gradient descent "
        "learns through these slopes. Where a curve is **flat**, its slope is near 0 and learning crawls: look at "
        "sigmoid's slope beyond |z| ≈ 4. ReLU's slope is exactly 1 for every positive `z`."
    ),
    "acts.choose_header": "Which activation where?",
    "acts.output_text": "**Output layer**: choose by what the prediction `y` can be.",
    "acts.col_problem": "the target y",
    "acts.col_output": "output activation",
    "acts.col_why": "why",
    "acts.binary": "binary classification (y = 0 or 1)",
    "acts.binary_why": "a is between 0 and 1: the probability that y = 1",
    "acts.signed": "regression, positive or negative (e.g. tomorrow's stock change)",
    "acts.signed_why": "a can be any number",
    "acts.nonneg": "regression, never negative (e.g. a house price)",
    "acts.nonneg_why": "a = max(0, z) is never below 0",
    "acts.hidden_text": (
        "**Hidden layers**: ReLU is by far the most common. It is cheaper to compute than sigmoid, and it is "
        "flat on one side only, while sigmoid is flat on both: flat regions of the activation make the cost "
        "`J(W, b)` flat too, the gradients small, and gradient descent slow."
    ),
    "acts.why_header": "Why hidden layers need a non-linear activation",
    "acts.why_text": (
        "Two networks with the same shape (2 inputs → {hidden} hidden neurons → 1 sigmoid output), the same "
        "data (a circle inside a ring), the same initial weights and the same training. The only difference: "
        "the left one's hidden layers are **linear**. Watch its boundary: however long it trains, it stays a "
        "straight line."
    ),
    "acts.other": "Right network's hidden activation",
    "acts.epochs": "Epochs of training (both)",
    "acts.seed": "Weight seed",
    "acts.training": "Training both networks...",
    "acts.discretize": "Show only the decision (a > 0.5)",
    "acts.discretize_help": (
        "On: colour each place by the class the network predicts there, so the boundary is sharp. "
        "Off: shade by the probability a."
    ),
    "acts.outside": "outside",
    "acts.inside": "inside",
    "acts.side_title": "hidden layers: {g}",
    "acts.collapse_header": "The linear network is one layer in disguise",
    "acts.collapse_text": (
        "With linear hidden layers, `a1 = x W1 + b1`, then `a2 = a1 W2 + b2 = x (W1 W2) + (b1 W2 + b2)`, and so "
        "on: a linear function of a linear function is linear. All the layers multiply into **one** `W` and "
        "**one** `b`, and the whole network is just logistic regression, `a = sigmoid(x W + b)`. Below, those "
        "`W` and `b` are computed from the trained network's weights and checked against its output `z` on "
        "every point."
    ),
    "acts.collapse_shapes": "Shapes: {shapes} → one `W` of shape {shape}.",
    "acts.collapse_difference": "largest |z(network) − (x W + b)| over all points",
    "acts.collapse_line": "So its boundary is the straight line **{equation}**.",
    "acts.net_logit": "z of the network",
    "acts.one_layer_logit": "x W + b (one layer)",
    "acts.takeaway": (
        "Take-away: without a non-linear activation, extra layers add nothing: the model stays linear "
        "(or logistic) regression. With ReLU (or tanh, sigmoid) in the hidden layers, the boundary can bend."
    ),
    "acts.link_linear": "Linear hidden layers:",
    "acts.link_other": "Hidden layers with {g}:",
}
