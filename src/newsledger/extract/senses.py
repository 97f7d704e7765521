"""Word senses: whether a lexicon trigger means its PLOVER event here, read over the parse.

US political prose uses the violent and protest words figuratively ("fight the bill", "attacked the press",
"a campaign rally", "meet in the middle"), and many cooperative verbs only mean an event with a fitting object
("released a statement" is no release, "provided details" no aid, "declined to comment" no rejection). Each
rule takes the lexicon's code and returns the code that fits, or None when the word is not an event here.
"""

from __future__ import annotations

from spacy.tokens import Token

from .plover import Code

# Lemmas of a sentence that make a violent word literal: arms, fighters, casualties, war.
VIOLENCE = set(
    "kill killing dead death die wound wounded injure injured casualty casualties troops troop soldier army military "
    "militant militia rebel insurgent gunman gunmen terrorist terror jihadist fighter guerrilla police policeman "
    "gun firearm rifle bomb bombing missile rocket shell artillery airstrike strike weapon war warplane jet tank "
    "civilian hostage explosive explosion blast grenade knife sword shoot shooting shot fire gunfire bullet mortar "
    "raid assault invasion invade offensive battlefield combat front ceasefire truce siege massacre stab attacker "
    "victim violence violent riot rioter mob clash bloodshed hamas taliban isis qaeda regiment navy marine drone "
    "security forces force lynch protester nuclear chemical border village province district sectarian ethnic "
    "tribal clan separatist gunfight demonstrator teargas tear baton armed rebel-held frontline".split()
)
# Triggers read as violence only in a violent sentence (or with a violent role).
FIGURATIVE = {
    "fight",
    "fighting",
    "battle",
    "clash",
    "clashes",
    "attack",
    "attacks",
    "beat",
    "storm",
    "hijack",
    "destroy",
    "demolish",
    "occupy",
    "kill",
    "offensive",
    "invasion",
    "execute",
    "execution",
    "pound",
    "club",
    "strike",
    "shoot",
    "blow",
    "torch",
    "seize",
}
# Objects of a trigger that make the event: "released the hostages", "recalled its ambassador".
HELD = set(
    "hostage hostages prisoner prisoners detainee detainees captive captives journalist journalists activist "
    "activists soldier soldiers sailor sailors citizen citizens people man men woman women inmates inmate".split()
)
AID_THINGS = set(
    "aid assistance weapons arms money funds funding food supplies equipment relief loan loans ammunition "
    "medicine medicines vaccine vaccines shelter grant grants asylum ventilators masks troops help support".split()
)
RELATIONS = set(
    "aid assistance ties relations cooperation funding talks negotiations payments exports imports trade flights "
    "program programme shipments deliveries sales contacts dialogue".split()
)
FORCES = set(
    "troops troop soldiers forces force army military police guard guardsmen marines units ships warships "
    "battalion battalions brigade brigades missiles tanks jets personnel officers reinforcements reservists reserves "
    "militia militias guards warplanes aircraft".split()
)
ENVOYS = {"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "embassy", "consul"}
RESTRICTIONS = set(
    "restrictions restriction sanctions sanction curbs ban bans rules measures blockade lockdown curfew limits "
    "controls tariffs emergency moratorium embargo siege order orders requirements".split()
)
PHYSICAL = set(
    "road roads highway traffic entrance access street streets bridge railway tracks path border transport shipping "
    "convoy convoys supplies entry port ports".split()
)
# Infinitives after "refused/declined to" that are no refusal of anything: "declined to comment".
NO_COMMENT = set("comment say answer respond elaborate discuss confirm specify speculate reply".split())
MARKET = set(
    "oil gas goods products energy housing labor labour consumer consumers market markets prices price "
    "supply economy sales exports imports".split()
)
_PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
PEOPLE = set(
    "leader leaders lawmaker lawmakers senator senators official officials president minister government "
    "administration country countries nation nations state states party democrats republicans opposition group "
    "groups rebels protesters members delegation allies ally counterpart counterparts regime "
    "authorities police army troops committee council court judge prosecutors congress parliament governor "
    "governors mayor spokesman spokeswoman spokesperson secretary ambassador envoy prosecutor attorney general "
    "candidate candidates rival rivals critic critics journalist journalists reporter activists activist "
    "negotiators diplomats diplomat chief chairman commander soldiers militants insurgents fighters union unions "
    "company companies agency agencies department ministry campaign dictator king prince queen pope bishop "
    "lawyer lawyers voter voters students workers employees citizens residents opponents opponent supporters "
    "neighbor neighbour neighbors side sides colleague colleagues partner partners regulators investigators "
    "administration white house kremlin pentagon".split()
)


def is_party(tok: Token) -> bool:
    """A token that names a party (a person, group, state, or a word for one), not a thing or a topic."""
    if tok.ent_type_ in _PARTY_ENTS:
        return True
    return tok.lower_ in PEOPLE or tok.lemma_.lower() in PEOPLE or tok.lower_ in ("him", "her", "them", "us")


def _objects(tok: Token) -> list[Token]:
    """The trigger's objects: its direct object or passive subject, and what "with"/"to" take ("provided X
    with weapons")."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "to", "of"):
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _has_object(tok: Token, words: set[str], party: bool = False) -> bool:
    for o in _objects(tok):
        if o.lower_ in words or o.lemma_.lower() in words or party and is_party(o):
            return True
        if any(g.lower_ in words for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
            return True  # "released hundreds of prisoners"
    return False


def violent(tok: Token) -> bool:
    """The trigger's sentence speaks of arms, fighters or casualties (beyond the trigger itself)."""
    return any(
        t.i != tok.i
        and (t.lemma_.lower() in VIOLENCE or t.lower_ in VIOLENCE)
        and not (t.pos_ == "ADJ" and t.lower_ == "offensive")
        for t in tok.sent
    )  # "speech he finds offensive" is no offensive


def _prep(tok: Token, *words: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in words for c in tok.children)


def _violent_word(tok: Token, code: Code) -> Code | None:
    if any(t.lemma_.lower() in NATURE for t in tok.sent):
        return None  # "killed by the quake", "the storm struck": no one's assault
    if _prep(tok, "over") and not _hits_place(tok):
        return None  # "an ongoing battle over the policy", "clashed over the budget": a dispute
    verbal = any(c.lower_ in ("verbally", "publicly", "personally") for c in tok.children)
    if not verbal and (violent(tok) or _hits_place(tok)):
        return code
    lemma = tok.lemma_.lower()
    if lemma in ("kill", "execute", "shoot", "stab") and _has_object(tok, HELD | {"person", "persons"}, True):
        return code  # "a man killed his neighbour"
    if tok.lemma_.lower() == "attack" and tok.pos_ == "VERB" and (verbal or any(is_party(o) for o in _objects(tok))):
        return ("ACCUSE", "disapprove")  # "Trump attacked the senator": words, not arms
    return None


NATURE = set(
    "quake earthquake storm hurricane flood tornado typhoon cyclone tsunami virus coronavirus covid disease "
    "pandemic crash accident wildfire blaze avalanche landslide heat overdose cancer".split()
)
TARGET_PLACES = set(
    "city town village base embassy station checkpoint convoy camp compound school hospital market "
    "mosque church temple synagogue building headquarters barracks outpost airport port ship tanker vessel boat plane "
    "aircraft train bus convoy patrol pipeline facility plant refinery installation positions".split()
)


def _hits_place(tok: Token) -> bool:
    """An attack on a place or a country ("an attack on the city", "attacked the base"): arms, not words."""
    targets = _objects(tok) + [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("on", "against")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in TARGET_PLACES for t in targets)


def _object_rule(tok: Token, lemma: str, code: Code) -> Code | None:
    """Verbs that code their event only with a fitting object."""
    table: dict[str, tuple[set[str], bool]] = {
        "release": (HELD, True),
        "free": (HELD, True),
        "recall": (ENVOYS, False),
        "suspend": (RELATIONS, False),
        "halt": (RELATIONS, False),
        "freeze": (RELATIONS | {"assets", "accounts"}, False),
        "withhold": (RELATIONS, False),
        "cut": (RELATIONS, False),
        "sever": (RELATIONS, False),
        "provide": (AID_THINGS | {"intelligence", "photographs"}, False),
        "supply": (AID_THINGS | {"intelligence"}, False),
        "grant": (AID_THINGS, False),
        "mobilize": (FORCES, False),
        "mobilise": (FORCES, False),
        "mass": (FORCES, False),
        "reinforce": (FORCES, False),
        "deploy": (FORCES, False),
        "ease": (RESTRICTIONS, False),
        "relax": (RESTRICTIONS, False),
        "lift": (RESTRICTIONS, False),
        "recognize": (set(), True),
        "summon": (ENVOYS, True),
    }
    if lemma not in table:
        return code
    words, party = table[lemma]
    if words is FORCES and not _objects(tok):
        return code  # "called on Arabs to mobilize"
    return code if _has_object(tok, words, party) else None


def _speech_rule(tok: Token, lemma: str, code: Code) -> Code | None:
    """Speech-act verbs whose everyday sense is no event."""
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if lemma in ("decline", "refuse"):  # "declined to comment" and "sales declined" refuse nothing
        ok = xcomp is not None and xcomp.lemma_.lower() not in NO_COMMENT
        return code if ok or any(c.dep_ == "dobj" for c in tok.children) else None
    if lemma == "ask":  # "asked X to do", "asked for", "asked that": not "asked about", "asked whether"
        that = any(  # "asked that X be ...", not a quoted question
            c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in tok.children
        )
        return code if xcomp is not None or that or _prep(tok, "for") else None
    if lemma == "oppose" and any(c.lower_ == "as" for c in tok.children):
        return None  # "as opposed to"
    if lemma == "support" and _has_object(tok, PROVIDED_FOR):
        return None
    if lemma == "accept" and _has_object(tok, {"responsibility", "blame", "apology"}):
        return None  # "I accept full responsibility": an admission
    if lemma == "threaten" and xcomp is not None and xcomp.lemma_.lower() in HAPPENINGS:
        return None  # "the party threatens to erupt into war": a likelihood, no one's threat
    if lemma == "violate":  # "violated the ceasefire" rejects it; "violating the Act" breaks a law
        return code if _has_object(tok, PACTS) else None
    if lemma == "warn":
        return code if _warning(tok) else None
    if lemma == "call" and any(c.dep_ == "nsubj" and c.lemma_.lower() in THINGS for c in tok.children):
        return None  # "the plan calls for moving inmates": a document proposes, no one requests
    if lemma == "plead":  # "pleaded guilty" is no request
        return code if _prep(tok, "for", "with") else None
    if lemma == "agree":  # "agreed to", "agreed that X should": not "agree with", "agreed that X is"
        opinion = any(c.dep_ == "ccomp" and not _modal(c) for c in tok.children) or _prep(tok, "with") and xcomp is None
        return None if opinion else code
    if lemma == "offer":  # "offered to help", "offered aid": not "offers a glimpse"
        return code if xcomp is not None or _offer(tok) else None
    if lemma in ("meet", "discuss", "negotiate", "confer"):
        return _meeting(tok, code)
    if lemma == "demonstrate":  # "demonstrates that" shows something
        return code if not any(c.dep_ in ("ccomp", "dobj") for c in tok.children) else None
    if lemma in ("concede", "yield"):  # "conceded that" admits; "yield results" yields
        return code if not any(c.dep_ in ("ccomp", "dobj") for c in tok.children) or _prep(tok, "to") else None
    return code


def _party_actor(tok: Token) -> bool:
    """ "The court decided to allow", "Gov. Evers allowed": a party concedes; "our faith allows" does not."""
    verb = tok.head if tok.dep_ in ("xcomp", "conj") else tok
    subj = [c for v in (tok, verb) for c in v.children if c.dep_ in ("nsubj", "agent")]
    if tok.dep_ == "relcl":  # "a mechanism that allows": the noun is the subject
        subj = [tok.head if c.lower_ in ("that", "which") else c for c in subj]
    subj += [g for c in subj if c.dep_ == "agent" for g in c.children]
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ("say", "announce", "state", "declare", "insist")
    personal = ("he", "she", "they", "we", "i", "you") + (("it",) if reported else ())  # "Syria says it will not"
    return any(is_party(c) or c.lower_ in personal for c in subj)


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("should", "would", "will", "must", "to") for c in verb.children)


THINGS = set(
    "issue value law bill plan policy virus measure rule report document study poll move decision order idea "
    "proposal legislation amendment provision regulation change problem crisis economy trend system program "
    "approach strategy agenda budget deal war pandemic belief view principle mechanism process constitution "
    "statute ruling terrorism extremism violence crime climate technology".split()
)
HAPPENINGS = set(
    "erupt become derail undermine overwhelm collapse spill spiral engulf unravel swamp overshadow eclipse "
    "consume dominate upend sink doom explode worsen escalate drag".split()
)
PACTS = set(
    "ceasefire truce agreement deal accord treaty sanctions resolution embargo airspace border pact ban curfew".split()
)
THING_ACTOR_TYPES = {"THREATEN", "SUPPORT", "REJECT", "AGREE", "CONCEDE", "COERCE", "SANCTION"}
# Objects of "support" that make it providing for, not political support: "to support the family".
PROVIDED_FOR = {"family", "families", "themselves", "himself", "herself", "children", "kids", "household"}


def _thing_subject(tok: Token) -> bool:
    """The subject is a common noun that names no party ("the issues", "the law"); a relative pronoun stands
    for the noun it follows."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "relcl":
        subj = tok.head
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in THINGS


def _poll(tok: Token) -> bool:
    """ "63 percent of voters oppose", "most donors gave": a share of people, no one's act."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.ent_type_ == "PERCENT" or subj.lower_ in ("most", "majority"))


def _warning(tok: Token) -> bool:
    """A warning is a threat when it warns someone ("warned Iran not to", "warned of consequences") or says the
    speaker will act ("warned it would retaliate"); "experts warn that the virus could spread" is no threat."""
    ccomp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if ccomp is None:
        return True
    if ccomp.lemma_.lower() == "be":
        return False  # "warned that it would be a mistake"
    subj = next((c for c in ccomp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ in ("it", "they", "we", "he", "she") and _modal(ccomp)


def _offer(tok: Token) -> bool:
    return _has_object(tok, AID_THINGS | {"talks", "concessions", "compromise", "resignation", "truce"})


def _meeting(tok: Token, code: Code) -> Code | None:
    """A meeting needs parties: "met with X", "X and Y met", "met the president": not "meet the deadline",
    "meet in the middle"."""
    if any(g.lower_ == "middle" for c in tok.children if c.dep_ == "prep" for g in c.subtree):
        return None
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if objs and tok.lemma_.lower() == "meet":
        return code if any(is_party(o) for o in objs) else None
    if _prep(tok, "with") or any(c.dep_ == "nsubj" and _parties(c) for c in tok.children):
        return code
    return None if objs else code


def _parties(subj: Token) -> bool:
    """Subjects that are several parties: "X and Y", "the two leaders", "Israel" (with someone unnamed)."""
    if any(g.dep_ == "conj" for g in subj.children) or subj.ent_type_ in ("ORG", "GPE", "NORP"):
        return True
    return subj.tag_ == "NNS" and is_party(subj)


def _rally(tok: Token, code: Code) -> Code | None:
    """A rally or march is a protest when the sentence says so (protesters, against, a demand); a campaign
    rally, a stock rally or "rallied support" are not."""
    if tok.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.children):
        return None
    if any(
        c.dep_ in ("compound", "poss") and (c.ent_type_ == "PERSON" or c.lower_ == "campaign") for c in tok.children
    ):
        return None  # "Trump rallies", "a campaign rally"
    cue = {"protest", "protester", "demonstrator", "demonstration", "against", "activist", "demand", "oppose"}
    if any(t.lemma_.lower() in cue for t in tok.sent):
        return code
    return None


def sense(tok: Token, code: Code | None) -> Code | None:
    """The code a trigger has in its context, or None when this is not its event sense."""
    if code is None or tok.ent_type_ in ("DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW"):
        return None  # "In March", "the Paris Agreement", "the Affordable Care Act"
    if tok.dep_ == "amod" or tok.tag_ == "VBN" and tok.dep_ in ("amod", "compound"):
        return None  # "Pledged delegates", "a banned substance"
    lemma = tok.lemma_.lower()
    if lemma in ("rally", "march"):
        return _rally(tok, code)
    if code[0] in ("ASSAULT", "COERCE") and (lemma in FIGURATIVE or tok.lower_ in FIGURATIVE):
        return _violent_word(tok, code)
    if tok.pos_ != "VERB":
        return _noun_rule(tok, lemma, code)
    return _verb_sense(tok, lemma, code)


def _verb_sense(tok: Token, lemma: str, code: Code) -> Code | None:
    if tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "compound"):
        return None  # a noun the tagger read as a verb: "a harbinger of American retreat"
    if _poll(tok) or code[0] in THING_ACTOR_TYPES and _thing_subject(tok):
        return None  # "issues that threaten the fabric", "their values ... defend": no party acts
    if lemma == "visit" and not any(is_party(c) for c in tok.children if c.dep_ in ("nsubj", "dobj", "agent")):
        return None  # "people will be able to visit the US": no party visits
    if lemma not in ("blow", "beat", "shoot", "gun", "fight") and any(c.dep_ == "prt" for c in tok.children):
        return None  # "Sign up for the newsletter", "the investigation wound up", "you backed out"
    if lemma in ("block", "obstruct", "barricade"):  # "blocked the road" obstructs, "blocked the bill" rejects
        if _has_object(tok, PHYSICAL) or violent(tok):
            return code
        return ("REJECT", None) if _objects(tok) and tok.dep_ not in ("acomp", "oprd") else None
    if lemma in ("allow", "accept") and not _party_actor(tok):
        return None  # "tasks allowed under the order": no one conceded anything here
    code2 = _object_rule(tok, lemma, code)
    return _speech_rule(tok, lemma, code2) if code2 is not None else None


def _noun_rule(tok: Token, lemma: str, code: Code) -> Code | None:
    if lemma == "appeal":  # "an appeal for calm", "filed an appeal": not "the appeal of socialism", "King's appeal"
        legal = tok.head.lemma_.lower() in ("file", "lodge", "hear", "reject", "deny", "grant", "win", "lose", "make")
        return code if _prep(tok, "for", "to", "against", "from") or legal else None
    if lemma == "demand":  # "demand for oil": no request
        return None if _prep(tok, "for") and any(t.lemma_.lower() in MARKET for t in tok.sent) else code
    if lemma == "aid" and tok.dep_ == "compound":
        return None
    if lemma == "visit":  # "the president's visit", "a visit by the pope": not "weekly visits to his father"
        mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
        return code if any(is_party(c) for c in mods) or _by_party(tok) else None
    return code


def _by_party(tok: Token) -> bool:
    return any(is_party(g) for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "to") for g in c.children)
