"""Canonical entities: the per-article entities of the ledger joined across mentions and articles.

Ids are a function of the name wherever they can be, so extraction and other steps can compute them
without the database (`resolve(name, label)`):
  country:COD                  a country by name, short name, ISO code, demonym, or its capital acting as
                               its government ("Kinshasa said ..."); pycountry + data/countries.tsv
  person:ngozi-okafor          a person by full name without titles or initials
  org:fra:ministry-of-defence  a state body with its country ("the French defence ministry",
                               "France's Ministry of the Armed Forces"); other organisations org:<name>
  gpe:veridia, loc:..., ...    anything else by label and name
With the ledger, two more rules join names across articles: a surname alone ("Okafor", "Ms Okafor") is
the one person of that surname named in full in the ledger, and an ORG named exactly like an unresolved
place ("Veridia" tagged ORG) is that place. Both are applied whichever of the two forms arrives first.

`update(ledger)` handles the entity rows stored since its last run and fills their `canonical` column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import NotFound
from ..models import Canonical, CanonicalEntity
from ..store import Ledger, progress
from ..store import entities as store
from ..store.entities import EntityRow
from .gazetteer import (
    AMBIGUOUS,
    STATE_BODIES,
    Gazetteer,
    ambiguous_country,
    fold,
    gazetteer,
    government_body,
    named_body_country,
)

STEP = "entities"
COUNTRY_LABELS = {"GPE", "NORP", "ORG", "LOC"}
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "maj",
    "cpl",
    "president",
    "minister",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "judge",
    "justice",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "secretary",
    "mayor",
    "ambassador",
    "rev",
    "father",
    "sheikh",
}
# Part of the name (Donald Trump Jr. is not Donald Trump), but never the surname.
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A surname alone is the most-named person of that surname when that one is named this many times as often
# as the next ("Trump": Donald Trump, not Donald Trump Jr.).
DOMINANT = 3
# A capital names its government when it acts: it speaks, decides, or owns forces or positions.
_ACTING = re.compile(
    r"^\s*(?:['’]s\s+(?:government|forces|army|troops|military|position|decision|response|demands?|"
    r"offer|envoy|regime|leadership)\b|(?:has|have|had|is|was)?\s*(?:said|says|say|announced|accused|"
    r"denied|rejected|claimed|insisted|warned|ordered|sent|deployed|wants|responded|blamed|condemned|"
    r"confirmed|agreed|refused|urged|called|demanded|threatened|signed|imposed|launched|recalled|"
    r"expelled|protested|vowed|pledged)\b)"
)


ACRONYM_SHARE = 3  # an acronym named alone in over 3x the articles of the full name is a name of its own


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", fold(text)).strip("-")


def person_words(name: str) -> list[str]:
    """The words of a person's name without titles or initials: "Ms N. Okafor" -> ["Okafor"]."""
    words = re.findall(r"[\w'’-]+\.?", name)
    out = [w.rstrip(".") for w in words if w.lower().rstrip(".") not in _TITLES]
    return [w for w in out if len(w) > 1] or out


def surname(words: list[str]) -> str | None:
    names = [w for w in words if w.lower() not in _SUFFIXES]
    return names[-1] if names else None


_MINOR = {"of", "the", "for", "and", "&", "on", "in", "at", "to", "de", "du", "des", "la", "le"}


def initials(name: str) -> str | None:
    """ "who" for "World Health Organization", "icrc" for "International Committee of the Red Cross"."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _MINOR]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else None


def as_acronym(name: str) -> str | None:
    """ "un" for "UN" or "U.N.": a name written as an acronym, lower-cased."""
    t = name.replace(".", "").strip()
    return t.lower() if 2 <= len(t) <= 6 and t.isalpha() and t.isupper() else None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


def canonicalize(
    name: str,
    label: str,
    gaz: Gazetteer | None = None,
    acting: bool = True,
    country: str | None = None,
    context: str | None = None,
) -> Canonical | None:
    """The canonical entity `name` with NER `label` stands for, from the name alone (no ledger).

    `acting`: the name is used as an actor (a source or speaker), so a capital stands for its state.
    `country`: a country the context gives an organisation ("France's" before it).
    `context`: the article text, which decides an ambiguous name ("Georgia": the country or the US state).
    """
    gaz = gaz or gazetteer()
    text = re.sub(r"^(?:the|The)\s+", "", name.strip())
    if not any(c.isalpha() for c in text):
        return None
    ambiguous = fold(text) in AMBIGUOUS and (not context or ambiguous_country(text, context.lower()))
    if (
        label in COUNTRY_LABELS
        and not ambiguous
        and (a3 := gaz.country(text, capitals=acting and label in {"GPE", "ORG"}))
    ):
        return Canonical(f"country:{a3}", "country", gaz.name(a3), a3)
    if label == "PERSON":
        words = person_words(text)
        return Canonical("person:" + slug(" ".join(words)), "person", " ".join(words)) if words else None
    if label == "ORG":
        a3, rest = gaz.split_country(text)
        if a3 and not (STATE_BODIES.search(rest) or government_body(rest)):
            a3, rest = None, text  # "American Airlines" is not a state body
        a3 = a3 or named_body_country(rest) or (country if STATE_BODIES.search(rest) or government_body(rest) else None)
        # a state body is one across its names only within its country: with none known, "Gaza Health Ministry",
        # "Florida Department of Health" and "Department of Health and Human Services" are three bodies
        body = (government_body(rest) if a3 else None) or as_acronym(rest) or slug(rest)  # "U.N." and "UN": org:un
        return Canonical(f"org:{a3.lower()}:{body}" if a3 else f"org:{body}", "org", text, a3)
    kind = "place" if label in {"GPE", "LOC"} else label.lower()
    city_of = gaz.capitals.get(fold(text)) if label == "GPE" else None
    key = _singular(slug(text)) if label == "NORP" else slug(text)  # "Republicans" = "Republican"
    return Canonical(f"{label.lower()}:{key}", kind, text, city_of)


class Resolver:
    """Canonical ids with the ledger's aliases: surnames and mislabelled places joined across articles."""

    def __init__(self, ledger: Ledger, gaz: Gazetteer | None = None):
        self.ledger, self.gaz = ledger, gaz or gazetteer()

    def _exists(self, cid: str) -> bool:
        return store.exists(self.ledger, cid)

    def full_names(self, surname: str, but: str | None = None) -> list[str]:
        """Persons named in full whose surname is `surname`."""
        rows = store.persons_with_alias(self.ledger, fold(surname), "person:" + slug(surname))
        return [r for r in rows if r != but]

    def person_by_surname(self, name: str) -> str | None:
        """The one person named in full with this surname, or the one named far more often than the others."""
        hits = self.full_names(name)
        if len(hits) <= 1:
            return hits[0] if hits else None
        counts = sorted(((store.articles_naming(self.ledger, h), h) for h in hits), reverse=True)
        return counts[0][1] if counts[0][0] >= DOMINANT * max(counts[1][0], 1) else None

    def resolve(
        self, name: str, label: str, acting: bool = True, country: str | None = None, context: str | None = None
    ) -> Canonical | None:
        c = canonicalize(name, label, self.gaz, acting, country, context)
        if c is None:
            return None
        if c.kind == "person" and " " not in c.name:
            hit = self.person_by_surname(c.name)
            if hit:
                return self.canonical(hit) or c
        if c.kind == "org" and c.country is None and self._exists("gpe:" + c.id[4:]):
            return self.canonical("gpe:" + c.id[4:]) or c
        if c.kind == "org" and c.country is None and (acr := as_acronym(name)):
            hit = self.org_by_acronym(acr)
            if hit:
                return self.canonical(hit) or c
        return c

    def org_by_acronym(self, acr: str) -> str | None:
        """The one organisation in the ledger whose name's initials are `acr` ("WHO"), where the acronym is not
        the better known name of another: "ISIS", in far more articles alone than the Institute for Science
        and International Security in full, is not that institute."""
        hits = store.orgs_with_alias(self.ledger, "acr:" + acr)
        if len(hits) != 1:
            return None
        lone = store.articles_naming(self.ledger, "org:" + acr)
        return hits[0] if lone <= ACRONYM_SHARE * max(store.articles_naming(self.ledger, hits[0]), 1) else None

    def canonical(self, cid: str) -> Canonical | None:
        return store.canonical(self.ledger, cid)


def resolve(name: str, label: str, ledger: Ledger | None = None) -> str | None:
    """The canonical id of an actor named `name` with NER `label` (a claim's source, a quote's speaker);
    with a ledger, also by the aliases it holds. None for a name that is no entity."""
    if ledger is not None:
        c = Resolver(ledger).resolve(name, label)
    else:
        c = canonicalize(name, label)
    return c.id if c else None


# -- update ------------------------------------------------------------------------------------------


class _Articles:
    """Article texts and the countries each names, read once per update."""

    def __init__(self, ledger: Ledger, gaz: Gazetteer):
        self.ledger, self.gaz = ledger, gaz
        self._text: dict[str, str] = {}
        self._countries: dict[str, set[str]] = {}

    def text(self, aid: str) -> str:
        if aid not in self._text:
            if len(self._text) > 256:
                self._text.clear()
            self._text[aid] = store.article_text(self.ledger, aid)
        return self._text[aid]

    def countries(self, aid: str) -> set[str]:
        if aid not in self._countries:
            if len(self._countries) > 256:
                self._countries.clear()
            names = store.place_names(self.ledger, aid)
            text = self.text(aid).lower()
            self._countries[aid] = {
                a3 for n, _ in names if (a3 := self.gaz.country(n)) and not ambiguous_country(n, text)
            }
        return self._countries[aid]


def _context_country(gaz: Gazetteer, text: str, start: int) -> str | None:
    """A country that owns a mention in the words right before it: "France's <Ministry>", "the French
    <defence ministry>". A bare country name there ("in Russia <Capitol Police>") owns nothing."""
    words = text[max(0, start - 60) : start].split()[-4:]
    for n in range(1, len(words) + 1):
        head = " ".join(words[-n:])
        bare = re.sub(r"['’]s?$", "", head)
        a3 = gaz.country(bare) if bare != head else gaz.demonym(head)
        if a3:
            return a3
    return None


def _acting(ledger: Ledger, row: EntityRow, text: str, spans) -> bool:
    """Whether a place acts as a state in its article: it is a source, speaker or actor, or a verb of
    saying or deciding follows it."""
    if any(_ACTING.match(text[e : e + 60]) for _, e in spans):
        return True
    return store.acts(ledger, row.article_id, row.key, row.name)


def _add(ledger: Ledger, c: Canonical, alias: str, label: str) -> None:
    forms = {fold(alias)}
    if c.kind == "person":
        words = person_words(alias)
        last = surname(words)
        forms |= {fold(" ".join(words))} | ({fold(last)} if last else set())
    elif c.kind == "org" and label == "ORG" and not as_acronym(alias) and (acr := initials(alias)):
        forms.add("acr:" + acr)
    store.add(ledger, c, [(f, alias, label) for f in forms if f])


def _absorb(ledger: Ledger, res: Resolver, c: Canonical) -> None:
    """A new place takes in an ORG of the same name filed before it arrived."""
    if c.kind == "place" and c.id.startswith("gpe:") and res._exists("org:" + c.id[4:]):
        store.merge(ledger, "org:" + c.id[4:], c.id)


def _join_acronyms(ledger: Ledger, res: Resolver, touched: set[str]) -> set[str]:
    """An acronym filed alone ("WHO") joins the organisation whose name arrived later."""
    moved = set()
    for cid in touched:
        if not cid.startswith("org:"):
            continue
        for norm in store.acronyms(ledger, cid):
            lone = "org:" + norm[4:]
            if lone != cid and res._exists(lone) and res.org_by_acronym(norm[4:]) == cid:
                store.merge(ledger, lone, cid)
                moved.add(cid)
    return moved


def _join_surnames(ledger: Ledger, res: Resolver, touched: set[str]) -> set[str]:
    """Surnames filed alone join the person they now resolve to (the full name may have come later).
    Only the surnames of people this batch touched can have changed."""
    moved = set()
    lone = set()
    for cid in touched:
        if cid.startswith("person:") and (c := res.canonical(cid)) and (last := surname(c.name.split())):
            lone.add("person:" + slug(last))
    for cid, name in store.lone_surnames(ledger, sorted(lone)):
        hit = res.person_by_surname(name)
        if hit and hit != cid:
            store.merge(ledger, cid, hit)
            moved.add(hit)
    return moved


def _display_names(ledger: Ledger, ids: set[str]) -> None:
    """Show a person or organisation by the fullest name it goes by."""
    for cid in ids:
        r = store.canonical(ledger, cid)
        if r is None or r.kind == "country":
            continue
        names = store.aliases(ledger, cid)
        if not names:
            continue
        if r.kind == "person":
            names = [" ".join(person_words(n)) for n in names]
        best = max(names, key=lambda n: (len(n.split()), len(n)))
        best = re.sub(r"^(?:the|The)\s+", "", best)
        if (
            r.kind == "org"
            and r.country
            and gazetteer().split_country(best)[0] is None
            and not named_body_country(best)
        ):
            best = f"{best} ({gazetteer().name(r.country)})"
        store.rename(ledger, cid, best)


@dataclass(frozen=True)
class EntityOptions:
    batch: int = 2000  # entity rows resolved per transaction


def update(ledger: Ledger, options: EntityOptions | None = None) -> int:
    """Give every entity row stored since the last run its canonical entity; returns how many."""
    gaz = gazetteer()
    res = Resolver(ledger, gaz)
    arts = _Articles(ledger, gaz)
    done = 0
    while True:
        with ledger.transaction():
            rows = store.rows_after(ledger, progress.last_id(ledger, STEP), (options or EntityOptions()).batch)
            if not rows:
                return done
            touched: set[str] = set()
            for row in rows:
                c = _canonical_for(ledger, res, arts, row)
                if c is None:
                    continue
                new = not res._exists(c.id)
                _add(ledger, c, row.name, row.label)
                if new:
                    _absorb(ledger, res, c)
                store.resolve_row(ledger, row.id, c.id)
                touched.add(c.id)
            touched |= _join_surnames(ledger, res, touched) | _join_acronyms(ledger, res, touched)
            _display_names(ledger, {t for t in touched if res._exists(t)})
            store.recount(ledger, touched)
            progress.advance(ledger, STEP, rows[-1].id)
            done += len(rows)


def _canonical_for(ledger: Ledger, res: Resolver, arts: _Articles, row: EntityRow) -> Canonical | None:
    name, label, aid = row.name, row.label, row.article_id
    acting, country = False, None
    if label in {"GPE", "ORG"} and fold(name) in res.gaz.capitals:
        acting = _acting(ledger, row, arts.text(aid), store.mentions(ledger, row.id))
    if label == "ORG":
        text, spans = arts.text(aid), store.mentions(ledger, row.id)
        for s, _ in spans:
            if country := _context_country(res.gaz, text, s):
                break
        if country is None and government_body(name) and len(cs := arts.countries(aid)) == 1:
            country = next(iter(cs))  # a ministry in an article about one country is that country's
    context = arts.text(aid) if fold(name) in AMBIGUOUS else None
    return res.resolve(name, label, acting=acting, country=country, context=context)


def rebuild(ledger: Ledger) -> int:
    """Forget every canonical entity and resolve all entity rows again (after a gazetteer change)."""
    with ledger.transaction():
        store.forget_all(ledger)
        progress.forget(ledger, STEP)
    return update(ledger)


# -- queries -----------------------------------------------------------------------------------------


def list_entities(
    ledger: Ledger, label: str | None = None, limit: int | None = None, offset: int = 0, name: str | None = None
) -> list[CanonicalEntity]:
    """Canonical entities, most widely named first; `label` keeps those named at least once with that NER
    label, `name` those with a name or alias containing it. Rows not reconciled yet are not listed."""
    return store.list_entities(ledger, label, limit, offset, name)


def get_entity(ledger: Ledger, id: str) -> CanonicalEntity:
    """One canonical entity by id, or a per-article key whose rows are not reconciled."""
    e = store.get_entity(ledger, id)
    if e is None:
        raise NotFound("entity", id)
    return e
