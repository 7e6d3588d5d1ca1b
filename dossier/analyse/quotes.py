"""Direct, partial and reported quotes with their speakers."""


def extract_quotes(ctx, ents):
    return []
