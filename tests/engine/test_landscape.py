"""The loss landscape slice: its centre is the model's training loss, its grid points are the model's own loss
of the perturbed weights, its directions are filter-normalised, and a training path projects onto its plane."""

import copy

import numpy as np
import pytest

from engine import L2, Dense, Normalization, Sequential
from engine.landscape import (
    filter_normalize,
    loss_slice,
    losses_at,
    path_directions,
    project_path,
    random_directions,
)


def _xor(n=400, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5, 5, (n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


def _model(head="sigmoid", hidden="tanh", reg=None, scale=False, units=1, loss="binary_crossentropy",
           from_logits=False):
    from engine.losses import LOSSES

    layers = [Normalization()] if scale else []
    layers += [Dense(8, activation=hidden, kernel_regularizer=reg), Dense(8, activation=hidden, kernel_regularizer=reg),
               Dense(units, activation=head, kernel_regularizer=reg)]
    model = Sequential(layers, seed=0)
    model.compile(optimizer="adam", loss=LOSSES[loss](from_logits=from_logits))
    return model


def _trained(model, X, y, epochs=5):
    if model.normalization is not None:
        model.normalization.adapt(X)
    path = []
    model.fit(X, y, epochs=1, batch_size=20)
    path.append(model.get_weights())
    for _ in range(epochs - 1):
        model.fit(X, y, epochs=1, batch_size=20)
        path.append(model.get_weights())
    return path


CASES = {
    "sigmoid + binary cross-entropy": dict(),
    "relu, linear head, logits + cross-entropy": dict(head="linear", hidden="relu", from_logits=True),
    "softmax, 3 classes, L2": dict(head="softmax", units=3, loss="categorical_crossentropy", reg=L2(0.01)),
    "regression, normalization": dict(head="linear", loss="mse", scale=True),
}


def _targets(case, X, y):
    if case.get("units") == 3:
        return np.eye(3)[np.digitize(X[:, 0], [-5 / 3, 5 / 3])]  # three bands along x1, one-hot
    if case.get("loss") == "mse":
        return X[:, 0] * 2.0 - X[:, 1]
    return y


@pytest.mark.parametrize("name", CASES)
def test_centre_is_the_training_loss_and_a_grid_point_is_the_perturbed_models_loss(name):
    case = CASES[name]
    X, y = _xor()
    y = _targets(case, X, y)
    model = _model(**case)
    _trained(model, X, y, epochs=3)
    scape = loss_slice(model, X, y, resolution=9, radius=0.8, seed=3)
    assert scape.losses.shape == (9, 9)
    assert scape.alphas[4] == 0.0 and scape.betas[4] == 0.0
    # Centre = the model's current training loss (evaluate includes the L2 penalty).
    assert scape.centre_loss == pytest.approx(model.evaluate(X, y), rel=1e-9)
    assert scape.losses[4, 4] == pytest.approx(model.evaluate(X, y), rel=1e-9)
    # A grid point off the centre: rows follow the second direction, columns the first.
    i, j = 7, 1
    a, b = scape.alphas[i], scape.betas[j]
    d1, d2 = scape.directions
    other = copy.deepcopy(model)
    other.set_weights([w + a * u + b * v for w, u, v in zip(model.get_weights(), d1, d2, strict=True)])
    assert scape.losses[j, i] == pytest.approx(other.evaluate(X, y), rel=1e-9)
    assert scape.losses[j, i] != pytest.approx(scape.centre_loss, rel=1e-3)  # it really moved


def test_the_slice_leaves_the_model_unchanged_and_reports_progress():
    X, y = _xor()
    model = _model()
    _trained(model, X, y, epochs=2)
    before = model.get_weights()
    seen = []
    scape = loss_slice(model, X, y, resolution=41, radius=1.0, progress=seen.append)
    for got, want in zip(model.get_weights(), before, strict=True):
        np.testing.assert_array_equal(got, want)
    assert seen == sorted(seen) and seen[-1] == 1.0 and 0 < seen[0] <= 1.0
    assert scape.evaluations == 41 * 41 + 1
    assert np.isfinite(scape.losses).all()


def test_directions_are_filter_normalised_with_zero_biases():
    X, y = _xor()
    model = _model()
    _trained(model, X, y, epochs=2)
    weights = model.get_weights()
    d1, d2 = random_directions(weights, seed=7)
    for d in (d1, d2):
        for part, w in zip(d, weights, strict=True):
            assert part.shape == w.shape
            if w.ndim == 1:
                assert not part.any()  # biases are not perturbed
            else:
                np.testing.assert_allclose(np.linalg.norm(part, axis=0), np.linalg.norm(w, axis=0), rtol=1e-12)
                cosine = np.sum(part * w) / (np.linalg.norm(part) * np.linalg.norm(w))
                assert abs(cosine) < 0.9  # a random direction, not the weights themselves
    assert not np.allclose(d1[0], d2[0])
    # The same seed gives the same directions; a unit with zero weights gets a zero direction.
    np.testing.assert_array_equal(random_directions(weights, seed=7)[0][2], d1[2])
    zero = filter_normalize([np.ones((2, 2)), np.ones(2)], [np.array([[0.0, 3.0], [0.0, 4.0]]), np.ones(2)])
    np.testing.assert_allclose(zero[0], [[0.0, 5 / np.sqrt(2)], [0.0, 5 / np.sqrt(2)]])


def test_projection_of_a_recorded_training_path_ends_at_the_centre():
    X, y = _xor()
    model = _model()
    path = _trained(model, X, y, epochs=6)
    weights = model.get_weights()
    directions = random_directions(weights, seed=1)
    coords = project_path(path, weights, directions)
    assert coords.shape == (6, 2)
    np.testing.assert_allclose(coords[-1], [0.0, 0.0], atol=1e-12)
    assert np.abs(coords[0]).max() > 1e-4  # the first epoch's weights lie elsewhere
    # A point built in the plane comes back as its own coefficients.
    d1, d2 = directions
    inside = [w + 0.3 * u - 0.2 * v for w, u, v in zip(weights, d1, d2, strict=True)]
    np.testing.assert_allclose(project_path([inside], weights, directions), [[0.3, -0.2]], atol=1e-10)


def test_path_directions_span_the_path():
    X, y = _xor()
    model = _model()
    path = _trained(model, X, y, epochs=8)
    weights = model.get_weights()
    directions = path_directions(path, weights)
    coords = project_path(path, weights, directions)
    # Scaled to the path's extent along each direction: the farthest point is at |a| = 1 (or |b| = 1).
    assert np.abs(coords[:, 0]).max() == pytest.approx(1.0)
    assert np.abs(coords[:, 1]).max() == pytest.approx(1.0)
    # The top two components hold most of a short training path (far more than a random plane would).
    flat = np.array([np.concatenate([np.ravel(a - b) for a, b in zip(p, weights, strict=True)]) for p in path])
    d = np.column_stack([np.concatenate([np.ravel(p) for p in direction]) for direction in directions])
    residual = flat - (d @ coords.T).T
    assert np.linalg.norm(residual) < 0.5 * np.linalg.norm(flat)
    with pytest.raises(ValueError, match="at least two"):
        path_directions(path[:1], weights)


def test_losses_at_many_weight_sets_match_evaluate_one_by_one():
    X, y = _xor(100)
    model = _model(reg=L2(0.05))
    _trained(model, X, y, epochs=2)
    rng = np.random.default_rng(0)
    flat = np.concatenate([np.ravel(w) for w in model.get_weights()])
    sets = flat + 0.3 * rng.standard_normal((5, flat.size))
    got = losses_at(model, X, y, sets)
    other = copy.deepcopy(model)
    for k in range(5):
        other.flat_weights[...] = sets[k]
        assert got[k] == pytest.approx(other.evaluate(X, y), rel=1e-9)


@pytest.mark.parametrize("kwargs", [dict(resolution=1), dict(resolution=2.5), dict(radius=0), dict(radius=np.nan)])
def test_bad_grid_settings_are_plain_value_errors(kwargs):
    X, y = _xor(50)
    model = _model()
    model.build(2)
    with pytest.raises(ValueError, match="resolution|radius"):
        loss_slice(model, X, y, **kwargs)
