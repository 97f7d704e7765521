"""newsledger: news articles in, a source-attributed ledger out (docs/python.md).

import newsledger
with newsledger.open("newsledger.db") as ledger:
    for f in ledger.figures(about="killed"):
        print(f.measure, f.counted, f.low, f.best, f.high)
"""

from importlib.metadata import PackageNotFoundError, version

from .library import Ledger, Records, extract, open

try:
    __version__ = version("newsledger")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["Ledger", "Records", "__version__", "extract", "open"]
