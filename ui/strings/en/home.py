STRINGS = {
    "home.tagline": "Build a neural network layer by layer, train it, and watch it learn.",
    "home.intro": (
        "Decision boundaries, probabilities and the loss change live while it trains. "
        "Nothing to install and nothing to break: change anything and press Play again."
    ),
    "home.nav_home": "Home",
    "home.start_here": "Where to start",
    "home.start_hint": (
        "New to neural networks? Walk the lessons in order, starting with **One neuron**. "
        "Know the basics? Go straight to the **Playground**."
    ),
    "home.open": "Open",
    "home.notes_section": "Notes: {section}",
    "home.page_missing_text": "(no description yet)",
    "home.footer": (
        "Every page works in English and Chinese: switch in the sidebar. "
        "The Playground's settings live in its URL, so a link opens exactly what you see."
    ),
    # One card per page: its name, what it teaches (one line), and the section of the course notes.
    # Keyed by the page's URL name (pages/N_<Name>.py -> <Name>).
    "home.page.Playground.name": "Playground",
    "home.page.Playground.what": (
        "Build any network, pick activations, head, loss and optimizer, and watch it train live."
    ),
    "home.page.Playground.notes": "all sections; epochs (§14)",
    "home.page.One_Neuron.name": "One neuron",
    "home.page.One_Neuron.what": "Drag w and b of one sigmoid neuron; fit it to T-shirt prices.",
    "home.page.One_Neuron.notes": "Neurons, case 1 (§1–2)",
    "home.page.Demand_Case_Study.name": "Demand case study",
    "home.page.Demand_Case_Study.what": (
        "Train the 4-3-1 best-seller network and see what each hidden neuron learned."
    ),
    "home.page.Demand_Case_Study.notes": "Case 2, layers (§3)",
    "home.page.Forward_Pass.name": "Forward pass",
    "home.page.Forward_Pass.what": (
        "Step one example through the layers: z = a·W + b, a = g(z), with real numbers."
    ),
    "home.page.Forward_Pass.notes": "Layers, data as arrays, forward propagation (§4–6)",
    "home.page.Activations.name": "Activations",
    "home.page.Activations.what": (
        "Sigmoid, ReLU, linear: plot them, and see why hidden layers need a non-linear one."
    ),
    "home.page.Activations.notes": "Activation functions (§7–9)",
    "home.page.Softmax.name": "Softmax",
    "home.page.Softmax.what": (
        "Set logits, watch the probabilities and the loss; why from_logits=True is more accurate."
    ),
    "home.page.Softmax.notes": "Multi-class, softmax (§10–11)",
    "home.page.Multi_Label.name": "Multi-label",
    "home.page.Multi_Label.what": "Several independent sigmoid outputs: car, bus, pedestrian in one picture.",
    "home.page.Multi_Label.notes": "Multi-label classification (§12)",
    "home.page.Optimizers.name": "Optimizers",
    "home.page.Optimizers.what": (
        "Race gradient descent against Adam from the same start; see per-parameter step sizes."
    ),
    "home.page.Optimizers.notes": "Adam (§13)",
    "home.page.Digits.name": "Digits",
    "home.page.Digits.what": "Train a softmax network on real handwritten digits and see what it gets wrong.",
    "home.page.Digits.notes": "Softmax on real data (§10, §14)",
}
