"""`newsledger serve`: the ledger as a JSON API and report pages (FastAPI, Jinja2, vendored Vega-Lite)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
