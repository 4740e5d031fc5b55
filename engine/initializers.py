"""Kernel initializers by name (Keras names). Each returns an (n_in, units) array drawn from `rng`."""

import numpy as np


def _truncated_normal(rng, shape, stddev):
    # Keras redraws values beyond two standard deviations; its stddev is corrected for the truncation.
    values = rng.standard_normal(shape)
    outside = np.abs(values) > 2
    while outside.any():
        values[outside] = rng.standard_normal(outside.sum())
        outside = np.abs(values) > 2
    return values * (stddev / 0.87962566103423978)


INITIALIZERS = {
    "glorot_uniform": lambda rng, n_in, n_out: rng.uniform(-1, 1, (n_in, n_out)) * np.sqrt(6.0 / (n_in + n_out)),
    "glorot_normal": lambda rng, n_in, n_out: _truncated_normal(rng, (n_in, n_out), np.sqrt(2.0 / (n_in + n_out))),
    "he_uniform": lambda rng, n_in, n_out: rng.uniform(-1, 1, (n_in, n_out)) * np.sqrt(6.0 / n_in),
    "he_normal": lambda rng, n_in, n_out: _truncated_normal(rng, (n_in, n_out), np.sqrt(2.0 / n_in)),
    "random_normal": lambda rng, n_in, n_out: rng.normal(0.0, 0.05, (n_in, n_out)),
    "zeros": lambda rng, n_in, n_out: np.zeros((n_in, n_out)),
}


def check_name(name: str) -> str:
    if name not in INITIALIZERS:
        raise ValueError(f"Unknown kernel initializer {name!r}. Choose one of: {', '.join(INITIALIZERS)}.")
    return name


def initialize(name: str, rng: np.random.Generator, n_in: int, units: int) -> np.ndarray:
    return INITIALIZERS[check_name(name)](rng, n_in, units)
