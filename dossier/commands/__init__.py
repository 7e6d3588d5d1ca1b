"""One module per CLI verb; each exposes `run(settings, ...) -> int`."""
