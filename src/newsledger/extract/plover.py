"""The PLOVER lexicon: which lemma, read as which part of speech, codes which PLOVER event type and mode.

Types and modes are PLOVER 2021's (CAMEO2PLOVER-2021.txt): the 16 types, modes such as ASSAULT/heavy-weapons,
PROTEST/demo, COERCE/arrest. The words come from the CAMEO descriptions of each code, not from the gold records.
"""

from __future__ import annotations

TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
)

Code = tuple[str, "str | None"]


def _table(rows: dict[Code, str]) -> dict[str, Code]:
    out: dict[str, Code] = {}
    for code, words in rows.items():
        for w in words.split():
            out.setdefault(w, code)
    return out


VERBS = _table(
    {
        ("ASSAULT", None): "attack assault raid storm kill slay wound injure maim invade",
        ("ASSAULT", "explosives"): "bomb detonate blow",
        ("ASSAULT", "heavy-weapons"): "shell bombard pound airstrike",
        ("ASSAULT", "firearms"): "shoot gun ambush fight clash battle",
        ("ASSAULT", "massacre"): "massacre slaughter",
        ("ASSAULT", "assassinate"): "assassinate execute behead murder",
        ("ASSAULT", "torture"): "torture",
        ("ASSAULT", "sexual"): "rape",
        ("ASSAULT", "beat"): "beat stab lynch club",
        ("ASSAULT", "abduct"): "abduct kidnap hijack",
        ("PROTEST", "demo"): "protest demonstrate rally march picket",
        ("PROTEST", "riot"): "riot loot",
        ("PROTEST", "boycott"): "boycott",
        ("PROTEST", "obstruct"): "obstruct barricade block",
        ("COERCE", "arrest"): "arrest detain jail imprison apprehend nab indict prosecute",
        ("COERCE", "deport"): "deport extradite",
        ("COERCE", "seize"): "seize confiscate impound occupy annex demolish destroy raze torch",
        ("COERCE", "ban"): "ban outlaw prohibit dissolve",
        ("COERCE", "restrict"): "censor restrict blockade blockaded",
        ("MOBILIZE", "troops"): "deploy mobilize mobilise mass reinforce",
        ("SANCTION", None): "sanction embargo",
        ("SANCTION", "withdraw"): "sever recall",
        ("SANCTION", "discontinue"): "suspend halt freeze withhold cut",
        ("SANCTION", "expel"): "expel",
        ("AGREE", None): "agree pledge promise vow offer",
        ("CONSULT", None): "meet negotiate discuss confer consult",
        ("CONSULT", "visit"): "visit host",
        ("CONSULT", "phone"): "telephone phone",
        (
            "SUPPORT",
            None,
        ): "sign praise endorse support back welcome defend commend hail applaud apologize forgive recognize",
        ("COOPERATE", None): "cooperate collaborate",
        ("AID", None): "aid donate provide supply grant",
        ("CONCEDE", None): "concede yield accede relent legalize shorten relax ease accept allow",
        ("RETREAT", "release"): "release free",
        ("RETREAT", "withdraw"): "withdraw retreat evacuate",
        ("RETREAT", "disarm"): "surrender disarm demobilize",
        ("RETREAT", None): "resign",
        ("REQUEST", None): "demand urge ask appeal request plead implore",
        ("ACCUSE", "allege"): "accuse blame allege sue",
        ("ACCUSE", "disapprove"): "condemn criticize criticise denounce deplore decry slam summon",
        ("ACCUSE", "investigate"): "investigate probe",
        ("REJECT", None): "reject refuse decline veto rebuff spurn dismiss defy violate renege oppose",
        ("THREATEN", None): "threaten warn",
    }
)

NOUNS = _table(
    {
        ("ASSAULT", None): "attack assault raid offensive invasion killing killings",
        ("ASSAULT", "explosives"): "bombing explosion blast",
        ("ASSAULT", "heavy-weapons"): "airstrike airstrikes shelling bombardment barrage",
        ("ASSAULT", "firearms"): "shooting ambush gunfire clash clashes firefight battle fighting",
        ("ASSAULT", "massacre"): "massacre",
        ("ASSAULT", "assassinate"): "assassination execution murder",
        ("ASSAULT", "abduct"): "kidnapping abduction hijacking",
        ("PROTEST", "demo"): "protest protests demonstration rally march sit-in",
        ("PROTEST", "riot"): "riot riots rioting",
        ("PROTEST", "boycott"): "boycott walkout",
        ("COERCE", "arrest"): "arrest arrests detention",
        ("COERCE", "curfew"): "curfew",
        ("COERCE", "restrict"): "blockade crackdown",
        ("COERCE", "deport"): "deportation",
        ("SANCTION", None): "sanctions embargo suspension",
        ("CONSULT", None): "talks negotiations summit mediation",
        ("CONSULT", "visit"): "visit",
        ("RETREAT", "ceasefire"): "ceasefire truce armistice",
        ("RETREAT", "withdraw"): "withdrawal",
        ("AID", None): "aid",
        ("ACCUSE", "investigate"): "investigation inquiry probe hearing",
        ("THREATEN", None): "ultimatum",
        ("REQUEST", None): "demand demands appeal appeals",
    }
)

# Weapons a "fire"/"launch" takes as its object: the verb on its own is too often "fired from a job".
WEAPONS = {
    "missile": "heavy-weapons",
    "missiles": "heavy-weapons",
    "rocket": "heavy-weapons",
    "rockets": "heavy-weapons",
    "projectile": "heavy-weapons",
    "projectiles": "heavy-weapons",
    "shell": "heavy-weapons",
    "shells": "heavy-weapons",
    "mortar": "heavy-weapons",
    "mortars": "heavy-weapons",
    "artillery": "heavy-weapons",
    "salvo": "heavy-weapons",
    "drone": "heavy-weapons",
    "drones": "heavy-weapons",
    "strike": "heavy-weapons",
    "strikes": "heavy-weapons",
    "shot": "firearms",
    "shots": "firearms",
    "bullet": "firearms",
    "bullets": "firearms",
    "round": "firearms",
    "rounds": "firearms",
    "gas": "firearms",
    "fire": "firearms",
    "attack": None,
    "attacks": None,
    "offensive": None,
    "assault": None,
    "raid": None,
    "raids": None,
}
# "strike" as a noun: an attack when a weapon word qualifies it, a protest when labour does.
STRIKE_ASSAULT = {"air", "drone", "missile", "military", "rocket", "artillery", "naval", "aerial", "precision"}
STRIKE_PROTEST = {"hunger": "hunger", "general": "boycott", "labor": "boycott", "labour": "boycott"}
# Words that make a violent noun a thing rather than a happening: "air raid sirens", "attack helicopters".
NOT_HAPPENINGS = {"siren", "sirens", "shelter", "shelters", "helicopter", "helicopters", "dog", "dogs", "drill", "ad"}

# Who does what by type: an intent to do a cooperative thing is AGREE, to do a hostile one is THREATEN (PLOVER
# codes "X will release the hostages" as AGREE and "X will blockade Paris" as THREATEN; the release or the
# blockade itself stays a future event).
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations", "PROTEST": "relations"}
# Verbs that code an event only with one of these objects: "gave a grant", not "gave a speech".
OBJECT_VERBS = {
    "give": (("AID", None), {"aid", "grant", "money", "dollars", "loan", "assistance", "asylum", "arms", "food"}),
    "share": (("COOPERATE", None), {"intelligence", "information", "evidence", "data"}),
    "establish": (("SUPPORT", None), {"ties", "relations"}),
    "fail": (("REJECT", None), {"reach", "agree"}),
}
