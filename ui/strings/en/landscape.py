STRINGS = {
    # Playground: the loss landscape (shown while paused)
    "landscape.header": "The loss landscape around the current weights",
    "landscape.text": (
        "The real training loss on a slice through weight space: the centre ◆ is the network as it is now; "
        "α and β move every weight along two random directions at once, each unit's direction scaled to the size "
        "of that unit's weights (filter normalisation, Li et al. 2018), so α = 1 is a step as large as the "
        "weights themselves. Drag the 3-D surface to turn it. A wide, flat valley usually generalises better "
        "than a narrow one."
    ),
    "landscape.alpha": "α (direction 1)",
    "landscape.beta": "β (direction 2)",
    "landscape.path": "training path ({n} checkpoints)",
    "landscape.current": "now: loss {loss}",
    "landscape.resolution": "Resolution",
    "landscape.resolution_help": "Grid points per side: the slice evaluates the loss at n × n weight sets.",
    "landscape.radius": "Range ±",
    "landscape.radius_help": "How far the slice reaches along each direction, in units of the weights' own size.",
    "landscape.directions": "Directions",
    "landscape.directions_help": (
        "Random: two random filter-normalised directions. Along the path: the two directions the training "
        "path moved along most (its principal components), scaled so ±1 is the path's own extent."
    ),
    "landscape.dirs_random": "random",
    "landscape.dirs_path": "along the path",
    "landscape.compute": "Compute the landscape",
    "landscape.new_directions": "New random directions",
    "landscape.computing": "Evaluating the loss at {n} weight sets…",
    "landscape.failed": "The landscape could not be computed: {detail}",
    "landscape.press": "Train a little, then pause, or press the button to see the loss around the starting weights.",
    "landscape.press_big": "This network and data set are large: press the button to compute the landscape.",
    "landscape.stale": "Showing the last landscape computed; the weights or the settings have changed since.",
    "landscape.cost": (
        "Loss at the centre {loss}. Cost: {n} weight sets × {points} training points in {seconds} s, "
        "as much as {ratio} evaluate calls (the weight sets are evaluated in batches, not one by one)."
    ),
    "landscape.random_path_note": (
        "In a space of many weights two random directions are almost at right angles to the path, so its "
        "projection looks short: choose \u201calong the path\u201d to see the plane the training moved in."
    ),
    # Playground: the softmax simplex
    "landscape.simplex_header": "Softmax on the triangle",
    "landscape.simplex_text": (
        "Each training point's three probabilities (they sum to 1) as one dot in the triangle, coloured by its "
        "true class. A dot near a corner is a confident prediction of that class; near the middle the network "
        "cannot tell the classes apart."
    ),
    # Optimizers lesson: the surface in 3-D
    "landscape.opt3d_header": "The same loss surface in 3-D",
    "landscape.opt3d_text": (
        "The loss of section 1 as a surface you can turn with the mouse (left), beside its contour map (right, "
        "log scale). Both paths are drawn on the surface at their real loss: gradient descent (dashed) and Adam "
        "(solid), from the same start."
    ),
    # One neuron: the output surface
    "landscape.neuron3d_header": "The neuron's output as a surface",
    "landscape.neuron3d_text": (
        "The two-input neuron above, a = sigmoid(w₁x₁ + w₂x₂ + b), drawn over the plane as a height from 0 to 1, "
        "with each data point at the height of its label (class 0 at 0, class 1 at 1). Move w₁ and w₂: the "
        "surface tilts (its steepest direction is (w₁, w₂)). Move b: it shifts. The boundary a = 0.5 is the white "
        "line across the middle."
    ),
    "landscape.neuron3d_now": "The boundary a = 0.5 is the line {equation}",
    "landscape.neuron3d_z": "a = sigmoid(z)",
    # Softmax lesson: the simplex
    "landscape.softmax3_header": "Three classes: softmax on the triangle",
    "landscape.softmax3_text": (
        "With three classes the three probabilities sum to 1, so they are one point in a triangle: a corner is "
        "certainty of that class, the centre is (1/3, 1/3, 1/3). Left: the logits you drag above. Right: every "
        "training point of the network in section 2, coloured by its true class."
    ),
    "landscape.softmax3_dragged": "The logits you set",
    "landscape.softmax3_trained": "Training points, by true class",
    "landscape.softmax3_set_three": "Set the number of classes N to 3 (top of the page) to see the point on the triangle.",
    "landscape.softmax3_train_three": "Set the classes of section 2 to 3 to see every training point on the triangle.",
}
