"""Pure-NumPy neural networks with Keras names. No Streamlit, Plotly or Altair here."""

from engine.losses import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    MeanSquaredError,
    SparseCategoricalCrossentropy,
    head_mismatch,
)
from engine.model import Dense, History, Sequential, TrainingDiverged
from engine.optimizers import SGD, Adam
from engine.regularizers import L1, L2

__all__ = [
    "SGD", "Adam", "L1", "L2", "BinaryCrossentropy", "CategoricalCrossentropy", "Dense", "History",
    "MeanSquaredError", "Sequential", "SparseCategoricalCrossentropy", "TrainingDiverged", "head_mismatch",
]
