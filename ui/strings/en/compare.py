"""English strings of the Compare page (two configurations side by side) and its home card."""

STRINGS = {
    "home.page.Compare.name": "Compare",
    "home.page.Compare.what": (
        "Two configurations side by side from the same initial weights and data: Adam against gradient descent, "
        "tanh against ReLU, any setting against another."
    ),
    "home.page.Compare.notes": "optimizers (§13), activations (§7–9)",
    "compare.title": "Compare two runs",
    "compare.intro": (
        "Run A is a Playground configuration; run B is the same with one thing changed. Both start from the same "
        "initial weights on the same data and train the same epochs at each update, so what you see differ comes "
        "from the one change."
    ),
    "compare.field": "What differs in run B",
    "compare.field_help": "Any setting of the Playground: pick it, then B's value on the right.",
    "compare.value_a": "Run A: {field} = {value}",
    "compare.value_b": "Run B: {field}",
    "compare.list_help": "Comma-separated, as in a Playground link (e.g. 8,8 or relu,tanh).",
    "compare.bad_value": "That is not a value {field} can take; run B keeps its last one.",
    "compare.side_a": "A",
    "compare.side_b": "B",
    "compare.legend": "run (what differs)",
    "compare.restart_help": "Both runs again from the same initial weights.",
    "compare.share_help": "This link opens the same comparison (both configurations) for anyone.",
    "compare.edit_a": "Open run A in the Playground",
    "compare.edit_b": "Open run B in the Playground",
    "compare.no_difference": "Runs A and B are the same configuration: pick something for B to differ in.",
    "compare.different_start": (
        "This change gives the networks different weights (another shape, initializer or seed), so the two "
        "runs cannot start from the same weights; the data are the same unless the data is what differs."
    ),
    "compare.diverged": (
        "A run diverged at epoch {epoch} (its loss or weights became too large); both are paused. Try a lower "
        "learning rate."
    ),
    "compare.ignored": "Some link parameters were not valid and were left out: {names}.",
    "compare.field.hidden": "Hidden layers (units)",
    "compare.field.acts": "Activations (per hidden layer)",
    "compare.field.loss": "Loss",
}
