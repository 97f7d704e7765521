"""The chart specifications: every report of a statement is a point, and the axes fit the data."""

from __future__ import annotations

from newsledger.models import Figure, FigureClaim, Mention, Value
from newsledger.serve.charts import figure_chart, timeline_chart


def claim(source, point, day, mentions=None, time=None):
    return FigureClaim(
        "a1",
        source,
        str(point),
        Value(point, point, point),
        "exact",
        day,
        1,
        time,
        mentions or (Mention("a1", day, 1),),
    )


def points(spec):
    layer = next(l for l in spec["layer"] if "layer" in l and l["layer"][-1]["mark"]["type"] == "point")
    return layer["data"]["values"], layer["layer"][-1]["encoding"]


def test_every_mention_is_a_point_on_a_linear_axis():
    f = Figure(
        "f",
        "killed",
        "people",
        20,
        31,
        150,
        "2025-03-04",
        "2025-03-09",
        (
            claim("Ministry", 23, "2025-03-04"),
            claim(
                "Red Cross", 90, "2025-03-09", mentions=(Mention("a2", "2025-03-08", 2), Mention("a3", "2025-03-09", 3))
            ),
            claim("Opposition", 150, "2025-03-06"),
        ),
        3,
    )
    rows, enc = points(figure_chart(f, {"a2": "Title"}))
    assert len(rows) == 4 and {r["source"] for r in rows} == {"Ministry", "Red Cross", "Opposition"}
    assert enc["y"]["scale"] == {"zero": True} and enc["x"]["axis"]["tickCount"] == {"interval": "day", "step": 1}


def test_estimates_far_apart_get_a_log_axis():
    f = Figure(
        "f",
        "killed",
        "people",
        0,
        1000,
        3_000_000,
        "2020-01-01",
        "2020-07-01",
        (claim("A", 0, "2020-01-01"), claim("B", 3_000_000, "2020-07-01")),
        2,
    )
    spec = figure_chart(f, {})
    _, enc = points(spec)
    assert enc["y"]["scale"]["type"] == "symlog" and spec["usermeta"]["log"]
    assert enc["y"]["axis"]["values"][-1] >= 3_000_000


def test_long_timelines_are_counted_by_month():
    spec = timeline_chart(
        [
            {"day": "2015-07-01", "mentions": 3, "articles": 1},
            {"day": "2015-07-20", "mentions": 1, "articles": 1},
            {"day": "2020-07-01", "mentions": 5, "articles": 2},
        ],
        "X",
    )
    assert spec["encoding"]["x"]["timeUnit"] == "yearmonth" and spec["encoding"]["y"]["aggregate"] == "sum"
    assert spec["data"]["values"] == [
        {"day": "2015-07-01", "mentions": 4, "articles": 2},  # one row a month
        {"day": "2020-07-01", "mentions": 5, "articles": 2},
    ]


def test_an_undated_claim_is_not_placed_on_the_time_axis():
    from newsledger.serve.views import figure_detail

    # An undated article's claim resolves its time against no date: "XXXX-XX-XX" names no day.
    f = Figure(
        "f1",
        "killed",
        "people",
        40.0,
        40.0,
        40.0,
        None,
        None,
        (claim("the ministry", 40.0, None, time="XXXX-XX-XX"), claim("the ministry", 40.0, "2025-03-04")),
        1,
    )
    assert [c["when"] for c in figure_detail(f)["claims"]] == [None, "2025-03-04"]
    rows, _ = points(figure_chart(f, {}))  # used to raise on the undated claim
    assert [r["when"] for r in rows] == ["2025-03-04"]
