"""schemathesis against the OpenAPI document, in-process: every endpoint with generated parameters answers
as its schema says (no 500s, declared status codes, conforming bodies). Examples are bounded.

The operations are driven with Hypothesis directly: schemathesis's pytest plugin (`from_fixture`) reads a
node attribute that pytest 9 no longer has.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from newsledger.serve import create_app

EXAMPLES = 25


def test_api_conforms_to_its_schema(demo_db):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(demo_db))
    failures, ran = [], []
    for result in schema.get_all_operations():
        op = result.ok()

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate()

        try:
            check()
        except Exception as e:  # noqa: BLE001 - collected, so every operation is checked
            failures.append(f"{op.label}: {e}")
        ran.append(op.label)
    assert "GET /api/claims" in ran and "GET /api/figures/{figure_id}" in ran
    assert not failures, "\n\n".join(failures)
