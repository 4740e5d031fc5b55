"""AppTest of the optimizers lesson (§13-14): same start, per-parameter Adam steps, the race, the controls."""

import numpy as np
import pytest

from engine import SGD, Dense, Sequential
from tests.pages.lesson_checks import chart_frames, map_fields, metric_value, page_app

PAGE = "pages/8_Optimizers.py"


@pytest.fixture
def at():
    app = page_app(PAGE)
    assert not app.exception
    return app


def test_renders_in_chinese():
    app = page_app(PAGE, lang="zh")
    assert not app.exception
    assert app.title[0].value == "优化算法：梯度下降与 Adam"


def test_both_paths_start_at_the_chosen_point_and_follow_the_engine(at):
    paths = at.session_state["opt.surface"]["paths"]
    starts = paths[paths["step"] == 0]
    assert starts[["w", "b"]].to_numpy().tolist() == [[1.0, -5.0], [1.0, -5.0]]
    # Gradient descent's path is the engine's: replay its first 3 steps with SGD directly.
    from engine.datasets import make_dataset

    ds = make_dataset("tshirt_price", n_points=60, noise=0.1, seed=0)
    model = Sequential([Dense(1, activation="sigmoid")], input_dim=1, seed=0)
    model.compile(optimizer=SGD(3.0), loss="binary_crossentropy")
    model.set_weights([np.array([[1.0]]), np.array([-5.0])])
    model.fit(ds.X / 10.0, ds.y, epochs=3, batch_size=None, shuffle=False)
    sgd = paths[(paths["optimizer"] == "sgd") & (paths["step"] == 3)]
    np.testing.assert_allclose(sgd[["w", "b"]].to_numpy()[0], model.flat_weights, rtol=1e-12)


def test_moving_the_start_moves_both_paths(at):
    before = chart_frames(at, "opt_surface")
    at.slider(key="opt.w0").set_value(-6.0).run()
    paths = at.session_state["opt.surface"]["paths"]
    assert (paths[paths["step"] == 0]["w"] == -6.0).all()
    assert not all(a.equals(b) for a, b in zip(before, chart_frames(at, "opt_surface"), strict=True))


def test_learning_rate_and_epochs_change_the_paths(at):
    sgd_before = at.session_state["opt.surface"]["paths"].query("optimizer == 'sgd'")[["w", "b"]].to_numpy()
    at.select_slider(key="opt.lr_sgd").set_value(0.3).run()
    sgd_after = at.session_state["opt.surface"]["paths"].query("optimizer == 'sgd'")[["w", "b"]].to_numpy()
    assert not np.allclose(sgd_before, sgd_after)
    at.slider(key="opt.surface_epochs").set_value(15).run()
    assert at.session_state["opt.surface"]["paths"]["step"].max() == 15


def test_adam_step_sizes_are_per_parameter(at):
    steps = at.session_state["opt.surface"]["steps"]
    last = steps[steps["step"] == steps["step"].max()].set_index("parameter")["effective"]
    assert last["w"] != pytest.approx(last["b"], rel=1e-3)
    # The chart draws those numbers, plus gradient descent's one learning rate as a flat line.
    frame = chart_frames(at, "opt_step_sizes")[0]
    assert frame["parameter"].nunique() == 3
    at.radio(key="opt.step_value").set_value("update").run()
    assert chart_frames(at, "opt_step_sizes")[0]["parameter"].nunique() == 2


def test_race_starts_from_identical_weights_and_adam_steps_differ(at):
    race = at.session_state["opt.race"]
    np.testing.assert_array_equal(race["start"]["sgd"], race["start"]["adam"])
    np.testing.assert_array_equal(race["models"]["sgd"].flat_weights, race["models"]["adam"].flat_weights)
    at.button(key="opt.race_button").click().run()
    assert not at.exception
    race = at.session_state["opt.race"]
    assert metric_value(at, "epochs done") == "20"
    assert len(race["losses"]["sgd"]) == len(race["losses"]["adam"]) == 20
    assert not np.allclose(race["models"]["sgd"].flat_weights, race["models"]["adam"].flat_weights)
    effective = race["models"]["adam"].optimizer.effective_learning_rate()
    assert effective.max() > 2 * effective.min()
    # Adam gets lower on this set in 20 epochs at the same learning rate; the table says when each got there.
    assert race["losses"]["adam"][-1] < race["losses"]["sgd"][-1]
    reached = metric_value(at, "Adam: epochs to loss ≤ 0.2")
    assert reached != "not yet" and 1 <= int(reached) <= 20
    assert np.argmax(np.asarray(race["losses"]["adam"]) <= 0.2) + 1 == int(reached)


def test_race_changes_the_boundaries_and_curves(at):
    def image(name):
        return map_fields(at, f"opt_race_map_{name}")[0]

    before = {name: image(name) for name in ("sgd", "adam")}
    assert before["sgd"] == before["adam"]  # identical start, identical boundary
    at.button(key="opt.race_button").click().run()
    after = {name: image(name) for name in ("sgd", "adam")}
    assert after["sgd"] != before["sgd"] and after["adam"] != before["adam"] and after["sgd"] != after["adam"]
    curves = chart_frames(at, "opt_race_losses")[0]
    assert len(curves) == 40 and curves["epoch"].max() == 20


def test_batch_size_restarts_and_sets_steps_per_epoch(at):
    at.button(key="opt.race_button").click().run()
    at.select_slider(key="opt.batch").set_value(100).run()
    assert metric_value(at, "epochs done") == "0"
    at.button(key="opt.race_button").click().run()
    assert at.session_state["opt.race"]["models"]["adam"].optimizer.iterations == 20 * 3
    assert any("one epoch is 3 steps" in md.value for md in at.markdown)


def test_extreme_learning_rates_keep_the_page_alive_with_finite_numbers(at):
    at.select_slider(key="opt.lr_sgd").set_value(8.0).run()
    at.slider(key="opt.surface_epochs").set_value(300).run()
    assert not at.exception
    paths = at.session_state["opt.surface"]["paths"]
    # Either every step is finite, or the page reported where it stopped (and kept the steps before it).
    assert np.isfinite(paths[["w", "b", "loss"]].to_numpy()).all()
    assert paths.query("optimizer == 'sgd'")["step"].max() == 300 or at.error
    at.select_slider(key="opt.race_lr_sgd").set_value(3.0).run()
    at.button(key="opt.race_button").click().run()
    assert not at.exception
    race = at.session_state["opt.race"]
    assert all(np.isfinite(model.flat_weights).all() for model in race["models"].values())


def test_link_carries_the_race_configuration(at):
    at.selectbox(key="opt.dataset").set_value("spiral").run()
    url = at.get("link_button")[0].proto.url
    assert "dataset=spiral" in url and "optimizer=adam" not in url  # adam is the Playground default
    assert "hidden=8%2C8" in url and "acts=tanh%2Ctanh" in url  # two layers, where the default has three
