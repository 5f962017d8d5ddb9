"""`python -m jdbuilder`."""

from jdbuilder.cli import main

main()
