STRINGS = {
    "demand.title": "Demand case study: a 4-3-1 network",
    "demand.intro": (
        "Case 2 of the notes: predict whether a T-shirt becomes a **best-seller** from four features: "
        "**price**, **shipping cost**, **marketing** and **material** quality. Suppose what really matters is "
        "three things: is it **affordable** (price + shipping), are buyers **aware** of it (marketing), and is "
        "its **perceived quality** high (price + material)? A network with one **hidden layer** of three "
        "neurons can learn such in-between quantities by itself: nobody tells it what they are. "
        "*A neural network = automatic feature engineering + logistic regression.*"
    ),
    "demand.settings": "Demand network",
    "demand.n_points": "Number of T-shirts",
    "demand.noise": "Noise",
    "demand.noise_help": "How much chance there is in which T-shirt sells, beyond the story.",
    "demand.data_seed": "Data seed",
    "demand.hidden_activation": "Activation of the hidden layer",
    "demand.hidden_activation_help": (
        "sigmoid: each hidden neuron is a logistic-regression unit, as in the notes."
    ),
    "demand.seed": "Weight seed",
    "demand.seed_help": "Seed of the initial weights and of the shuffling: same seed, same result.",
    "demand.story_header": "The story behind the data (what the network is not told)",
    "demand.story_text": (
        "The data set was generated from this story, so we can check afterwards what the hidden neurons found. "
        "Price is in $ (5-40), shipping in $ (0-15), marketing budget in $k (0-10), material a score 1-10."
    ),
    "demand.data_header": "The data: one row per T-shirt",
    "demand.data_text": (
        "{n} T-shirts to train on (another {n_test} held back to test), {d} features each. "
        "The network reads the data as a 2-D array: one row per example, one column per feature. "
        "The features are standardised first (as Keras `Normalization`) because dollars and scores "
        "have very different scales."
    ),
    "demand.target": "best-seller?",
    "demand.shapes": "X has shape {x} (rows = examples, columns = features); y has shape {y}.",
    "demand.f.price_usd": "price ($)",
    "demand.f.shipping_usd": "shipping cost ($)",
    "demand.f.marketing_k_usd": "marketing ($k)",
    "demand.f.material_quality": "material quality",
    "demand.latent.affordability": "affordability",
    "demand.latent.awareness": "awareness",
    "demand.latent.perceived_quality": "perceived quality",
    "demand.hidden_neuron": "hidden neuron {i}",
    "demand.class_no": "not a best-seller",
    "demand.class_yes": "best-seller",
    "demand.output_name": "P(best-seller)",
    "demand.network_header": "The network: input layer → hidden layer → output layer",
    "demand.network_text": (
        "The four features are the **input layer** (输入层). The three neurons in the middle form the "
        "**hidden layer** (隐藏层): the data gives their inputs and the final answer, but never their values. "
        "Their outputs are the layer's **activations** `a`. The single neuron on the right is the **output "
        "layer** (输出层): its activation is the probability of a best-seller. Every neuron sees *every* feature "
        "of the layer before it: the lines are the weights (blue positive, orange negative, thicker = larger). "
        "Press **Train** and watch them change."
    ),
    "demand.train": "Train {n} epochs",
    "demand.reset": "Start again from the initial weights",
    "demand.not_trained": "Not trained yet: the weights are random. Press **Train {n} epochs**.",
    "demand.test_accuracy": "test accuracy",
    "demand.train_loss": "training loss",
    "demand.test_loss": "test loss",
    "demand.training_setup": "Adam, learning rate {lr}, batch size {batch}, binary cross-entropy.",
    "demand.inside_header": "What did each hidden neuron learn?",
    "demand.inside_untrained": "(Untrained: these are the random starting weights. Train first.)",
    "demand.weights_header": "Its weights: which features it listens to",
    "demand.weights_text": (
        "Each hidden neuron has one weight per input feature (a column `W[:, i]` of the layer's weight matrix). "
        "A large weight (either sign) means the neuron listens to that feature; a weight near 0 means it "
        "ignores it. The notes guess that the affordability neuron would weigh price and shipping and ignore "
        "marketing and material: look for such a neuron."
    ),
    "demand.activations_header": "Its activation across the data",
    "demand.activations_text": (
        "For every training T-shirt, the activation `a` of each hidden neuron, stacked by whether the T-shirt "
        "was a best-seller. A neuron whose two colours sit apart helps the output neuron decide."
    ),
    "demand.activation_axis": "activation a",
    "demand.story_compare_header": "Compare with the story",
    "demand.story_compare_text": (
        "The correlation `r` between each hidden neuron's activation and each hidden factor of the story, "
        "over the training data (1 or -1: they move together perfectly; 0: unrelated)."
    ),
    "demand.hidden_layer_axis": "hidden layer",
    "demand.story_axis": "factor of the story",
    "demand.closest_factor": "closest factor",
    "demand.sign_note": (
        "A negative `r` is fine: that neuron learned the opposite (say *too expensive* instead of "
        "*affordable*) and the output layer's weight on it is negative. Which neuron finds which factor "
        "depends on the random start (try another weight seed); that they are found at all is the point."
    ),
    "demand.takeaway": (
        "Nobody told the network about affordability, awareness or perceived quality, yet with sigmoid hidden "
        "neurons each of them usually ends up tracking one factor. That is what hidden layers are for."
    ),
}
