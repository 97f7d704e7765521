"""Whether an audit's drawn figures come out the same under an older figures step: rebuild the figures of a copy of
the audit's ledger with the code of another commit, and compare each drawn figure (title, place, values and
statements).

usage: python bench/audit_rerun.py --db AUDIT.db --draw DRAW.txt --commit REV

The copy and a worktree of REV live in a temporary folder; the audit's own ledger is only read. Extraction is not
rebuilt: what differs is the figures step alone.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def drawn(draw: Path) -> list[str]:
    """The figure ids a draw printed, in its order."""
    return re.findall(r"^## \d+\. figure (\w+):", draw.read_text(encoding="utf-8"), re.M)


def state(db: Path, fid: str) -> tuple:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        f = c.execute("SELECT title, place, founded, low, best, high FROM figures WHERE id = ?", (fid,)).fetchone()
        claims = sorted(
            c.execute(
                "SELECT coalesce(fc.party_name, fc.source_key), k.article_id, k.start FROM figure_claims fc "
                "JOIN claims k ON k.id = fc.claim_id WHERE fc.figure_id = ?",
                (fid,),
            ).fetchall()
        )
    return f, claims


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--draw", type=Path, required=True)
    ap.add_argument("--commit", required=True)
    args = ap.parse_args()
    ids = drawn(args.draw)
    with tempfile.TemporaryDirectory() as d:
        tree, copy = Path(d) / "tree", Path(d) / "ledger.db"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-f", str(tree), args.commit], check=True)
        try:
            shutil.copy(args.db, copy)
            run = (
                f"import sys; sys.path.insert(0, {str(tree / 'src')!r}); from newsledger.cli import main; "
                f"sys.argv = ['newsledger', 'reprocess', '--db', {str(copy)!r}, '--step', 'figures', '--force']; main()"
            )
            subprocess.run([sys.executable, "-c", run], check=True, capture_output=True)
            same = 0
            for fid in ids:
                now, then = state(args.db, fid), state(copy, fid)
                if now == then:
                    same += 1
                else:
                    print(f"{fid}\n  audited {now}\n  at {args.commit} {then}")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    print(f"{same} of {len(ids)} drawn figures the same under the figures step of {args.commit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
