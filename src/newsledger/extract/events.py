"""Events coded in PLOVER: a trigger from the lexicon (plover.py) read over the dependency parse.

One event per reported happening: triggers of one type in one sentence are one event. Each gets a status
from the parse (a negation, a modal, "if", "will", "denied that", a plan or a threat around it), the actor
(the subject, a passive's agent, "Russia's attack") and the target (the object, a passive's subject, "attack
on X"), each widened to the entity covering it; numbers and pronouns are never roles. The place is chosen
among the article's places, the time is the sentence's date or the article's, the magnitude comes from the
killed / injured claims of the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..models import Article, Claim, Entity, Event, Place, Role, TimeExpr
from .plover import (
    COOPERATIVE,
    HOSTILE,
    NOT_HAPPENINGS,
    NOUNS,
    OBJECT_VERBS,
    STRIKE_ASSAULT,
    STRIKE_PROTEST,
    THREAT_MODE,
    VERBS,
    WEAPONS,
    Code,
)
from .senses import THINGS, is_party, sense, violent

MODALS = {"could", "might", "may", "would", "should", "must", "can"}
FUTURE = {"will", "shall", "'ll", "wo"}
# Verbs over a trigger that say it has not happened (yet): "preparing for an attack", "plans to strike".
UNREAL = {
    "prepare": "hypothetical",
    "plan": "future",
    "intend": "future",
    "expect": "future",
    "fear": "hypothetical",
    "consider": "hypothetical",
    "threaten": "hypothetical",
    "warn": "hypothetical",
    "want": "hypothetical",
    "seek": "hypothetical",
    "aim": "hypothetical",
    "propose": "hypothetical",
    "deny": "denied",
    "refuse": "negated",
    "decline": "negated",
    "fail": "negated",
    "avoid": "negated",
    "prevent": "negated",
    "call": "hypothetical",
    "urge": "hypothetical",
    "demand": "hypothetical",
    "ask": "hypothetical",
    "assume": "hypothetical",
    "imagine": "hypothetical",
    "suppose": "hypothetical",
    "hope": "hypothetical",
    "wish": "hypothetical",
    "need": "hypothetical",
    "speak": "hypothetical",  # "speaking of killing Muslims"
    "talk": "hypothetical",
    "reject": "negated",  # "rejected releasing the prisoners"
    "oppose": "hypothetical",
    "have": "hypothetical",  # "has to be signed by Trump"
}
# "shielded them from deportation", "spared from execution": the event did not happen.
SHIELD = {"shield", "protect", "spare", "exempt", "save", "stop", "bar", "keep", "prevent", "block"}
INTENT = {"willing", "prepared", "ready", "committed", "determined", "vow", "swear", "pledge", "promise"}
UNREAL_NOUNS = {"threat", "risk", "fear", "possibility", "prospect", "plan", "plans", "preparation", "warning", "call"}
# "its demand that Israel ease ...", "a new policy to detain families", "an invitation to meet"
UNREAL_NOUNS |= {"demand", "demands", "request", "appeal", "calls", "proposal", "desire", "intention", "willingness"}
UNREAL_NOUNS |= {"readiness", "goal", "hope", "promise", "pledge", "offer", "vow", "bid", "push", "invitation"}
UNREAL_NOUNS |= {"policy", "rule", "bill", "legislation", "law", "deal"}  # "seeking a deal to restrict"
UNREAL_ADJ = {"possible", "potential", "planned", "proposed", "future", "imminent", "alleged"}

SECTORS = {
    "government": "government minister ministry president premier officials official authorities administration "
    "cabinet parliament regime prime chancellor",
    "military": "army troops soldiers military forces navy airforce marines soldier commander",
    "rebels": "rebels rebel insurgents militants guerrillas militia militias separatists fighters terrorists "
    "jihadists gunmen insurgent militant",
    "civilians": "civilians civilian residents villagers children women passengers students families",
    "police": "police policemen officers cops constable constables",
}
_SECTOR_OF = {w: s for s, ws in SECTORS.items() for w in ws.split()}
_LIGHT_ROLES = ("compound", "amod", "det", "poss", "nmod", "flat", "nummod", "case")
_PLACE_PREPS = {"in", "near", "at", "outside", "inside", "across", "throughout", "around"}


def _code(tok: Token) -> Code | None:
    """The PLOVER (type, mode) a token triggers, or None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return _verb_code(tok, lemma)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound" or tok.dep_ == "compound" and lemma == "strike":
        if tok.head.lower_ in NOT_HAPPENINGS or tok.dep_ == "compound" and tok.head.lower_ in NOT_HAPPENINGS:
            return None
        if lemma == "strike" or tok.lower_ in ("strike", "strikes"):
            return _strike(tok)
        if tok.lower_ == "firing":  # "police firing", "firing on the mob": not "the firing of Comey"
            return ("ASSAULT", "firearms") if _security_firing(tok) else None
        return NOUNS.get(tok.lower_) or NOUNS.get(lemma)
    return None


def _security_firing(tok: Token) -> bool:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "poss")}
    return bool(mods & {"police", "army", "security", "troops", "forces"}) or any(
        c.dep_ == "prep" and c.lower_ in ("on", "at") for c in tok.children
    )


def _verb_code(tok: Token, lemma: str) -> Code | None:
    objs = [c.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in ("fire", "launch"):
        hit = next((o for o in objs if o in WEAPONS), None)
        if hit is not None:
            return ("ASSAULT", WEAPONS[hit])
        at = any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into") for c in tok.children)
        return ("ASSAULT", "firearms") if lemma == "fire" and at else None
    if lemma == "strike":
        return _strike_verb(tok, objs)
    if lemma == "open" and "fire" in objs:  # "police opened fire on the crowd"
        return ("ASSAULT", "firearms")
    if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return ("REQUEST", None)
    if lemma in ("accept", "allow") and _negated(tok):
        return ("REJECT", None)
    if lemma == "send" and set(objs) & {"troops", "soldiers", "forces", "police"}:
        return ("MOBILIZE", "police" if "police" in objs else "troops")
    if lemma == "lift" and objs:
        return ("RETREAT", None) if set(objs) & {"blockade", "siege"} else ("CONCEDE", None)
    if lemma == "impose":
        return _impose(objs)
    if lemma in OBJECT_VERBS:
        code, want = OBJECT_VERBS[lemma]
        args = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "xcomp")} | {c.lemma_ for c in tok.children}
        return code if args & want else None
    return VERBS.get(lemma)


def _strike_verb(tok: Token, objs: list[str]) -> Code | None:
    """ "struck a deal" agrees, "struck down the law" is a ruling, "the quake struck" is nature."""
    if set(objs) & {"deal", "agreement", "bargain", "accord", "compromise"}:
        return ("AGREE", None)
    subj = {c.lower_ for c in tok.children if c.dep_ == "nsubj"}
    if any(c.dep_ == "prt" for c in tok.children) or subj & {"earthquake", "quake", "storm", "hurricane", "lightning"}:
        return None
    return ("ASSAULT", None)


def _impose(objs: list[str]) -> Code | None:
    for o in objs:
        if o in ("sanctions", "sanction", "embargo", "tariffs"):
            return ("SANCTION", None)
        if o == "curfew":
            return ("COERCE", "curfew")
        if o in ("ban", "restrictions"):
            return ("COERCE", "ban")
    return None


def _strike(tok: Token) -> Code:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    if tok.dep_ == "compound":
        mods.add(tok.head.lower_)
    if mods & STRIKE_ASSAULT:
        return ("ASSAULT", "heavy-weapons")
    for m in mods:
        if m in STRIKE_PROTEST:
            return ("PROTEST", STRIKE_PROTEST[m])
    if tok.head.lower_ == "on":
        return ("PROTEST", "boycott")
    # "our first strike against the Taliban" is arms; a lone "strike" otherwise is labour's
    return ("ASSAULT", "heavy-weapons") if violent(tok) or tok.lower_ != "strike" else ("PROTEST", "boycott")


def _negated(tok: Token) -> bool:
    heads = [tok, tok.head] if tok.dep_ in ("attr", "dobj", "acomp", "xcomp") else [tok]
    if tok.dep_ == "xcomp" and tok.head.dep_ == "acomp":
        heads.append(tok.head.head)  # "I am not ready to support"
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in (
        "begin",
        "start",
        "happen",
        "occur",
        "resume",
    ):
        heads.append(tok.head)  # "negotiations haven't begun"
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for h in heads for c in h.children):
        return True
    return any(c.lower_ == "without" for c in tok.head.children) and tok.head.lower_ == "without"


def _aux(tok: Token) -> set[str]:
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def status(tok: Token) -> str:
    """happened | negated | hypothetical | future | denied, from the parse around the trigger."""
    return _status(tok)[0]


def _status(tok: Token) -> tuple[str, str | None]:
    """The status, and what made it so when that is a stated intent ("will", "would", "willing to") or an
    obligation put on someone ("must", "should"): those are AGREE / THREATEN / REQUEST events of their own."""
    if _negated(tok):
        return "negated", None
    if tok.sent.text.rstrip(" \"'”’)").endswith("?"):
        return "hypothetical", None  # a question asserts nothing: "Would Russia attack?"
    aux = _aux(tok)
    if aux & {"must", "should"}:
        return "hypothetical", "must" if _obliged(tok) else None
    if aux & MODALS:
        stated = "would" in aux and "have" not in aux and _states_intent(tok)
        return "hypothetical", "intent" if stated else None
    if aux & FUTURE or {"going", "to"} <= aux:
        return "future", "intent" if _states_intent(tok) else None
    if tok.pos_ != "VERB" and any(c.lower_ in UNREAL_ADJ for c in tok.children if c.dep_ == "amod"):
        return "hypothetical", None
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in INTENT:
        return "future", "intent"
    return _from_ancestors(tok), None


SPEECH = {"say", "announce", "insist", "conclude", "state", "declare", "tell", "reiterate", "stress", "add"}


def _reported(tok: Token) -> bool:
    """The verb is what someone is reported to have said: "X said it would retaliate"."""
    child = tok
    for anc in tok.ancestors:
        if child.dep_ in ("ccomp", "xcomp", "conj") and anc.lemma_.lower() in SPEECH | {"warn", "threaten", "vow"}:
            return True
        if child.dep_ not in ("ccomp", "xcomp", "conj"):
            return False
        child = anc
    return False


def _conditional(verb: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
        for c in verb.children
    )


def _states_intent(tok: Token) -> bool:
    """A stated intent: a party's plan reported by a verb of saying, or said in the first person ("we will
    respond"), or a named party's "will"; not a columnist's "America would fight", not a counterfactual."""
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in tok.children):
        return False
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("i", "we"):
        return True
    if _reported(verb) or _conditional(verb) and subj is not None and is_party(subj):
        return True  # "X said it would retaliate", "Iran would close the strait if attacked"
    return subj is not None and (is_party(subj) or subj.lower_ in _SECTOR_OF) and "would" not in _aux(tok)


def _obliged(tok: Token) -> bool:
    """A verb someone says another must do: "X said Y must return ...", "... insisted that Y should ..."."""
    if tok.pos_ != "VERB" or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in SPEECH:
        return False
    if tok.lemma_.lower() in ("be", "have", "do", "get"):
        return False  # "should have responsibility" asks no one to act
    subj = [c for c in tok.children if c.dep_ == "nsubj"]  # not "we must move on": an exhortation
    return bool(_aux(tok) & {"must", "should"}) and any(c.lower_ not in ("i", "we", "you") for c in subj)


def _stated(ev: Event, why: str | None, speaker: Role | None = None) -> Event | None:
    """The event a stated intent or obligation is: AGREE to do a cooperative thing, THREATEN a hostile one,
    REQUEST what someone must do (by the one who says so, of the one who must)."""
    if why == "must":
        return replace(ev, type="REQUEST", mode=None, status="happened", actor=speaker, target=ev.actor)
    if why == "intent" and ev.type in COOPERATIVE | HOSTILE:
        kind = "AGREE" if ev.type in COOPERATIVE else "THREATEN"
        return replace(ev, type=kind, mode=THREAT_MODE.get(ev.type) if kind == "THREATEN" else None, status="happened")
    return None


def _speaker(tok: Token) -> Token | None:
    return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)


def _from_ancestors(tok: Token) -> str:
    child = tok
    for anc in tok.ancestors:
        if child.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ in MODALS for c in anc.children):
            return "hypothetical"  # "what could cause the US to fight China"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in child.children):
            return "hypothetical"
        lemma = anc.lemma_.lower()
        if lemma in SHIELD and child.dep_ == "prep" and child.lower_ in ("from", "against"):
            return "negated" if child.lower_ == "from" else "hypothetical"  # "protect against attacks"
        if lemma in UNREAL and child.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp"):
            return UNREAL[lemma]
        if anc.lower_ in UNREAL_NOUNS and child.dep_ in ("pobj", "prep", "acl", "compound", "ccomp"):
            return "hypothetical"
        if anc.dep_ == "ROOT" or child.dep_ in ("conj", "relcl"):
            break
        child = anc
    return "happened"


# -- roles ------------------------------------------------------------------------------------------


# Types whose object is the content (a plan, a request, a policy), not a party: their target is the party.
SPEECH_TYPES = {"AGREE", "REJECT", "CONSULT", "REQUEST", "SUPPORT", "ACCUSE", "CONCEDE", "THREATEN", "COOPERATE"}
_RELATIVE = {"who", "that", "which", "whom"}
# Verbs whose subject is the actor of their event noun: "rebels launched an attack", "students staged a protest".
LIGHT = set(
    "launch carry stage hold conduct mount lead organize organise begin start continue make commit wage order "
    "announce impose be have join call plan threaten".split()
)


def _roles(tok: Token, code: Code, depth: int = 0) -> tuple[Token | None, Token | None]:
    """(actor, target) head tokens of a trigger."""
    actor, target = _direct_roles(tok, code)
    if tok.dep_ == "relcl":  # "the senator, who criticized him": the relative pronoun stands for the senator
        if actor is not None and actor.lower_ in _RELATIVE:
            actor = tok.head
        elif target is not None and target.lower_ in _RELATIVE:
            target = tok.head
    if actor is None and tok.pos_ != "VERB" and tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in LIGHT:
        actor = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)  # "rebels launched an attack"
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in tok.children)
    if (
        actor is None
        and not own_subject
        and tok.dep_ in ("xcomp", "conj", "advcl")
        and depth < 3
        and tok.head.pos_ in ("VERB", "AUX")
    ):
        actor = _roles(tok.head, code, depth + 1)[0]  # "agreed to cooperate", "said ... and rejected"
    if actor is None and tok.pos_ == "VERB":
        actor = _actor_of_means(tok)
    if actor is None and tok.pos_ in ("NOUN", "PROPN"):  # "police firing", "an Israeli airstrike"
        actor = next((m for m in tok.children if m.dep_ in ("compound", "amod") and _sectorish(m)), None)
    actor, target = _participle_roles(tok, actor, target)
    if tok.pos_ in ("NOUN", "PROPN"):
        actor, target = _noun_roles(tok, actor, target)
    accused = code[0] == "ACCUSE" and target is not None and target.lemma_.lower() not in THINGS
    if target is not None and code[0] in SPEECH_TYPES and not is_party(target) and not accused:
        target = _party_of(target)
    if actor is not None and actor.lower_ in ("he", "she", "they", "it", "we"):
        actor = _speaker_of(tok) or actor  # "the president said he would veto it": the president
    return actor, target


def _speaker_of(tok: Token) -> Token | None:
    """The subject of the verb of saying a clause is reported by, when it is not a pronoun itself."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    while verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH:
        return None
    subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ != "PRON" else None


# Verbs whose passive subject does what their infinitive says: "officials are forced to detain".
_MADE_TO = {"force", "ask", "order", "allow", "urge", "require", "expect", "permit", "authorize", "tell", "compel"}


def _participle_roles(tok: Token, actor: Token | None, target: Token | None) -> tuple[Token | None, Token | None]:
    """ "a committee opposing Gascón": the noun acts; "documents requested by Democrats": the noun is the
    target; "officials are forced to detain": the officials act."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and actor is None:
        actor = tok.head
    elif tok.dep_ == "acl" and tok.tag_ == "VBN" and target is None:
        target = tok.head
    if actor is None and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _MADE_TO:
        actor = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
    return actor, target


def _noun_roles(tok: Token, actor: Token | None, target: Token | None) -> tuple[Token | None, Token | None]:
    """ "an investigation into the Bidens", "the killing of Floyd", "killings video-taped by police"."""
    for c in tok.children:
        if target is None and c.dep_ == "prep" and c.lower_ in ("into", "of"):
            target = next((g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() not in THINGS), None)
        if actor is None and c.dep_ in ("amod", "acl"):
            by = [
                g for a in c.children if a.dep_ == "agent" or a.lower_ == "by" for g in a.children if g.dep_ == "pobj"
            ]
            actor = by[0] if by else None
    return actor, target


def _direct_roles(tok: Token, code: Code) -> tuple[Token | None, Token | None]:
    actor = target = None
    speech = code[0] in SPEECH_TYPES
    preps = ("with", "against", "to", "from") if speech else ("with", "against", "on")
    for c in tok.children:
        if c.dep_ in ("nsubj", "poss"):
            actor = c
        elif c.dep_ in ("dobj", "nsubjpass"):
            target = c
        elif c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" and tok.pos_ != "VERB":
            actor = next((g for g in c.children if g.dep_ == "pobj"), actor)
        elif c.dep_ == "prep" and c.lower_ in preps and (target is None or speech and not is_party(target)):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            target = pobj if pobj is not None and (not speech or is_party(pobj)) else target
    return actor, target


def _party_of(thing: Token) -> Token | None:
    """The party a content object belongs to or comes from: "the administration's request", "a request from
    X", "a new beginning with the Arab world"; None when the sentence names none."""
    for c in thing.children:
        if c.dep_ == "poss" and is_party(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "with", "to"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and is_party(pobj):
                return pobj
    return None


def _actor_of_means(tok: Token) -> Token | None:
    """ "killed in police firing", "died in an Israeli airstrike": the party of the means."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during", "by"):
            continue
        for g in c.children:  # "in police firing" parsed as the police, firing
            if g.dep_ == "pobj" and _sectorish(g) and any(a.lemma_ in ("fire", "shoot") for a in g.children):
                return g
        for means in (g for g in c.children if g.dep_ == "pobj" and (_code(g) or (None,))[0] == "ASSAULT"):
            mod = next((m for m in means.children if m.dep_ in ("compound", "amod", "poss") and _sectorish(m)), None)
            if mod is not None:
                return mod
    return None


def _sectorish(tok: Token) -> bool:
    return tok.lower_ in _SECTOR_OF or tok.ent_type_ in ("NORP", "GPE", "ORG")


_NOT_ROLES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_CUT = {"prep", "relcl", "acl", "appos", "punct", "advmod", "advcl", "ccomp", "xcomp"}


def _head_of(tok: Token | None) -> Token | None:
    """The token a role stands for: "thousands of protesters" -> protesters; numbers, pronouns, dates,
    weapons ("fired a missile") and time words are no role at all."""
    if tok is None:
        return None
    if tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ == "CARDINAL":
        tok = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
        if tok is None:
            return None
    if tok.pos_ == "PRON" or tok.ent_type_ in _NOT_ROLES or tok.lower_ in WEAPONS:
        return None
    return tok


def _span(tok: Token) -> tuple[int, int]:
    keep = [tok]
    todo = [c for c in tok.children if c.dep_ not in _CUT]
    while todo:
        t = todo.pop()
        if not t.like_num or t.head is not tok:
            keep.append(t)
            todo += [c for c in t.children if c.dep_ not in _CUT]
    return min(t.idx for t in keep), max(t.idx + len(t) for t in keep)


def _role(tok: Token | None, entities_at: dict[int, Entity], text: str) -> Role | None:
    tok = _head_of(tok)
    if tok is None:
        return None
    ent = entities_at.get(tok.idx)
    start, end = _span(tok)
    if ent is not None:
        spans = [m for m in ent.mentions if m[0] <= tok.idx < m[1]]
        start, end = min([start, *[s for s, _ in spans]]), max([end, *[e for _, e in spans]])
    start, end = _one_line(text, start, end, tok.idx)
    name = text[start:end]
    words = {w.lower() for w in name.split()}
    sector = next((_SECTOR_OF[w] for w in words if w in _SECTOR_OF), None)
    return Role(name, (ent.canonical or ent.id) if ent else None, start, end, sector, _country(name))


def _one_line(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The span cut to the line holding the role's head, trimmed: an entity across a heading's line break
    ("MUELLER LEGISLATION\n\nProminent Democrats") is not one name."""
    cut = text.rfind("\n", start, at)
    start = cut + 1 if cut >= 0 else start
    stop = text.find("\n", at, end)
    end = stop if stop >= 0 else end
    name = text[start:end]
    return start + len(name) - len(name.lstrip()), end - len(name) + len(name.rstrip())


def _country(name: str) -> str | None:
    from ..reconcile.gazetteer import gazetteer  # data only: countries and demonyms

    g = gazetteer()
    return g.split_country(name)[0] or g.demonym(name) or g.names.get(name.lower())


# -- where, when, how many --------------------------------------------------------------------------


def choose_place(
    places: Sequence[Place], sentence: tuple[int, int], near: Sequence[tuple[int, int]] = (), avoid=()
) -> int | None:
    """The index of the place an event happened at: a place the trigger's "in/near X" names (`near`), else
    the first place of the sentence outside the roles' spans (`avoid`), else the article's first place
    (the dateline or the incident's lead). None when the article names no place."""
    for i, p in enumerate(places):
        if any(s <= p.start < e for s, e in near):
            return i
    for i, p in enumerate(places):
        if sentence[0] <= p.start < sentence[1] and not any(s <= p.start < e for s, e in avoid):
            return i
    return 0 if places else None


def _place_spans(tok: Token) -> list[tuple[int, int]]:
    verb = tok.head if tok.pos_ != "VERB" and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") else tok
    out = []
    for v in {tok, verb}:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                out += [(t.idx, t.idx + len(t)) for t in c.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")]
    return out


def _magnitude(claims: Sequence[Claim], sent: Span) -> dict[str, float | None]:
    out: dict[str, float | None] = {"dead": None, "injured": None, "size": None}
    for c in claims:
        if not sent.start_char <= c.start < sent.end_char or c.value.point is None:
            continue
        if c.measure == "killed":
            out["dead"] = out["dead"] or c.value.point
        elif c.measure == "injured":
            out["injured"] = out["injured"] or c.value.point
        elif c.counted and any(w in c.counted for w in ("protester", "demonstrator", "people", "marcher")):
            out["size"] = out["size"] or c.value.point
    return out


def _merge(events: list[tuple[int, Event]]) -> list[Event]:
    """One event per happening: a sentence's triggers of one type and status are one event, the one whose
    roles are fullest (ties: the first); the happening is asserted when any of its triggers is."""
    best: dict[tuple, Event] = {}
    said: dict[tuple, bool] = {}
    for sent, ev in events:
        key = (sent, ev.type, ev.status)
        old = best.get(key)
        if old is None or _filled(ev) > _filled(old):
            best[key] = ev
        said[key] = said.get(key, False) or ev.asserted
    return sorted((replace(ev, asserted=said[k]) for k, ev in best.items()), key=lambda e: e.start)


def _filled(ev: Event) -> int:
    return (ev.actor is not None) + (ev.target is not None) + (ev.mode is not None)


# -- the gate: only what a clause asserts ----------------------------------------------------------

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _finite(tok: Token) -> bool:
    """A finite verb: a tensed form ("attacked", "supports"), or a verb with a tensed or modal auxiliary ("has
    attacked", "was arrested", "will meet"); not an infinitive, a bare gerund or a participle."""
    return tok.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in tok.children)


def asserted(tok: Token) -> bool:
    """Whether a trigger is what its clause asserts, the property of a coded event that best predicted that
    the three hand audits of docs/events_audit.md judged it right: a finite verb ("police arrested", "has
    pledged", "will meet", "refused"), or one conjoined to a finite verb ("said ... and rejected"). An
    infinitive ("a desire to attack"), a bare gerund or participle ("appealing to voters") and an event noun
    ("the Russia probe", "at his rallies") name an event the sentence refers to, not one it reports. The
    coder codes them all (what the PLOVER and india benches score); the ledger keeps only asserted ones."""
    if tok.pos_ != "VERB":
        return False
    return _finite(tok) or tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and _finite(tok.head)


def extract_events(
    doc: Doc,
    article: Article,
    entities: list[Entity],
    times: list[TimeExpr],
    claims: Sequence[Claim] = (),
    places: Sequence[Place] = (),
) -> list[Event]:
    entities_at = {}
    for e in entities:
        for s, t in e.mentions:
            for tok in doc.char_span(s, t, alignment_mode="expand") or ():
                entities_at[tok.idx] = e
    dates = sorted((t.start, t.value) for t in times if t.type == "DATE")
    published = article.published.isoformat() if article.published else None
    out = []
    for tok in doc:
        code = sense(tok, _code(tok))
        if code is None and not _obliged(tok):
            continue
        sent = tok.sent
        st, why = _status(tok)
        if code is None:  # "Russia said Sudan must return the helicopter": the demand is the event
            code, st, why = ("REQUEST", None), "happened", None
        if code[0] == "REJECT" and st == "negated" and tok.lemma_.lower() in ("accept", "allow"):
            st = "happened"  # "will not accept refugees" is the refusal itself
        actor, target = (_role(t, entities_at, article.text) for t in _roles(tok, code))
        avoid = [(r.start, r.end) for r in (actor, target) if r and r.start is not None]
        ev = Event(
            article.id,
            tok.idx,
            tok.idx + len(tok.text),
            tok.text,
            code[0],
            code[1],
            st,
            actor,
            target,
            choose_place(places, (sent.start_char, sent.end_char), _place_spans(tok), avoid),
            next((v for s, v in dates if sent.start_char <= s < sent.end_char), published),
            **_magnitude(claims, sent),
            asserted=asserted(tok),
        )
        out.append((sent.start_char, ev))
        speaker = _role(_speaker(tok), entities_at, article.text) if why == "must" else None
        if (said := _stated(ev, why, speaker)) is not None:
            out.append((sent.start_char, said))
    return _merge(out)
