"""How figures read to a person."""

from newsledger.models import Value
from newsledger.present import figure, interval


def test_figures_read_as_news_writes_them():
    assert figure(Value(20.0, 20.0, None), "more_than") == ">20"
    assert figure(Value(3500.0), "approx") == "~3,500"
    assert figure(Value(340e6), "approx", "USD") == "~$340 million"
    assert figure(Value(None, 200e6, 300e6), "range", "USD") == "$200 million–300 million"
    assert figure(Value(18.0), "exact", "percent", "down") == "−18%"
    assert figure(Value(2.5e6), "exact", "EUR") == "€2.5 million"
    assert figure(Value(6.0), "at_least", "months") == "≥6 months"


def test_interval_says_what_the_statement_allows():
    assert interval(Value(20.0, 20.0, None)) == "20–∞"
    assert interval(Value(150.0, None, 150.0)) == "≤150"
    assert interval(Value(31.0, 31.0, 31.0)) == ""
    assert interval(Value(None, 300.0, 400.0)) == "300–400"
