"""Ingest: inputs (files, directories, JSONL, HTML, stdin) to Article records."""

from .readers import read_inputs

__all__ = ["read_inputs"]
