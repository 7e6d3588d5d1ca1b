"""Stage 3, resolve: all `Analysis`es together into one `Dossier` (actors, issues, positions, ...).

Contract: `resolve(sources, analyses, title=None) -> Dossier`, pure and deterministic.
Ids are slugs of stable names, so adding an article keeps existing ids.
"""
