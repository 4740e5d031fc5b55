"""The Compare page: two runs from identical initial weights and data, differing only in the named field,
trained in lockstep; its own shareable URL (base fields plus b_<field> overrides, derived from ui.state.FIELDS)."""

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from ui import compare, tick_policy
from ui.state import FIELDS, FIELDS_BY_NAME, fields_with

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "10_Compare.py")
DEFAULTS = {f.name: f.default for f in FIELDS}
# What changes the weights' shapes, their initializer or seed, or the data itself: no shared start possible.
NEW_START = {*fields_with("data"), "features", "hidden", "head", "init", "seed"}


def open_compare(**params) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_comparison_link_trains_both_runs_from_the_same_start_in_lockstep():
    at = open_compare(dataset="spiral", hidden="6", acts="tanh", b_acts="relu", epochs_per_tick="5")
    runs = at.session_state["cmp.runs"]
    a, b = runs["a"], runs["b"]
    assert a.config["acts"] == ("tanh",) and b.config["acts"] == ("relu",)
    assert {k for k in DEFAULTS if a.config[k] != b.config[k]} == {"acts"}
    for wa, wb in zip(a.model.get_weights(), b.model.get_weights(), strict=True):
        np.testing.assert_array_equal(wa, wb)
    np.testing.assert_array_equal(a.data.X_train, b.data.X_train)
    assert a.model.rng.bit_generator.state == b.model.rng.bit_generator.state
    at.button(key="cmp_play").click().run()
    at.run()
    # Lockstep: the same epochs each tick (5 per update, a Playground tick's 4 updates: 20 a tick; fewer only if
    # the tick's time budget cuts both alike).
    epochs = a.model.epochs_trained
    assert b.model.epochs_trained == epochs and 2 <= epochs <= 2 * 5 * tick_policy.FRAMES_PER_TICK
    assert not np.array_equal(a.model.get_weights()[0], b.model.get_weights()[0])
    # Still named as the same start after training (judged when the runs were built, not on trained weights).
    assert at.session_state["cmp.same_start"]
    assert not [c for c in at.caption if "cannot start from the same weights" in c.value]
    status = next(m.value for m in at.markdown if m.value.startswith("**A:"))
    # The legend and the status name what differs, with each side's value.
    assert "tanh" in status and "relu" in status and f"**{epochs}**" in status
    assert at.query_params["b_acts"] == "relu"


def test_the_differing_field_is_chosen_from_every_field_and_changes_the_link():
    assert compare.DIFFERABLE == tuple(f.name for f in FIELDS)
    at = open_compare(dataset="circle")
    assert at.session_state["cmp.b"] == {"optimizer": "sgd"}  # Adam against gradient descent by default
    assert list(at.selectbox(key="cmp_field").options) == [compare.field_label(n) for n in compare.DIFFERABLE]
    at.selectbox(key="cmp_field").set_value("batch").run()
    assert at.session_state["cmp.b"] == {"batch": 20}
    assert at.query_params["b_batch"] == "20" and "b_optimizer" not in at.query_params
    at.number_input(key="cmp_value").set_value(50).run()
    assert at.session_state["cmp.runs"]["b"].config["batch"] == 50 and not at.exception


@pytest.mark.parametrize("name", compare.DIFFERABLE)
def test_each_field_can_differ_and_only_it_differs(name):
    a = {**DEFAULTS, "dataset": "xor", "n_points": 60, "hidden": (3,), "acts": ("tanh",)}
    overrides = {name: compare._other_value(FIELDS_BY_NAME[name], a[name])}
    assert overrides[name] != a[name]
    runs = compare.build_runs(a, overrides)
    b = runs["b"].config
    assert {k for k in DEFAULTS if b[k] != a[k]} - {"acts"} == {name} - {"acts"}
    if name not in NEW_START:
        assert compare.same_start(runs)
        np.testing.assert_array_equal(runs["a"].data.X_train, runs["b"].data.X_train)


def test_links_round_trip_and_bad_parameters_are_named_not_fatal():
    a = {**DEFAULTS, "dataset": "spiral", "hidden": (4, 4), "acts": ("relu", "relu")}
    link = compare.compare_link(a, {"lr": 0.03, "optimizer": "sgd"})
    query = dict(part.split("=") for part in link.split("?")[1].split("&"))
    from urllib.parse import unquote

    again, overrides, ignored = compare.read_query({k: unquote(v) for k, v in query.items()}, DEFAULTS)
    assert again == a and overrides == {"lr": 0.03, "optimizer": "sgd"} and not ignored
    at = open_compare(dataset="spiral", b_lr="abc", b_nope="1", b_hidden="<b>x</b>")
    assert "b_lr" in at.warning[0].value and "b_nope" in at.warning[0].value
    assert at.session_state["cmp.b"] == {"optimizer": "sgd"}
