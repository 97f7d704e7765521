"""The chart specifications: every report of a statement is a point, and the axes fit the data."""
from __future__ import annotations

from newsledger.serve.charts import figure_chart, timeline_chart
from newsledger.serve.reconciled import FigureClaim, FigureView


def claim(source, point, day, low=None, high=None, mentions=None):
    return FigureClaim("a1", source, str(point), point, low, high, "exact", day, day, 1, str(point),
                       mentions or (("a1", day, 1),))


def points(spec):
    layer = next(l for l in spec["layer"] if "layer" in l and l["layer"][-1]["mark"]["type"] == "point")
    return layer["data"]["values"], layer["layer"][-1]["encoding"]


def test_every_mention_is_a_point_on_a_linear_axis():
    f = FigureView("f", "killed", "people", 20, 31, 150, "2025-03-04", "2025-03-09", (
        claim("Ministry", 23, "2025-03-04"),
        claim("Red Cross", 90, "2025-03-09", mentions=(("a2", "2025-03-08", 2), ("a3", "2025-03-09", 3))),
        claim("Opposition", 150, "2025-03-06")))
    rows, enc = points(figure_chart(f, {"a2": "Title"}))
    assert len(rows) == 4 and {r["source"] for r in rows} == {"Ministry", "Red Cross", "Opposition"}
    assert enc["y"]["scale"] == {"zero": True} and enc["x"]["axis"]["tickCount"] == {"interval": "day", "step": 1}


def test_estimates_far_apart_get_a_log_axis():
    f = FigureView("f", "killed", "people", 0, 1000, 3_000_000, "2020-01-01", "2020-07-01", (
        claim("A", 0, "2020-01-01"), claim("B", 3_000_000, "2020-07-01")))
    spec = figure_chart(f, {})
    _, enc = points(spec)
    assert enc["y"]["scale"]["type"] == "symlog" and spec["usermeta"]["log"]
    assert enc["y"]["axis"]["values"][-1] >= 3_000_000


def test_long_timelines_are_counted_by_month():
    spec = timeline_chart([{"day": "2015-07-01", "mentions": 3, "articles": 1},
                           {"day": "2015-07-20", "mentions": 1, "articles": 1},
                           {"day": "2020-07-01", "mentions": 5, "articles": 2}], "X")
    assert spec["encoding"]["x"]["timeUnit"] == "yearmonth" and spec["encoding"]["y"]["aggregate"] == "sum"
    assert spec["data"]["values"] == [{"day": "2015-07-01", "mentions": 4, "articles": 2},  # one row a month
                                      {"day": "2020-07-01", "mentions": 5, "articles": 2}]


def test_an_undated_claim_is_not_placed_on_the_time_axis():
    from newsledger.models import Value
    from newsledger.reconcile import figures
    from newsledger.serve.reconciled import _figure

    def statement(article, published, time, claim):
        return figures.FigureClaim(article, "the ministry", "40", Value(40.0, 40.0, 40.0), "exact", published,
                                   claim, time, (figures.Mention(article, published, claim),))

    # An undated article's claim resolves its time against no date: "XXXX-XX-XX" names no day.
    f = figures.Figure("f1", "killed", "people", 40.0, 40.0, 40.0, None, None,
                       (statement("a1", None, "XXXX-XX-XX", 1), statement("a2", "2025-03-04", None, 2)))
    view = _figure(f)
    assert [c.when for c in view.claims] == [None, "2025-03-04"]
    figure_chart(view, {})  # used to raise on the undated claim
