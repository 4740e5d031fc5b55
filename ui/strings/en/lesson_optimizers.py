STRINGS = {
    "optimizers.title": "Optimizers: gradient descent vs Adam",
    "optimizers.intro": (
        "Gradient descent moves every parameter by the same learning rate times its gradient. **Adam** keeps a "
        "learning rate *per parameter*: when a parameter keeps moving the same way, its steps grow; when it "
        "swings back and forth, its steps shrink. So it usually trains faster, with less tuning of the "
        "learning rate."
    ),
    # surface
    "optimizers.surface_header": "1 · Two parameters: watch the path on the loss surface",
    "optimizers.surface_text": (
        "One neuron, a = sigmoid(w·x + b), learns whether a T-shirt sells well from its price x (in tens of "
        "dollars). With only w and b we can draw the loss for every (w, b): dark is low loss, each band edge "
        "is a contour line. Both optimizers start at the same point ◆ and take the same number of steps. "
        "Here every step uses the whole training set, so one step = one epoch. Raise the gradient-descent "
        "learning rate and watch it zig-zag across the valley; Adam damps the swinging parameter."
    ),
    "optimizers.start_w": "start w",
    "optimizers.start_b": "start b",
    "optimizers.lr_sgd": "learning rate: gradient descent",
    "optimizers.lr_adam": "learning rate: Adam",
    "optimizers.steps": "epochs",
    "optimizers.w_axis": "w (weight of the price)",
    "optimizers.b_axis": "b (bias)",
    "optimizers.final_table": "Where each optimizer ended",
    "optimizers.col_optimizer": "optimizer",
    "optimizers.col_final_loss": "final loss",
    "optimizers.col_epochs_to_target": "epochs to reach loss {target:g}",
    "optimizers.never": "not reached",
    "optimizers.step_header": "Adam's step size for each parameter",
    "optimizers.step_text": (
        "Adam's effective learning rate of each parameter after every step (alpha_t / (sqrt(v) + eps): what "
        "plain gradient descent's learning rate would have to be to take the same step). Gradient descent "
        "uses one learning rate for both, the flat line."
    ),
    "optimizers.step_value": "step size shown",
    "optimizers.step_effective": "effective learning rate",
    "optimizers.step_update": "|change| of the parameter per step",
    "optimizers.sgd_line": "gradient descent (w and b)",
    "optimizers.adam_param": "Adam: {name}",
    "optimizers.surface_loss_header": "Loss per epoch",
    # race
    "optimizers.race_header": "2 · A race on a data set",
    "optimizers.race_text": (
        "The same network (two tanh hidden layers of 8 neurons, a sigmoid output layer) is built twice with "
        "the same seed, so both copies start from **identical weights**; one trains with gradient descent, "
        "the other with Adam, on the same data and the same mini-batches order. An **epoch** is one pass over "
        "the whole training set: with {n} examples and a batch size of {batch}, one epoch is {steps} steps."
    ),
    "optimizers.dataset": "data set",
    "optimizers.batch": "batch size",
    "optimizers.epochs_per_click": "epochs per click",
    "optimizers.target": "target loss",
    "optimizers.race": "Race {n} epochs",
    "optimizers.reset": "Start again",
    "optimizers.epoch_counter": "epochs done",
    "optimizers.same_start": "Both start from the same {n} weights: {same}",
    "optimizers.yes": "yes",
    "optimizers.loss_of": "loss: {name}",
    "optimizers.reached_in": "{name}: epochs to loss ≤ {target:g}",
    "optimizers.not_yet": "not yet",
    "optimizers.boundary_of": "{name} after {epochs} epochs",
    "optimizers.adam_spread": (
        "Adam's step sizes in this network now range from **{low:.2g}** to **{high:.2g}** across its {n} "
        "parameters (gradient descent: **{lr:g}** for all)."
    ),
    "optimizers.diverged": "{name}: {message}",
    "optimizers.press_race": "Press the race button to train both networks.",
}
