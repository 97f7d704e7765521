"""Steps: every derived layer of the ledger, with a name, a version, typed options and what it requires.

    extract   per article: entities, quotes, claims, times, events from the stored text
    dedup     exact and near-duplicate (syndicated) articles
    stories   articles about the same event (requires dedup)
    entities  canonical entities across articles (requires extract)
    figures   claims about one quantity side by side (requires extract, dedup, stories, entities)

The ledger records what made its rows (per article for `extract`, per step for the others: version and
a hash of the options that change results). `status` compares that with this newsledger; `reprocess`
brings the ledger up to date without re-reading any input: articles re-extracted from their stored text
when `extract` changed, a cross-article step rebuilt when it or a step it requires changed. A step's
version goes up whenever a change to its code changes what it stores.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from .errors import NewsledgerError
from .ingest.boilerplate import remark
from .store import Ledger
from .store import steps as made


@dataclass(frozen=True)
class Step:
    name: str
    version: int
    options: Any  # a frozen dataclass: the defaults
    requires: tuple[str, ...] = ()
    update: Callable[[Ledger, Any], int] | None = None  # cross-article steps: incremental
    per_article: bool = False
    # Options that change only speed or memory, never a result: left out of the hash.
    tuning: tuple[str, ...] = ()

    def options_with(self, chosen: dict) -> Any:
        """The defaults with `chosen` values (names checked, values cast to the option's type)."""
        known = {f.name: f for f in fields(self.options)}
        values = {}
        for k, v in chosen.items():
            if k not in known:
                raise NewsledgerError("NL701", f"has no option {k!r}; options: {', '.join(sorted(known))}", self.name)
            default = getattr(self.options, k)
            try:
                values[k] = (
                    type(default)(v)
                    if default is not None and not isinstance(default, bool)
                    else (v if not isinstance(default, bool) else str(v).lower() in ("1", "true", "yes"))
                )
            except (TypeError, ValueError):
                raise NewsledgerError(
                    "NL701", f"option {k!r} takes a {type(default).__name__}, not {v!r}", self.name
                ) from None
        return replace(self.options, **values)

    def result_options(self, options: Any) -> dict:
        return {k: v for k, v in asdict(options).items() if k not in self.tuning}

    def options_hash(self, options: Any) -> str:
        text = json.dumps(self.result_options(options), sort_keys=True, default=str)
        return hashlib.sha1(text.encode()).hexdigest()[:12]


REGISTRY: dict[str, Step] = {}


def register(step: Step) -> Step:
    for r in step.requires:
        if r not in REGISTRY:
            raise ValueError(f"step {step.name} requires {r}, which is not registered before it")
    REGISTRY[step.name] = step
    return step


def ordered() -> list[Step]:
    """Every step, each after those it requires (registration order)."""
    _load()
    return list(REGISTRY.values())


def get(name: str) -> Step:
    _load()
    if name not in REGISTRY:
        raise NewsledgerError("NL701", f"is not a step; steps: {', '.join(REGISTRY)}", name)
    return REGISTRY[name]


def _load() -> None:
    if not REGISTRY:
        from . import pipeline, reconcile  # noqa: F401  (they register their steps)

        pipeline.register_steps()
        reconcile.register_steps()


def dependents(name: str) -> list[str]:
    """Steps that require `name`, directly or through another step."""
    out: list[str] = []
    for s in ordered():
        if name in s.requires or any(r in out for r in s.requires):
            out.append(s.name)
    return out


def options_for(ledger: Ledger, step: Step) -> Any:
    """The options this ledger runs the step with: its defaults, with what the user chose."""
    return step.options_with(made.chosen_options(ledger, step.name))


# -- status ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepStatus:
    step: str
    version: int  # this newsledger's
    options_hash: str  # of the options this ledger runs it with
    made_version: int | None  # what made the stored rows (None: unknown, or never ran)
    made_hash: str | None
    stale: int  # per-article: articles to redo; cross-article: 1 when the step must be rebuilt
    ran: bool  # whether the step ever ran on this ledger
    reason: str = ""

    @property
    def current(self) -> bool:
        return self.stale == 0


def status(ledger: Ledger) -> list[StepStatus]:
    """Each step, in order, and whether the ledger's rows are what this newsledger would make."""
    out: list[StepStatus] = []
    redo: set[str] = set()
    for s in ordered():
        opts = options_for(ledger, s)
        h = s.options_hash(opts)
        if s.per_article:
            versions = made.article_versions(ledger, s.name)
            stale = sum(n for (v, oh), n in versions.items() if (v, oh) != (s.version, h))
            common = max(versions.items(), key=lambda kv: kv[1])[0] if versions else (None, None)
            reason = _article_reason(versions, s.version, h) if stale else ""
            out.append(StepStatus(s.name, s.version, h, common[0], common[1], stale, bool(versions), reason))
        else:
            st = made.state(ledger, s.name)
            reason = ""
            if st is None:
                reason = ""  # never ran: the next update makes it, nothing stale
            elif st.version is None:
                reason = "made by a newsledger that recorded no versions"
            elif st.version != s.version:
                reason = f"made by version {st.version}, this newsledger has {s.version}"
            elif st.options_hash != h:
                reason = "made with other options" + _options_diff(s, st.options, opts)
            elif upstream := [r for r in s.requires if r in redo]:
                reason = f"{', '.join(upstream)} must be redone first"
            out.append(
                StepStatus(
                    s.name,
                    s.version,
                    h,
                    st.version if st else None,
                    st.options_hash if st else None,
                    1 if reason else 0,
                    st is not None,
                    reason,
                )
            )
        if out[-1].stale:
            redo.add(s.name)
    return out


def _article_reason(versions: dict, version: int, h: str) -> str:
    parts = []
    for (v, oh), n in sorted(versions.items(), key=lambda kv: -kv[1]):
        if (v, oh) == (version, h):
            continue
        parts.append(
            f"{n} unrecorded" if v is None else f"{n} by version {v}" if v != version else f"{n} with other options"
        )
    return "; ".join(parts)


def _options_diff(step: Step, before: dict | None, now: Any) -> str:
    if not before:
        return ""
    diff = [f"{k}: {before.get(k)!r} -> {v!r}" for k, v in step.result_options(now).items() if before.get(k) != v]
    return f" ({', '.join(diff)})" if diff else ""


# -- running -----------------------------------------------------------------------------------------------


def update(ledger: Ledger, only: tuple[str, ...] | None = None) -> None:
    """Run every cross-article step incrementally over what is new (ingest calls this). A step that never
    ran records the version and options it runs with; a stale step goes on adding rows as they come, and
    stays stale until `reprocess`."""
    for s in ordered():
        if s.per_article or s.update is None or (only and s.name not in only):
            continue
        opts = options_for(ledger, s)
        if made.state(ledger, s.name) is None:
            made.record(ledger, s.name, s.version, s.options_hash(opts), s.result_options(opts))
        s.update(ledger, opts)


@dataclass(frozen=True)
class Progress:
    step: str
    done: int
    total: int


def reprocess(
    ledger: Ledger,
    step: str | None = None,
    extractor_factory: Callable[[], Any] | None = None,
    batch_size: int = 64,
    force: bool = False,
) -> Iterator[Progress]:
    """Bring the ledger up to date (one step and what requires it, or every step): yields progress.

    `force` redoes the step even when it is current (every article, for extract)."""
    wanted = [step, *dependents(step)] if step else [s.name for s in ordered()]
    before = {st.step: st for st in status(ledger)}
    redo: set[str] = set()
    for s in ordered():
        if s.name not in wanted:
            continue
        st = before[s.name]
        needs = st.stale or any(r in redo for r in s.requires) or (force and s.name == step)
        if not needs:
            continue
        redo.add(s.name)
        opts = options_for(ledger, s)
        if s.per_article:
            yield from _reextract(ledger, s, opts, extractor_factory, batch_size, force and s.name == step)
        else:
            made.clear(ledger, s.name)
            made.record(ledger, s.name, s.version, s.options_hash(opts), s.result_options(opts))
            assert s.update is not None
            s.update(ledger, opts)
            yield Progress(s.name, 1, 1)


def _reextract(
    ledger: Ledger, s: Step, opts: Any, extractor_factory, batch_size: int, everything: bool
) -> Iterator[Progress]:
    h = s.options_hash(opts)
    ids = ledger.article_ids() if everything else made.stale_articles(ledger, s.name, s.version, h)
    if not ids:
        return
    extractor = extractor_factory() if extractor_factory else _extractor(opts)
    done = 0
    for i in range(0, len(ids), batch_size):
        # marked again: the rules for what is outside the body may have grown since the article was stored
        chunk = [remark(ledger.article(a)) for a in ids[i : i + batch_size]]
        ledger.replace_extractions(list(extractor.pipe(chunk)), made_by=(s.name, s.version, h))
        done += len(chunk)
        yield Progress(s.name, done, len(ids))


def _extractor(opts: Any):
    from .extract import Extractor

    return Extractor(opts)
