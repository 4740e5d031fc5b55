import json

import numpy as np
import pytest

from engine import Normalization
from engine.features import FEATURES, expand, grid_points, plot_range


def test_feature_names_are_playgrounds():
    assert list(FEATURES) == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin_x1", "sin_x2"]


def test_expand_computes_each_feature_in_the_selected_order():
    X = np.array([[1.0, -2.0], [0.5, 3.0]])
    out = expand(X, list(FEATURES))
    expected = np.array([
        [1.0, -2.0, 1.0, 4.0, -2.0, np.sin(1.0), np.sin(-2.0)],
        [0.5, 3.0, 0.25, 9.0, 1.5, np.sin(0.5), np.sin(3.0)],
    ])
    np.testing.assert_allclose(out, expected)
    np.testing.assert_allclose(expand(X, ["x2^2", "x1"]), [[4.0, 1.0], [9.0, 0.5]])
    assert expand(X, ("x1*x2",)).shape == (2, 1)


def test_expand_rejects_bad_input():
    X = np.zeros((3, 2))
    with pytest.raises(ValueError, match="at least one"):
        expand(X, [])
    with pytest.raises(ValueError, match="Unknown input feature"):
        expand(X, ["x3"])
    with pytest.raises(ValueError, match=r"\(n, 2\)"):
        expand(np.zeros((3, 4)), ["x1"])


def test_grid_is_row_major_over_the_box():
    points, xs, ys = grid_points((-6, 6), (-3, 1), 5)
    assert points.shape == (25, 2)
    np.testing.assert_allclose(xs, np.linspace(-6, 6, 5))
    np.testing.assert_allclose(ys, np.linspace(-3, 1, 5))
    for i in range(5):
        for j in range(5):
            np.testing.assert_allclose(points[i * 5 + j], [xs[j], ys[i]])
    # A function of the points reshapes to an image with rows = y.
    values = points[:, 1].reshape(5, 5)
    np.testing.assert_allclose(values[:, 0], ys)
    with pytest.raises(ValueError):
        grid_points((0, 1), (0, 1), 1)


def test_plot_range_adds_a_margin():
    X = np.array([[0.0, 10.0], [10.0, 10.0]])
    (x_lo, x_hi), (y_lo, y_hi) = plot_range(X, margin=0.1)
    assert (x_lo, x_hi) == pytest.approx((-1.0, 11.0))
    assert y_lo < 10 < y_hi  # a constant column still gets a visible span
    assert len(plot_range(np.zeros((4, 1)))) == 1


def test_normalization_standardises_and_round_trips_through_json():
    rng = np.random.default_rng(0)
    X = rng.normal([100.0, -3.0, 7.0], [20.0, 0.5, 0.0], (500, 3))
    norm = Normalization().adapt(X)
    Z = norm(X)
    np.testing.assert_allclose(Z.mean(0), 0, atol=1e-12)
    np.testing.assert_allclose(Z.std(0), [1, 1, 0], atol=1e-12)  # a constant feature stays 0, not NaN
    np.testing.assert_allclose(norm.inverse(Z), X)
    again = Normalization.from_config(json.loads(json.dumps(norm.get_config())))
    np.testing.assert_allclose(again(X[:5]), Z[:5])
    with pytest.raises(ValueError, match="adapt"):
        Normalization()(X)
    with pytest.raises(ValueError, match="3 column"):
        norm(X[:, :2])
