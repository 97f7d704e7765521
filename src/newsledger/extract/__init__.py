"""Extraction: one parsed article in, typed records out.

Each extractor is a plain function over a spaCy `Doc` of the article body (a prefix of `article.text`,
so token offsets are article offsets) and the records extracted before it:

    entities(doc, article)                            -> Entity records
    times(doc, article)                               -> TimeExpr records
    quotes(doc, article, entities)                    -> Quote records (direct and indirect speech)
    claims(doc, article, entities, quotes, times)     -> Claim records (numbers, with their source)
    events(doc, article, entities, times)             -> Event records
"""

import sys
import types

from .pipeline import LANGUAGE, VERSION, ExtractOptions, Extractor, reads

__all__ = ["LANGUAGE", "VERSION", "ExtractOptions", "Extractor", "reads"]


class _CallableModule(types.ModuleType):
    """`newsledger.extract(text, ...)` is the public API's one-article call, and `newsledger.extract` is also
    this package (importing it sets that attribute): the package itself answers the call."""

    def __call__(self, text, published=None, title=None, source="text"):
        from ..library import extract

        return extract(text, published=published, title=title, source=source)


sys.modules[__name__].__class__ = _CallableModule
