"""Demands and stances."""


def extract_demands(ctx, ents, quotes):
    return []


def extract_stances(ctx, ents, quotes):
    return []
