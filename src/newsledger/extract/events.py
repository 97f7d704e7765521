"""Events: a trigger verb or noun from a small documented lexicon, with who did it to whom, and when.

Kinds follow the measures of claims and the broad PLOVER categories an event-data user filters by.
The actor is the verb's subject, the target its object (or the subject of a passive), each widened to
the entity that covers it when there is one. Reporting verbs ("said") are attributions, not events.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..models import Article, Entity, Event, TimeExpr

KINDS = {
    "attack": {"attack", "bomb", "shell", "strike", "raid", "ambush", "shoot", "storm", "assault", "airstrike"},
    "kill": {"kill", "die", "execute", "massacre", "murder", "behead", "slay"},
    "injure": {"injure", "wound", "hurt"},
    "arrest": {"arrest", "detain", "jail", "imprison", "capture", "abduct", "kidnap"},
    "protest": {"protest", "demonstrate", "rally", "march", "riot", "strike"},
    "deploy": {"deploy", "dispatch", "send", "mobilise", "mobilize", "station"},
    "evacuate": {"evacuate", "rescue"},
    "displace": {"flee", "displace", "uproot"},
    "disaster": {"collapse", "flood", "erupt", "earthquake", "hurricane", "landslide", "explode", "burn"},
    "agree": {"agree", "sign", "ceasefire", "truce", "accord"},
    "meet": {"meet", "visit", "host", "summit"},
    "accuse": {"accuse", "blame", "condemn", "denounce"},
    "sanction": {"sanction", "ban", "embargo", "expel", "impose"},
}
_KIND_OF: dict[str, str] = {}
for _kind, _lemmas in KINDS.items():
    for _lemma in _lemmas:
        _KIND_OF.setdefault(_lemma, _kind)  # "strike" is an attack before it is a protest
# Nouns that name an event on their own ("the collapse", "an airstrike"); verbs need to be verbs.
_NOUN_TRIGGERS = {
    "attack",
    "airstrike",
    "raid",
    "ambush",
    "bombing",
    "collapse",
    "flood",
    "earthquake",
    "explosion",
    "landslide",
    "protest",
    "rally",
    "riot",
    "ceasefire",
    "truce",
    "summit",
    "massacre",
}


def _party(tok: Token | None, entities_at: dict[int, Entity], text: str) -> str | None:
    if tok is None:
        return None
    ent = entities_at.get(tok.idx)
    if ent is not None:
        return ent.name
    left = min(t.idx for t in tok.subtree if t.dep_ in ("compound", "amod", "det", "poss") or t is tok)
    return text[left : tok.idx + len(tok.text)]  # the article's text: Doc.text is rebuilt on every call


def extract_events(doc: Doc, article: Article, entities: list[Entity], times: list[TimeExpr]) -> list[Event]:
    entities_at = {}
    for e in entities:
        for s, t in e.mentions:
            for tok in doc.char_span(s, t, alignment_mode="expand") or ():
                entities_at[tok.idx] = e
    dates = sorted((t.start, t.value) for t in times if t.type == "DATE")
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        kind = _KIND_OF.get(lemma)
        if kind is None or not (tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and lemma in _NOUN_TRIGGERS)):
            continue
        actor = target = None
        for child in tok.children:
            if child.dep_ == "nsubj":
                actor = child
            elif child.dep_ in ("dobj", "nsubjpass"):
                target = child
            elif child.dep_ == "agent":
                actor = next((g for g in child.children if g.dep_ == "pobj"), actor)
        sent = tok.sent
        when = next((v for s, v in dates if sent.start_char <= s < sent.end_char), None)
        out.append(
            Event(
                article.id,
                tok.idx,
                tok.idx + len(tok.text),
                tok.text,
                kind,
                _party(actor, entities_at, article.text),
                _party(target, entities_at, article.text),
                when,
            )
        )
    return out
