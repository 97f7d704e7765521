"""Extraction: one parsed article in, typed records out.

Each extractor is a plain function over a spaCy `Doc` of the article body (a prefix of `article.text`,
so token offsets are article offsets) and the records extracted before it:

    entities(doc, article)                            -> Entity records
    times(doc, article)                               -> TimeExpr records
    quotes(doc, article, entities)                    -> Quote records (direct and indirect speech)
    claims(doc, article, entities, quotes, times)     -> Claim records (numbers, with their source)
    events(doc, article, entities, times)             -> Event records
"""
from .pipeline import VERSION, ExtractOptions, Extractor

__all__ = ["VERSION", "ExtractOptions", "Extractor"]
