"""Numbers a learner reads count from 1, as the lessons and the course notes do ("class 1", point 1, z_1).

The engine, the URL, CSV export, model files and session state keep 0-based indices and the data sets' own
labels (`engine/datasets.py` names generated classes "class 0", "arm 2", ...); the conversion to what is shown
happens here, at display time, and nowhere else: `shown(index)` for a point, a class, a unit or an example, and
`ui.chart_style.display_name`, which shows a generated numbered class name ("class 0") with `shown` ("class 1").
A CSV's own class labels ("cat", or "7") and the digits' labels are names, not indices: they are shown as they are.
"""


def shown(index) -> int:
    """The number a learner reads for 0-based `index` (0 -> 1).

    >>> shown(0), shown(9)
    (1, 10)
    """
    return int(index) + 1


def index_of(number) -> int:
    """The 0-based index behind the `number` a learner reads or types (1 -> 0); `shown`'s inverse.

    >>> index_of(shown(4))
    4
    """
    return int(number) - 1
