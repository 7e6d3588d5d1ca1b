"""Benchmark and evaluation scripts (`make bench`, `make eval`); not part of the package."""
