STRINGS = {
    "forward.title": "Forward pass, step by step",
    "forward.intro": (
        "How does a trained network turn one example into a prediction? Layer by layer: each layer takes the "
        "activations of the layer before, `a_in`, computes `z = a_in · W + b` and applies its activation "
        "function, `a = g(z)`. Pick an example (or type your own) and follow the real numbers."
    ),
    "forward.settings": "Forward pass",
    "forward.network": "Network",
    "forward.network.coffee": "Coffee roasting: 2-3-2-1 (ReLU, ReLU, sigmoid)",
    "forward.network.tshirt_demand": "T-shirt demand: 4-3-1 (sigmoid, sigmoid)",
    "forward.training_once": "Training the network once...",
    "forward.data_header": "Data as 2-D arrays",
    "forward.data_text": (
        "The data set is a matrix `X` with one **row per example** and one **column per feature**: here "
        "{m} rows and {n} columns. A single example is also kept 2-D, as a matrix with one row, shape (1, {n}): "
        "that is the form TensorFlow (and this engine) expect, so one example and a whole batch go through the "
        "same code. (NumPy arrays go in; TensorFlow turns them into its own tensors.)"
    ),
    "forward.input_mode": "Input",
    "forward.mode.pick": "an example from the data",
    "forward.mode.type": "type the features",
    "forward.example": "Example (row of X)",
    "forward.example_help": "0 to {n} − 1",
    "forward.typed": "Features ({names}), separated by commas",
    "forward.bad_input": "Cannot use what you typed: {reason} Showing the picked example instead.",
    "forward.bad_count": "this network needs exactly {n} numbers, you typed {got}.",
    "forward.bad_number": "every feature must be a finite number (like 200 or 13.5).",
    "forward.true_label": "True label of this example: **{label}**",
    "forward.whole_data": "The whole data set `X`, shape **{shape}** (first rows):",
    "forward.x_row": "This example as a row `x`, shape **{shape}**:",
    "forward.raw": "as measured",
    "forward.scaled": "standardised (the Normalization layer the network starts with)",
    "forward.f.temperature_c": "temperature (°C)",
    "forward.f.duration_min": "duration (min)",
    "forward.f.price_usd": "price ($)",
    "forward.f.shipping_usd": "shipping ($)",
    "forward.f.marketing_k_usd": "marketing ($k)",
    "forward.f.material_quality": "material",
    "forward.output.coffee": "P(good roast)",
    "forward.output.tshirt_demand": "P(best-seller)",
    "forward.label.coffee.0": "bad roast",
    "forward.label.coffee.1": "good roast",
    "forward.label.tshirt_demand.0": "not a best-seller",
    "forward.label.tshirt_demand.1": "best-seller",
    "forward.layers_header": "Forward propagation, one layer at a time",
    "forward.layers_text": (
        "Choose a layer. Its weight matrix `W` has one **row per input** and one **column per neuron**: "
        "column `W[:, i]` holds the weights of neuron i. Every number below is computed from the trained "
        "network for the example above."
    ),
    "forward.step": "Layer",
    "forward.layer_option": "{k}: {kind} ({g})",
    "forward.shapes": "Shapes: `a_in` {a_in} · `W` {W} + `b` {b} → `z` {z} → `a = g(z)` {z}",
    "forward.a_in": "`a_in` = a{k}, shape {shape}",
    "forward.W": "`W{k}`, shape {shape}",
    "forward.b": "`b{k}`, shape {shape}",
    "forward.z": "`z = a_in · W + b`, shape {shape}",
    "forward.a": "`a{k} = g(z)`, shape {shape}",
    "forward.two_ways_header": "The same layer, two ways",
    "forward.two_ways_text": (
        "Left, the notes' `dense()`: one neuron at a time, `w = W[:, i]`, `z = np.dot(w, a_in) + b[i]`. "
        "Right, the vectorised form: one matrix multiplication for all neurons (and, with more rows in `A_in`, "
        "for many examples at once). Both functions below are the code that actually ran."
    ),
    "forward.loop_title": "**Loop over the units**",
    "forward.matmul_title": "**Matrix multiplication**",
    "forward.loop_vs_matmul": "largest difference, loop vs matmul",
    "forward.vs_engine": "largest difference from the engine's a",
    "forward.vs_engine_help": (
        "The engine (Sequential.layer_outputs) computes the same layer inside the model."
    ),
    "forward.sequential_header": "Chaining the layers: sequential()",
    "forward.sequential_text": (
        "Each layer's output is the next layer's input; the last layer's activation is the prediction."
    ),
    "forward.output_metric": "output layer: {name}",
    "forward.prediction": "prediction (a > 0.5)",
}
