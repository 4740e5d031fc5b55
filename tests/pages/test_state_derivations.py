"""What ui.state derives must agree with its sources: the engine registries, the widgets, the effect lists."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS
from engine.features import FEATURES
from engine.initializers import INITIALIZERS
from engine.optimizers import OPTIMIZERS
from ui import playground as pg
from ui.state import EFFECTS, FIELDS, FIELDS_BY_NAME, fields_with, parse

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "1_Playground.py")


def test_every_field_has_exactly_one_known_effect_and_the_lists_cover_all_fields_once():
    listed = [name for effect in EFFECTS for name in fields_with(effect)]
    assert sorted(listed) == sorted(field.name for field in FIELDS)
    assert len(listed) == len(set(listed))
    assert pg.DATA_FIELDS == fields_with("data")
    assert pg.STRUCTURE_FIELDS == fields_with("structure")
    assert not set(pg.DATA_FIELDS) & set(pg.STRUCTURE_FIELDS)
    with pytest.raises(ValueError):
        fields_with("nothing")


def test_every_registry_name_is_a_choice():
    elementwise = {name for name in ACTIVATIONS if name != "softmax"}
    assert set(FIELDS_BY_NAME["acts"].choices) == elementwise
    assert set(FIELDS_BY_NAME["init"].choices) == set(INITIALIZERS)
    assert set(FIELDS_BY_NAME["optimizer"].choices) == set(OPTIMIZERS)
    assert set(FIELDS_BY_NAME["features"].choices) == set(FEATURES)
    dataset = FIELDS_BY_NAME["dataset"]
    for key in [*DATASETS, "upload"]:
        assert parse(dataset, key) == key
    assert parse(dataset, "no_such_set") == dataset.default


def _widgets(at):
    """Every widget of the run with a key, key -> element."""
    found = {}

    def walk(node):
        for child in getattr(node, "children", {}).values():
            key = getattr(child, "key", None)
            if isinstance(key, str):
                found[key] = child
            walk(child)

    walk(at._tree)
    return found


def _limits(element) -> tuple:
    """(min, max, step) of a slider or number input, as its proto carries them."""
    return element.proto.min, element.proto.max, element.proto.step


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_every_ranged_widget_uses_its_fields_range(optimizer):
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["optimizer"] = optimizer
    # a set with every control (points, noise, classes), so each of those widgets is drawn
    at.query_params["dataset"] = next(key for key, spec in DATASETS.items()
                                      if {"n_points", "noise", "classes"} <= set(spec.controls))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    widgets = _widgets(at)
    ranged = [f for f in FIELDS if f.low is not None and f.kind in ("int", "float") and "w." + f.name in widgets]
    checked = set()
    for field in ranged:
        element = widgets["w." + field.name]
        if element.type not in ("slider", "number_input"):
            continue
        low, high, step = _limits(element)
        if field.name == "classes":
            # bounded by the data set's own limits, which lie inside the field's
            assert field.low <= low <= high <= field.high
        else:
            assert (low, high) == (field.low, field.high), field.name
        if field.step is not None:
            assert step == pytest.approx(field.step), field.name
        checked.add(field.name)
    expected = {"n_points", "noise", "test_pct", "data_seed", "classes", "imbalance", "label_noise", "seed",
                "epochs_per_tick"} | ({"momentum"} if optimizer == "sgd" else set())
    assert checked == expected
    # option lists stay inside the field's range
    for name in ("lr", "batch", "reg_rate"):
        field = FIELDS_BY_NAME[name]
        options = [float(o) for o in widgets["w." + name].options]
        assert all(field.low <= o <= field.high for o in options), name
    units = [e for k, e in widgets.items() if k.startswith("w.units.")]
    assert units and all(e.proto.min >= FIELDS_BY_NAME["hidden"].low for e in units)
    assert all(e.proto.max <= FIELDS_BY_NAME["hidden"].high for e in units)
