STRINGS = {
    "neuron.title": "One neuron",
    "neuron.intro": (
        "A **neuron** takes numbers in, computes one number and sends it on. The simplest artificial neuron is "
        "a logistic-regression unit: it multiplies its input by a **weight** `w`, adds a **bias** `b`, and "
        "squashes the sum `z = wx + b` with the sigmoid function. Its output `a` is called its **activation** "
        "(a word from neuroscience: how strongly the neuron fires), a number between 0 and 1."
    ),
    "neuron.one_input_header": "Case 1: T-shirt price → best-seller",
    "neuron.one_input_text": (
        "Each point is a T-shirt: its price (x) and whether it became a best-seller (1) or not (0). "
        "The neuron's activation `a` is the probability that a T-shirt at that price is a best-seller. "
        "**Move `w` and `b`** until the black curve follows the points and the loss is as small as you can get it. "
        "`w` sets how steep the curve is and which way it falls; `b` slides it left and right."
    ),
    "neuron.data_header": "Data",
    "neuron.noise": "Noise",
    "neuron.noise_help": "How blurred the price where T-shirts stop selling is (0 = a sharp cut at $20).",
    "neuron.n_points": "Number of T-shirts",
    "neuron.data_seed": "Data seed",
    "neuron.class_no": "not a best-seller (0)",
    "neuron.class_yes": "best-seller (1)",
    "neuron.class_0": "class 0",
    "neuron.class_1": "class 1",
    "neuron.data_arrays": "The data as arrays (X: one row per T-shirt)",
    "neuron.w": "weight w",
    "neuron.w_help": "Negative w: the dearer the T-shirt, the lower a.",
    "neuron.b": "bias b",
    "neuron.b_help": "Shifts the curve left or right.",
    "neuron.loss_here": "loss at these w, b",
    "neuron.loss_help": (
        "Binary cross-entropy averaged over the data: -mean(y log a + (1-y) log(1-a)). Smaller is better."
    ),
    "neuron.decision_price": "price where a = 0.5",
    "neuron.decision_help": (
        "x = -b / w: above this line the neuron says 'best-seller' (a > 0.5) on one side, 'not' on the other. "
        "The dotted line in the chart."
    ),
    "neuron.flat": "w = 0: the curve is flat, every price gets the same a.",
    "neuron.curve_sliders": "your w, b",
    "neuron.curve_trained": "trained",
    "neuron.price_axis": "price x ($)",
    "neuron.a_axis": "a = P(best-seller)",
    "neuron.train_header": "Let gradient descent find w and b",
    "neuron.train_text": (
        "Training does what you just did by hand: it changes `w` and `b` a little at a time, always in the "
        "direction that lowers the loss. Each click runs {n} epochs (passes over all the data) with Adam, "
        "learning rate {lr}, starting from your sliders. The trained curve is drawn in green."
    ),
    "neuron.train": "Train {n} epochs",
    "neuron.copy": "Put trained values on the sliders",
    "neuron.reset": "Start training again",
    "neuron.not_trained": "Not trained yet: press the button above.",
    "neuron.learned": "learned {name}",
    "neuron.trained_loss": "loss after training",
    "neuron.trained_epochs": "Trained for {n} epochs.",
    "neuron.two_inputs_header": "Two inputs: a straight boundary",
    "neuron.two_inputs_text": (
        "With two inputs the neuron has two weights, one per input, and still one bias. Where "
        "`w₁x₁ + w₂x₂ + b = 0` the activation is exactly 0.5: that is a **straight line**, the neuron's decision "
        "boundary. The weights turn the line (and set how sharp the change from orange to blue is); the bias "
        "moves it. A single neuron can only ever draw a straight boundary."
    ),
    "neuron.boundary_equation": "Boundary (a = 0.5): **{equation}**",
    "neuron.next": "Next: connect several neurons into layers (the demand case study).",
}
