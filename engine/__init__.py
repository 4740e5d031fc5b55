"""Pure-NumPy neural networks with Keras names. No Streamlit, Plotly or Altair here."""

from engine.losses import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    MeanSquaredError,
    SparseCategoricalCrossentropy,
    head_mismatch,
    head_mismatch_info,
)
from engine.model import Dense, History, Sequential, TrainingDiverged
from engine.optimizers import SGD, Adam
from engine.preprocessing import Normalization
from engine.regularizers import L1, L2
from engine.serialization import ModelFileError, dumps, load_model, loads, save_model

__all__ = [
    "SGD", "Adam", "L1", "L2", "BinaryCrossentropy", "CategoricalCrossentropy", "Dense", "History",
    "MeanSquaredError", "Normalization", "Sequential", "SparseCategoricalCrossentropy", "TrainingDiverged",
    "ModelFileError", "dumps", "head_mismatch", "head_mismatch_info", "load_model", "loads", "save_model",
]
