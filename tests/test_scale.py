"""--workers and the Ray engine give the ledger a single process gives (issue 14).

The articles are the first 200 of allsides, each cut after its first 600 characters (at a line break) to
keep CI time small; the Ray tests skip with a message where Ray is not installed or cannot start."""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsledger import export
from newsledger.extract import ExtractOptions, Extractor
from newsledger.pipeline import ingest
from newsledger.store import Ledger

N = 200
CUT = 600


@pytest.fixture(scope="module")
def corpus(shared_data, tmp_path_factory) -> Path:
    src = shared_data / "allsides" / "articles.jsonl.gz"
    if not src.exists():
        pytest.skip(f"needs {src}, which is absent")
    out = tmp_path_factory.mktemp("scale") / "articles.jsonl"
    k = 0
    with gzip.open(src, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as o:
        for line in f:
            d = json.loads(line)
            text = (d.get("content_original") or "").strip()
            if not text:
                continue
            cut = text.find("\n", CUT)
            row = {"text": text[: cut if cut > 0 else None], "source": d.get("url") or f"a{k}", "title": d.get("title")}
            o.write(json.dumps(row) + "\n")
            k += 1
            if k == N:
                break
    return out


def dump(db: Path) -> str:
    """Everything a user reads back: extractions, figures and canonical entities."""
    out = io.BytesIO()
    with Ledger(db) as led:
        for table in ("articles", "figures"):
            export.EXPORTS[(table, "jsonl")](led, export.Slice(), out)
        out.write(repr(led.entities()).encode())
    return out.getvalue().decode()


def run(corpus: Path, db: Path, options: ExtractOptions) -> str:
    with Ledger(db) as led:
        rep = ingest([str(corpus)], led, Extractor(options))
    assert rep.stored == N and not rep.failures
    return dump(db)


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory) -> str:
    return run(corpus, tmp_path_factory.mktemp("one") / "one.db", ExtractOptions())


def test_workers_store_the_single_process_ledger(corpus, single, tmp_path):
    assert run(corpus, tmp_path / "two.db", ExtractOptions(n_process=2)) == single


@pytest.fixture(scope="module")
def ray():
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsledger[ray]')")
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    except Exception as e:
        pytest.skip(f"a local Ray cluster cannot start here: {e}")
    yield ray
    ray.shutdown()


def test_ray_stores_the_single_process_ledger(ray, corpus, single, tmp_path):
    assert run(corpus, tmp_path / "ray.db", ExtractOptions(n_process=2, engine="ray")) == single


def test_a_killed_actor_loses_and_doubles_nothing(ray, corpus):
    from newsledger.extract.pipeline import _batches
    from newsledger.extract.ray_engine import Pool
    from newsledger.ingest import read_inputs

    articles = list(read_inputs([str(corpus)]))[:12]
    options = ExtractOptions(batch_size=2, engine="ray")
    pool = Pool(options, 2)
    victim = pool.actors[0]
    ray.get(victim.pid.remote())  # loaded: the kill lands while it holds shards
    jobs = [pool.submit(k, shard) for k, shard in enumerate(_batches(articles, 2))]
    ray.kill(victim, no_restart=True)
    got = [x for job in jobs for x in pool.result(job)]
    assert pool.actors[0] is not victim
    want = list(Extractor(replace(options, engine="local")).pipe(articles))
    assert [x.article.id for x in got] == [a.id for a in articles]
    assert [x.to_contract() for x in got] == [x.to_contract() for x in want]


def test_ray_absent_is_a_coded_error(monkeypatch):
    import builtins

    from newsledger.errors import NewsledgerError
    from newsledger.extract import ray_engine

    real = builtins.__import__

    def no_ray(name, *a, **k):
        if name == "ray":
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(NewsledgerError) as e:
        ray_engine.connect(None, 1)
    assert e.value.code == "NL170"
