"""Who a figure's value belongs to: one party, one name, across articles (docs/figures.md, "Parties").

A claim's source as written ("Veridia's interior ministry", "a ministry spokesman", "Interior Minister
Halvard Rusk", "Opposition lawmakers in Veridia") becomes a `Party`: a key shared by every way of naming the
same body, and the name it is shown by. The rules, in order:
  - no source, or one that names no party (a pronoun, "which", a list label, a headline fragment, a thing or
    document ("the findings"), a bare
    place): the outlet's own statement;
  - a spokesperson or official speaks for their body ("a ministry spokesman", "a spokesman for the Red Cross");
  - a person speaks for the body their title or apposition names ("Interior Minister X", "X, the
    organisation's head of operations", "X, who leads the opposition Civic Union"); else for themselves;
  - a country's ministries, cabinet, president and "the government" are one party, the government of that
    country (named in the source, else the country the article is about); so is its opposition;
  - anything else is its canonical entity, else its name folded ("the Red Cross" = "Red Cross").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import DOMAINS, fold, gazetteer, government_body, named_body_country


@dataclass(frozen=True)
class Party:
    key: str
    name: str  # as shown on a figure


_LABEL = re.compile(r"[A-Z][A-Z'’-]{3,}")
_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
    "him",
    "her",
    "them",
    "us",
    "one",
    "someone",
    "somebody",
    "others",
    "some",
    "many",
    "both",
    "his",
    "its",
    "their",
    "our",
    "my",
    "your",
}
# Heads of a subject that is no one: the parse's subject of "suggests" or "noted", not who said it. A
# document speaks for its author, whom the sentence names or does not (then the outlet).
_NO_AGENT = frozenset(
    "findings finding review dispersal withdrawal deployment arrival data figures numbers statistics toll tally count estimate estimates "
    "study survey analysis records report reports document documents footage video videos photos images "
    "evidence attack attacks blast explosion incident shooting violence move decision".split()
)
_DET = re.compile(r"^(?:a|an|the|one|some|several|two|three|other|another|its|their|his|her)\s+", re.I)
_IN_PLACE = re.compile(r"\s+(?:in|from|of)\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}$")
_SPOKES = (
    r"(?:spokes(?:man|woman|person|people|men|women)|official|officials|source|sources|representative|"
    r"representatives|statement|aide|aides|officer|officers)"
)
_FOR_BODY = re.compile(rf"^{_SPOKES}\s+(?:for|of|at|with|from)\s+(?:the\s+)?(?P<body>.+)$", re.I)
_RANKED = re.compile(
    rf"^(?:(?:senior|top|high-ranking|high ranking|unnamed|anonymous)\s+)+(?=(?:\S+\s+){{0,3}}{_SPOKES}$)", re.I
)
_BODY_FIRST = re.compile(rf"^(?P<body>.+?)\s+{_SPOKES}$", re.I)
_GOVERNMENT = re.compile(
    r"\b(?:government|govt|ministry|ministries|minister|ministers|cabinet|presidency|"
    r"president|prime minister|premier|white house|kremlin|pentagon|state department|"
    r"interior|foreign office|home office|administration|regime|junta|state media|"
    r"state television|state news agency)\b",
    re.I,
)
_OPPOSITION = re.compile(r"\bopposition\b", re.I)
_AUTHORITIES = re.compile(
    r"^(?:(?:local|provincial|regional|state|federal|city|county|town|municipal|district)\s+)?(?:officials|authorities|"
    r"official)$",
    re.I,
)
# An official known only by what they know: "an official with knowledge of the investigation".
_KNOWING = re.compile(
    r"^(?:officials?|officers?|law enforcement officials?)\s+(?:with\s+(?:direct\s+)?knowledge\s+of|familiar\s+with|close\s+to|briefed\s+on)\b",
    re.I,
)
_TITLE_BEFORE = re.compile(
    r"(?P<title>(?:[A-Z][\w.'-]*\s+){0,4}(?:Minister|Secretary|[Ss]pokes(?:man|woman|person)|President|Premier|"
    r"Chief|Director|Commissioner|Governor|Mayor|Sheriff|Chairman|Chairwoman|Chair|Leader|Head|Official|"
    r"Ambassador|Envoy|General|Gen\.|Colonel|Col\.|Commander)\s+)$"
)
_APPOSITION = re.compile(
    r"^,?\s+(?:(?:the|a|an)\s+|who\s+(?:leads|heads|runs|chairs)\s+(?:the\s+)?)"
    r"(?P<app>[^,.;:\"“”]{3,90})"
)
_ITS = re.compile(
    r"\b(?:the\s+)?(?:organi[sz]ation|group|agency|charity|company|firm|body|society|"
    r"committee|union|party|movement|network|association|institute|foundation|force)'s\b|\bits\b",
    re.I,
)
_FOR_IN_APP = re.compile(
    rf"\b(?:{_SPOKES}|head|chief|director|leader|chairman|president|member|minister)\s+"
    r"(?:for|of|at)\s+(?:the\s+)?(?P<body>[A-Z][^,.;:]{2,60})"
)


def _country_of(text: str) -> str | None:
    a3, _ = gazetteer().split_country(text)
    if a3 or not text.split():
        return a3
    return gazetteer().demonym(text.split()[0]) or gazetteer().country(text)  # "Turkish officials"; "US"


def _shown_country(a3: str) -> str:
    return gazetteer().name(a3)


AGENCY_WORDS = frozenset(
    "police department office agency ministry army navy guard patrol bureau service council commission "
    "authority authorities government administration sheriff management division".split()
)


def agency(name: str) -> bool:
    """Whether a name the tagger may take for a place is an agency named after it ("St. Louis County Police")."""
    words = re.sub(r"['’]s$", "", fold(name)).split()
    return len(words) > 1 and words[-1] in AGENCY_WORDS


_SITE_WORDS = frozenset("park square street avenue plaza boulevard road lane bridge".split())


def _a_site(name: str) -> bool:
    """A park, square or street, however the tagger labelled it: "Cal Anderson Park" speaks for no one."""
    bare = _DET.sub("", name.strip())
    words = fold(bare).split()
    return len(words) > 1 and words[-1] in _SITE_WORDS and bare[:1].isupper()


def junk(name: str | None) -> bool:
    """A source that names no party: a pronoun, a relative, a label, a headline fragment, a bare place."""
    if not name or not re.search(r"[A-Za-z]", name):
        return True
    f = fold(name)
    if f in _PRONOUNS or len(f) < 2:
        return True
    if re.match(r"(?:whose|which|who|whom|that|what)\b", f):
        return True  # a relative clause's scrap: "whose shooting spree"
    if len(fold(body_of(name)).split()) > 8 or re.search(r"\d", f):
        return True  # a headline fragment or a run of text (not "a spokesperson for" a long name)
    if re.match(r"\s*[(\[{\"“]", name) or name.count("(") != name.count(")"):
        return True  # a scrap of a parenthesis or a quotation: "(They included many"
    if gazetteer().country(name, capitals=True) and not _GOVERNMENT.search(name):
        return True  # a place that is only where something happened
    bare = _DET.sub("", name.strip())
    words = fold(bare).split()
    if _a_site(name):
        return True
    if words and not re.search(r"[A-Z]", bare[1:]) and (words[0] in _NO_AGENT or words[-1] in _NO_AGENT):
        return True  # a thing, a document or a finding: "the aircraft dispersal", "the findings", "the review"
    return False


# A span the tagger cut inside a coordination: "Arab media and" (sources).
_DANGLING = re.compile(r"(?:\s+(?:and|or|&|of|the|in|from|with|as well as))+$", re.I)


def body_of(name: str) -> str:
    """The body a spokesperson or official speaks for ("a ministry spokesman" -> "ministry"), else `name`."""
    t = _DET.sub("", _DANGLING.sub("", name.strip()))
    if _RANKED.match(t):  # "a senior US official", "top officials": the rank is no body
        t = _RANKED.sub("", t)
    if _KNOWING.match(t):
        return "officials"
    if m := _FOR_BODY.match(t):
        return _DET.sub("", m.group("body"))
    if (m := _BODY_FIRST.match(t)) and not _AUTHORITIES.match(t):
        return m.group("body")
    return t


# The figures a body put out, named before the body: "Updated numbers from", "data released by".
# Pictures show, they do not count: what a video "shows" is the reporter's reading, whoever released it.
_FOOTAGE = re.compile(
    r"^(?:(?:a|an|the|new|latest|amateur)\s+)*(?:videos?|footage|photos?|photographs?|images?|clips?)\b", re.I
)
_DATA_FROM = re.compile(
    r"^(?:(?:the|updated|new|latest|official|preliminary|final|early)\s+)*(?:numbers|figures|data|statistics|"
    r"counts?|tall(?:y|ies)|estimates?|records)\s+(?:(?:released|compiled|published|provided|issued)\s+)?"
    r"(?:from|by|of)\s+",
    re.I,
)


# "OVD-Info, an independent human rights watcher focusing on ...": a name, then what it is.
_NAME_THEN_APPOSITION = re.compile(r"^(?P<name>[A-Z][^,]{1,60}?),\s+(?:an?|the)\s+(?P<app>[^,]+),?$")


def _named_before_apposition(name: str) -> str:
    """The name a source span opens with, where an apposition that says what it is follows ("OVD-Info, an
    independent human rights watcher ..." is OVD-Info); the body the apposition names, where it says whom the
    name speaks for ("Tomas Berg, a spokesman for the Orvin County Police")."""
    m = _NAME_THEN_APPOSITION.match(name.strip())
    if not m:
        return name
    if f := _FOR_IN_APP.search(m.group("app")):
        return f.group("body")
    return name if re.search(rf"\b{_SPOKES}\b", m.group("app"), re.I) else m.group("name")


def party(
    name: str | None,
    canonical: tuple[str | None, str | None] | None,
    country: str | None,
    text: str = "",
    span: tuple[int | None, int | None] = (None, None),
    orgs_before: list[tuple[int, str, str]] | None = None,
) -> Party | None:
    """The party behind a source. `canonical` is (canonical id, name) of the source's entity, `country` the
    article's own country (ISO alpha-3), `text` and `span` where the source stands in the article (for a
    person's title or apposition), `orgs_before` (offset, canonical id, name) of the article's organisations.
    None: no party (the caller credits the outlet)."""
    if name and _FOOTAGE.match(name):
        return None  # "Video, released by AFP, purports to show about 100 of the girls": the reporter's reading of it
    if name and (m := _DATA_FROM.match(name)) and m.end() < len(name):
        name = name[m.end() :]  # "Updated numbers from the Palestinian Ministry of Health": the ministry's
    if name and not (canonical and (canonical[0] or "").startswith("person:")):
        name = _named_before_apposition(name)
    if junk(name) and not (canonical and canonical[0]) or fold(name or "") in _PRONOUNS:
        return None  # a pronoun is no one, even where the tagger made an entity of it ("His")
    start, end = span
    if name and _LABEL.fullmatch(name.strip()) and end is not None and re.match(r"\s*[:—–-]", text[end : end + 3]):
        return None  # an upper-case list label ("TARGET: ..."), even when the tagger made an entity of it
    cid, cname = canonical or (None, None)
    if cid and cid.split(":")[0] in ("gpe", "loc", "fac") and not agency(name or cname or ""):
        return None  # a place speaks for no one: where something happened, or a city's name for its people
    if _a_site(name or cname or ""):
        return None
    shown = name or cname or ""
    written = text[start:end] if text and start is not None and end is not None else ""
    if (
        len(written) > len(shown)
        and fold(shown) in fold(written)
        and (_PLACE_OWNER.match(written) or _RUN_BY.search(written))
    ):
        shown = written  # "health ministry" as tagged, "Gaza's Hamas-run health ministry" as written
    if (b := _spokesman_of(text, span, country)) is not None:
        return b
    if cid and cid.startswith("person:"):
        return _person(cid, cname or shown, country, text, span, orgs_before or [])
    body = body_of(shown)
    if _people_of(body):  # "Syrians in the area claim ...": a country's people speak for themselves
        return Party("name:" + _key(body), _clean(body))
    return _body(body, cid, cname, country) or Party(cid or "name:" + _key(body), cname or _clean(body))


_SPOKES_TITLE = re.compile(
    r"(?P<body>(?:[A-Z][\w.'-]*\s+){1,5})[Ss]pokes(?:man|woman|person)\s+(?:[A-Z][\w.'’-]*\s*){0,3}$"
)


def _spokesman_of(text: str, span: tuple[int | None, int | None], country: str | None) -> Party | None:
    """The body a spokesperson named after their title speaks for: "Baton Rouge Police spokesman L'Jean
    Mckneely" speaks for the Baton Rouge Police (whatever the tagger made of the name)."""
    start, end = span
    if not text or start is None or end is None:
        return None
    m = _SPOKES_TITLE.search(text[max(0, start - 60) : end])  # the title before the name, or in the span
    if not m:
        return None
    body = m.group("body").strip()
    return _body(body, None, None, country) or Party("name:" + _key(body), _clean(body))


def _key(text: str) -> str:
    t = fold(_IN_PLACE.sub("", _DET.sub("", text.strip())))
    return re.sub(r"\s+", " ", t)


def _clean(text: str) -> str:
    t = _IN_PLACE.sub("", _DET.sub("", text.strip().rstrip(",;:")))  # "The city of Prescott, Ariz.,"
    return t[:1].upper() + t[1:]


# "Gaza's health ministry": a place's possessive names whose body it is, a town's or a territory's.
_PLACE_OWNER = re.compile(r"^(?:the\s+)?(?P<place>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)['’]s?\s")
# "Health Ministry officials in Gaza": the place after the body says whose it is, as a possessive does.
_PLACE_AFTER = re.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)$")
# "Gaza Health Ministry", "Kabul police": a place's name set before the body's word, as a possessive is.
_PLACE_BEFORE = re.compile(
    r"^(?:the\s+)?(?P<place>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)??)\s+"
    r"(?:(?:[Hh]ealth|[Ii]nterior|[Dd]efen[cs]e|[Ss]ecurity|[Pp]rovincial|[Mm]unicipal|[Cc]ity|[Ss]tate)\s+)?"
    r"(?:[Mm]inistry|[Pp]olice|[Aa]uthorit(?:y|ies)|[Oo]fficials?|[Gg]overnment|[Dd]epartment|[Cc]ouncil|"
    r"[Mm]unicipality|[Gg]overnor)\b"
)
_BIG_PLACE = 100_000
# "the Hamas-run health ministry": a body run by another than the country's government.
_RUN_BY = re.compile(r"\b[A-Z][\w.]+-(?:run|led|controlled|held|backed|appointed)\b")


def _owner_country(body: str) -> str | None:
    """The country of the place whose possessive opens `body` (or that ends it after "in"), by its most
    populous namesake. An owner the gazetteer does not hold (a person, an invented country) says nothing."""
    m = _PLACE_OWNER.match(body) or _PLACE_AFTER.search(body)
    before = None if m else _PLACE_BEFORE.match(body)
    m = m or before
    if not m or _GOVERNMENT.search(m.group("place")):
        return None
    from .geonames import place_index  # loaded once, only where a name owns a body

    f = fold(m.group("place"))
    recs = [r for r in place_index().lookup(m.group("place")) if fold(r.name) == f and r.country]
    if before:  # a bare name before the body's word: only a big place's ("Gaza", not a hamlet called "State")
        recs = [r for r in recs if r.feature == "A" or (r.population or 0) >= _BIG_PLACE]
    return max(recs, key=lambda r: r.population or 0).country if recs else None


def _domain(body: str) -> bool:
    """ "health" of "health officials", "defense" of "defense officials": a ministry's domain named alone
    (not "foreign officials": those of other countries)."""
    f = re.sub(r"^(?:(?:senior|top|high-ranking|high ranking|local|state|national)\s+)+", "", fold(body))
    if f in ("intelligence", "security"):  # "a senior intelligence official": a state service
        return True
    return f != "foreign" and any(f == w for words in DOMAINS.values() for w in words if len(w) > 4)


def _body(body: str, cid: str | None, cname: str | None, country: str | None) -> Party | None:
    """Government, opposition or authorities of a country; None for any other body."""
    here = _country_of(body) or named_body_country(body) or (cid[8:] if cid and cid.startswith("country:") else None)
    here = here or _owner_country(body)
    if not here and _RUN_BY.search(body):
        return None  # not the government of the article's country: the body is its own party
    c = here or country
    if _OPPOSITION.search(body):
        return Party(f"opposition:{c or '?'}", f"{_shown_country(c)} opposition" if c else "Opposition")
    if _GOVERNMENT.search(body) or government_body(body) or _domain(body) or (cid or "").startswith("country:"):
        return Party(f"government:{c or '?'}", f"Government of {_shown_country(c)}" if c else "Government")
    if (
        here
        and fold(body) in (fold(gazetteer().name(here)), fold(gazetteer().adjective.get(here, "")))
        or (here and gazetteer().demonym(body) == here)
        or (here and gazetteer().country(body) == here)  # "a senior US official"
    ):
        # "a Turkish official" -> "Turkish": the official speaks for their country's government
        return Party(f"government:{here}", f"Government of {_shown_country(here)}")
    if _AUTHORITIES.match(fold(body)):
        return Party(f"authorities:{c or '?'}", f"Authorities ({_shown_country(c)})" if c else "Authorities")
    return None


_WHERE_FROM = frozenset("in from living across around near".split())


def _people_of(body: str) -> bool:
    """ "Syrians", "Afghans", "Iraqis": a country's people by their plural demonym, not its officials
    ("Turkish officials" leave "Turkish", the adjective, which does speak for the government)."""
    words = fold(_DET.sub("", body.strip())).split()
    if not words or (len(words) > 1 and words[1] not in _WHERE_FROM):
        return False  # "Syrians", "Syrians in the area"; not "Syrians for Assad"
    f = words[0]
    a3 = gazetteer().demonym(f)
    return (
        a3 is not None
        and f.endswith("s")
        and f != fold(gazetteer().adjective.get(a3, ""))
        and f[:-1] != fold(gazetteer().name(a3))  # not a country named with an s
    )


# "a police spokesman", "the army's chief spokeswoman": the body a spokesperson's apposition names first.
_RANKS = frozenset("senior chief deputy former top main lead acting official".split())
_BODY_SPOKESMAN = re.compile(
    r"^(?:(?:senior|chief|deputy|former|top|main|lead|acting)\s+)*(?P<body>[\w.-]+(?:\s+[\w.-]+){0,3}?)(?:['’]s)?\s+"
    r"(?:(?:chief|deputy|senior|acting)\s+)?spokes(?:man|woman|person)$",
    re.I,
)


def _person(
    cid: str,
    name: str,
    country: str | None,
    text: str,
    span: tuple[int | None, int | None],
    orgs_before: list[tuple[int, str, str]],
) -> Party:
    """A person speaks for the body their title ("Interior Minister X") or apposition ("X, the group's head
    of operations", "X, a spokesman for Y") names; the source span may hold the title and apposition."""
    start, end = span
    if not text or start is None or end is None:
        return Party(cid, name)
    inside = text[start:end]
    head, _, app = inside.partition(",")
    if (m := _TITLE_BEFORE.search(text[max(0, start - 60) : start])) and (
        p := _body(m.group("title"), None, None, country)
    ):
        return p
    if re.search(r"\b(?:Minister|Secretary|President|Premier|Spokes\w+|Ambassador|Governor)\b", head) and (
        p := _body(head, None, None, country)
    ):
        return p
    if not app and (m := _APPOSITION.match(text[end : end + 120])):
        app = m.group("app")
    app = re.sub(r"^\s*(?:the|a|an|who\s+(?:leads|heads|runs|chairs)(?:\s+the)?)\s+", "", app.strip(" ,;"))
    if app:
        if f := _FOR_IN_APP.search(app):
            b = f.group("body")
            return _body(b, None, None, country) or Party("name:" + _key(b), _clean(b))
        if p := _body(app, None, None, country):
            return p
        if (m := _BODY_SPOKESMAN.match(app)) and fold(m.group("body")) not in _RANKS:  # "X, a police spokesman"
            b = m.group("body")
            return Party("name:" + _key(b), _clean(b))
        if _ITS.search(app):
            before = [o for o in orgs_before if o[0] < start]
            if before:
                _, oid, oname = before[-1]
                return _body(oname, oid, oname, country) or Party(oid, oname)
    return Party(cid, name)


# A figure another party gave, relayed by the source: "... than the 20 deaths the government has acknowledged",
# "the government's count stood at 31".
_RELAY_AFTER = re.compile(
    r"^[^.;:\"“”]{0,45}?\b(?:that\s+|which\s+)?(?P<party>(?:the\s+|a\s+)?(?:[A-Z][\w.'-]*\s+){0,3}"
    r"(?:government|ministry|authorities|officials|police|army|military|opposition|[A-Z][\w.'-]+))\s+"
    r"(?:has\s+|had\s+|have\s+)?(?:acknowledged|admitted|confirmed|conceded|reported|recorded|announced|"
    r"counted|put|gave|cited)\b"
)
_RELAY_BEFORE = re.compile(
    r"(?P<party>(?:the\s+|The\s+)?(?:[A-Z][\w.'-]*\s+){0,3}(?:government|ministry|authorities|officials|police|"
    r"army|military|opposition|[A-Z][\w.'-]+))['’]s?\s+(?:official\s+|own\s+|latest\s+|last\s+)?"
    r"(?:count|toll|tally|figure|figures|estimate|number)\s+(?:stood\s+at|was|is|of|at|rose\s+to|reached|"
    r"showed|shows|put\s+\w+\s+at)\s*(?:about\s+|some\s+|around\s+|nearly\s+|over\s+|just\s+)?$"
)


def relayed(text: str, sentence: tuple[int, int], claim: tuple[int, int]) -> str | None:
    """The party a figure belongs to when the sentence credits it to another than its speaker."""
    s0, s1 = sentence
    c0, c1 = claim
    if m := _RELAY_BEFORE.search(text[max(s0, c0 - 90) : c0]):
        return m.group("party").strip()
    if m := _RELAY_AFTER.match(text[c1:s1]):
        return m.group("party").strip()
    return None


# An embedded social media post as pasted text: "... pic.twitter.com/x — The Associated Press (@AP) July 17, 2016".
_TWEET = re.compile(
    r"[—–-]\s*(?P<name>[^—–()\n]{2,60}?)\s*\(@(?P<handle>\w{1,30})\)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
)


def tweeted_by(text: str) -> Party | None:
    """The author of an embedded post that `text` (a sentence and what follows it) carries, if any."""
    if m := _TWEET.search(text):
        return Party("handle:" + m.group("handle").lower(), m.group("name").strip())
    return None
