"""Dated claims."""


def extract_dated(ctx, ents):
    return []
