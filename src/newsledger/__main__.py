"""`python -m newsledger ...`: the same command line as `newsledger ...`."""

from .cli import main

main()
