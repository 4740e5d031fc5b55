"""The challenge catalogue (ui/challenges.py): declared once, texts in every language, valid start states,
and each goal reachable within its budgets by a known solution (while the start state alone may not be)."""

import pytest

from ui import playground as pg
from ui.challenges import CHALLENGES, METRICS, evaluate, start_config
from ui.i18n import TABLES, placeholders
from ui.state import CONTROLS, FIELDS_BY_NAME, config_from_values

# A solution per challenge (fields changed from its start), found by hand; each must pass.
SOLUTIONS = {
    "gaussians_one_neuron": {},
    "circle_squares": {"features": ("x1", "x2", "x1^2", "x2^2"), "lr": 0.03},
    "xor_three": {"acts": ("relu",)},
    "circle_linear": {"features": ("x1", "x2", "x1^2", "x2^2")},
    "moons_small": {},
    "blobs_softmax": {},
    "multilabel_sigmoid": {},
    "house_relu_head": {"acts": ("tanh",)},
    "spiral_60": {"features": ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin_x1", "sin_x2"), "hidden": (5,),
                  "acts": ("tanh",)},
}


def train(config: dict, challenge, epochs_per_tick: int = 30):
    """Train as the Playground does (ticks of 30 epochs, test set evaluated per tick) until passed or out of
    epochs; the last Verdict."""
    data = pg.make_bundle(pg.current_dataset(config), config)
    model = pg.build_model(config, data)
    y_train, y_test = pg.targets(data.train, model.output_units), pg.targets(data.test, model.output_units)
    verdict = None
    while model.epochs_trained < challenge.max_epochs:
        model.fit(data.X_train, y_train, epochs=epochs_per_tick, batch_size=config["batch"])
        test = model.evaluate(data.X_test, y_test, return_dict=True)
        verdict = evaluate(challenge, config, model.count_params(), model.epochs_trained,
                           {"val_" + k: v for k, v in test.items()})
        if verdict.passed:
            break
    return verdict


def test_there_are_at_least_eight_and_each_is_complete_in_every_language():
    assert len(CHALLENGES) >= 8 and set(SOLUTIONS) == set(CHALLENGES)
    for cid, challenge in CHALLENGES.items():
        assert challenge.id == cid and challenge.metric in METRICS
        parts = ("title", "task", "hint") + (("why",) if challenge.has_why else ())
        for lang, table in TABLES.items():
            for part in parts:
                assert table.get(f"classroom.ch.{cid}.{part}", "").strip(), (lang, cid, part)
        assert set(challenge.locked) <= set(FIELDS_BY_NAME) and set(challenge.hidden) <= set(CONTROLS)
        config_from_values(challenge.start)  # a valid Playground state, as a stored link would be checked


def test_every_translated_classroom_text_has_the_placeholders_of_its_english():
    for key, english in TABLES["en"].items():
        if key.startswith("classroom."):
            assert placeholders(TABLES["zh"][key]) == placeholders(english), key


@pytest.mark.parametrize("cid", sorted(SOLUTIONS))
def test_each_goal_is_reachable_within_its_budgets(cid):
    challenge = CHALLENGES[cid]
    verdict = train({**start_config(challenge), **SOLUTIONS[cid]}, challenge)
    assert verdict.passed, verdict
    assert verdict.epochs <= challenge.max_epochs


def test_linear_layers_on_the_circle_cannot_reach_the_goal_from_x1_x2():
    challenge = CHALLENGES["circle_linear"]
    verdict = train(start_config(challenge), challenge, epochs_per_tick=100)
    assert not verdict.goal_met and not verdict.broken and verdict.epochs == challenge.max_epochs
    assert verdict.metric < 0.8  # a straight line: about the share of the larger class


def test_over_budget_runs_fail_with_the_numbers():
    challenge = CHALLENGES["xor_three"]
    config = {**start_config(challenge), "hidden": (8, 4), "acts": ("relu", "relu"), "features": ("x1", "x1*x2"),
              "dataset": "circle"}
    verdict = evaluate(challenge, config, params=61, epochs=950, latest={"val_accuracy": 0.99})
    assert verdict.goal_met and not verdict.passed
    assert dict(verdict.broken) == {
        "locked": {"names": "dataset"}, "epochs": {"used": 950, "limit": 900},
        "layers": {"used": 2, "limit": 1}, "units": {"used": 8, "limit": 3},
        "features": {"names": "x1*x2", "allowed": "x1, x2"}}
    spiral = CHALLENGES["spiral_60"]
    assert dict(evaluate(spiral, start_config(spiral), 61, 10, {"val_loss": 0.05}).broken) == {
        "params": {"used": 61, "limit": 60}}
    assert evaluate(spiral, start_config(spiral), 60, 10, {"val_loss": 0.05}).passed
    assert not evaluate(spiral, start_config(spiral), 60, 10, {"val_loss": float("nan")}).goal_met
