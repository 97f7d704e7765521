"""Vega-Lite specifications for the pages' charts. They go into the page as JSON data blocks; the vendored
Vega-Lite renders them (static/chart.js)."""

from __future__ import annotations

from datetime import date

from ..models import Figure, Value
from .views import shown, when

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier only: nothing is fetched
_FONT = {
    "config": {
        "font": "system-ui, -apple-system, 'Segoe UI', sans-serif",
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "grid": True, "gridOpacity": 0.5},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
        "view": {"stroke": None},
    }
}


def _span_days(days: list[str]) -> int:
    ds = sorted(d for d in days if d and len(d) >= 10)
    return (date.fromisoformat(ds[-1][:10]) - date.fromisoformat(ds[0][:10])).days if ds else 0


def _time_axis(days: list[str]) -> tuple[str, dict]:
    """(time unit, axis) that read well for the span: one tick a day over a few weeks (else Vega repeats a
    day's label at every half day), months over long spans."""
    span = _span_days(days)
    if span <= 31:
        return "yearmonthdate", {"format": "%b %d", "labelAngle": 0, "tickCount": {"interval": "day", "step": 1}}
    if span <= 400:
        return "yearmonthdate", {"format": "%b %d", "labelAngle": 0}
    return "yearmonth", {"format": "%b %Y", "labelAngle": 0}


def _y(v: Value) -> float | None:
    """Where a value sits on the value axis: its point, else the middle of its range."""
    if v.point is not None:
        return v.point
    if v.low is not None and v.high is not None:
        return (v.low + v.high) / 2
    return v.low if v.low is not None else v.high


def figure_chart(f: Figure, titles: dict[str, str | None]) -> dict:
    """Every claim of a figure over time, coloured by source, over the low–high band and the best line."""
    rows = [
        {
            "when": m.published or when(c),
            "value": y,
            "low": c.value.low if c.value.low is not None else y,
            "high": c.value.high if c.value.high is not None else y,
            "source": c.source or "unattributed",
            "figure": shown(c),
            "qualifier": c.qualifier.replace("_", " "),
            "said": c.text,
            "article": titles.get(m.article) or m.article,
        }
        for c in f.claims
        if (y := _y(c.value)) is not None
        for m in c.mentions
        if m.published or when(c)
    ]  # a point for every report of a statement
    title = f"{f.measure} ({f.counted})"
    color = {"field": "source", "type": "nominal", "title": "source", "scale": {"scheme": "tableau10"}}
    unit, axis = _time_axis([r["when"] for r in rows])
    x = {
        "field": "when",
        "type": "temporal",
        "timeUnit": "yearmonthdate" if unit == "yearmonth" else unit,
        "title": "reported",
        "scale": {"padding": 24},
        "axis": axis,
    }
    layers: list[dict] = []
    # Estimates a hundredfold apart would flatten every smaller one on a linear axis.
    values = [v for r in rows for v in (r["low"], r["high"]) if v is not None]
    wide = bool(values) and max(values) > 100 * max(min(values), 1)
    y_scale = {"type": "symlog"} if wide else {"zero": True}
    y_axis = (
        {
            "values": [0] + [10**k for k in range(len(str(int(max(values)))) + 1)],
            "format": ",d",
            "labelOverlap": "greedy",
        }
        if wide
        else {}
    )
    if f.low is not None and f.high is not None:
        layers.append(
            {
                "data": {"values": [{"low": f.low, "high": f.high}]},
                "mark": {"type": "rect", "color": "#8aa4c8", "opacity": 0.18},
                "encoding": {"y": {"field": "low", "type": "quantitative"}, "y2": {"field": "high"}},
            }
        )
    if f.best is not None:
        layers.append(
            {
                "data": {"values": [{"best": f.best, "label": f"best {f.best:,.0f}"}]},
                "layer": [
                    {
                        "mark": {"type": "rule", "color": "#1f3b63", "strokeDash": [6, 4]},
                        "encoding": {"y": {"field": "best", "type": "quantitative"}},
                    },
                    {
                        "mark": {"type": "text", "align": "left", "dx": 4, "dy": -7, "color": "#1f3b63", "x": 0},
                        "encoding": {"y": {"field": "best", "type": "quantitative"}, "text": {"field": "label"}},
                    },
                ],
            }
        )
    tooltip = [
        {"field": "source"},
        {"field": "figure"},
        {"field": "qualifier"},
        {"field": "when", "type": "temporal", "format": "%Y-%m-%d", "title": "date"},
        {"field": "article"},
        {"field": "said"},
    ]
    layers.append(
        {
            "data": {"values": rows},
            "layer": [
                {
                    "mark": {"type": "rule", "strokeWidth": 2},
                    "encoding": {
                        "x": x,
                        "y": {"field": "low", "type": "quantitative"},
                        "y2": {"field": "high"},
                        "color": color,
                    },
                },
                {
                    "mark": {"type": "point", "filled": True, "size": 110, "opacity": 0.9},
                    "encoding": {
                        "x": x,
                        "y": {
                            "field": "value",
                            "type": "quantitative",
                            "title": title,
                            "scale": y_scale,
                            "axis": y_axis,
                        },
                        "color": color,
                        "shape": {"field": "source", "type": "nominal", "title": "source"},
                        "tooltip": tooltip,
                    },
                },
            ],
        }
    )
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": 300,
        "layer": layers,
        "usermeta": {"log": wide},
        "resolve": {"scale": {"y": "shared"}},
        **_FONT,
    }


def timeline_chart(timeline: list[dict], name: str) -> dict:
    """Mentions of an entity per publication day."""
    rows = [d for d in timeline if d.get("day")]
    unit, axis = _time_axis([d["day"] for d in rows])  # long spans: mentions per month
    if unit == "yearmonth":  # summed here: years of days would weigh down the page for the same bars
        months: dict[str, dict] = {}
        for d in rows:
            m = months.setdefault(d["day"][:7] + "-01", {"day": d["day"][:7] + "-01", "mentions": 0, "articles": 0})
            m["mentions"] += d["mentions"]
            m["articles"] += d["articles"]
        rows = list(months.values())
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": 160,
        "data": {"values": rows},
        "mark": {"type": "bar", "color": "#3b6ea5", "cornerRadiusEnd": 2},
        "encoding": {
            "x": {
                "field": "day",
                "type": "temporal",
                "timeUnit": unit,
                "title": "day" if unit == "yearmonthdate" else "month",
                "axis": axis,
            },
            "y": {
                "field": "mentions",
                "type": "quantitative",
                "aggregate": "sum",
                "title": f"mentions of {name}",
                "axis": {"tickMinStep": 1, "format": "d"},
            },
            "tooltip": [
                {
                    "field": "day",
                    "type": "temporal",
                    "timeUnit": unit,
                    "format": "%Y-%m-%d" if unit == "yearmonthdate" else "%B %Y",
                },
                {"field": "mentions", "aggregate": "sum", "title": "mentions"},
                {"field": "articles", "aggregate": "sum", "title": "articles"},
            ],
        },
        **_FONT,
    }


WORLD = "/static/vendor/countries-110m.json"  # world-atlas, vendored by scripts/vendor_js.sh: no tile server


def place_rows(places) -> list[dict]:
    """Resolved places (models.Place) as one row per place, with how often it is named; most named first."""
    rows: dict[tuple, dict] = {}
    for p in places:
        if p.lat is None or p.lon is None:
            continue
        key = (p.name, round(p.lat, 3), round(p.lon, 3))
        row = rows.setdefault(key, {"place": p.name, "country": p.country or "", "admin1": p.admin1 or "",
                                    "lat": p.lat, "lon": p.lon, "mentions": 0})  # fmt: skip
        row["mentions"] += 1
    return sorted(rows.values(), key=lambda r: (-r["mentions"], r["place"] or ""))


def place_map(rows: list[dict], title: str = "places") -> dict:
    """A world map of points (`place_rows`, or any rows with lat, lon, place and mentions): the vendored
    world outline under one circle per place, sized by mentions. Reusable by any page (events' too)."""
    return {
        "$schema": SCHEMA,
        "width": "container",
        "height": 320,
        "projection": {"type": "equalEarth"},
        "layer": [
            {
                "data": {"url": WORLD, "format": {"type": "topojson", "feature": "countries"}},
                "mark": {"type": "geoshape", "fill": "#e8e8e4", "stroke": "#b5b5ad", "strokeWidth": 0.5},
            },
            {
                "data": {"values": rows},
                "mark": {"type": "circle", "color": "#b8432f", "opacity": 0.8, "stroke": "white", "strokeWidth": 0.5},
                "encoding": {
                    "longitude": {"field": "lon", "type": "quantitative"},
                    "latitude": {"field": "lat", "type": "quantitative"},
                    "size": {
                        "field": "mentions",
                        "type": "quantitative",
                        "legend": None,
                        "scale": {"range": [30, 400]},
                    },  # fmt: skip (the caption says what size is)
                    "tooltip": [
                        {"field": "place", "title": title},
                        {"field": "admin1", "title": "region"},
                        {"field": "country"},
                        {"field": "mentions"},
                    ],
                },
            },
        ],
        **_FONT,
    }
