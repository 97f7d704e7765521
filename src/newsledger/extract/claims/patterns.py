"""Every regular expression of the claim extractor, apart from the logic that reads them.

`BLOCK_RE` marks the spans whose numbers are not figures (times, dates, phone numbers, addresses, ...);
the others read the words around a number: units, qualifiers, ranges, change.
"""

from __future__ import annotations

import re

from .. import measures as M
from .lexicon import QUAL_PHRASES

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct"
    r"|Terrace|Highway|Hwy|Parkway|Pkwy|Square|Sq)"
)
# Spans whose numbers are not figures.
BLOCK_RE = re.compile(
    rf"""(?=[\dA-Z#'(,])(?:
      \b\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s?(?:[ap]\.?m\b\.?|[AP]\.?M\b\.?)       # 10.45pm, 5:00 AM
    | \b\d{{1,2}}\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b)                                 # 5am
    | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b                                          # 4:39 (clock)
    | \b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b                                     # 12/25/2019
    | \b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?                 # March 7, 2019
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}}\b)?       # 7 March 2019
    | \b{_MONTH}\.?,?\s+(?:of\s+)?\d{{4}}\b                                          # June of 2018
    | \b(?:1[5-9]|20)\d\d[-–/]\d{{2}}\b(?!\s*(?:%|per))                             # the 2019-20 season
    | (?:\b\d\d|\B')?\d0s\b                                                         # the 1990s, '90s
    | \b(?:1[5-9]|20)\d\d['’′]s\b                                                   # 2022's
    | \(?\b\d{{3}}\)?[-.\s]\d{{3}}[-.]\d{{4}}\b                                     # phone numbers
    | \b\d+(?:st|nd|rd|th)\b                                                        # ordinals
    | (?:\bNo\.|\#|\bNos?\.)\s?\d+                                                 # No. 1, #1
    | \b\d{{1,5}}(?:-\d{{1,5}})?\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+){{1,3}}{_STREET}\b
    | \b\d{{5}}(?:-\d{{4}})?\s+ZIP\b | \bZIP(?:\s+[Cc]ode)?\s+\d{{5}}\b              # ZIP codes
    | \b(?:24/7|9/11|7/7|50/50|20/20)\b
    | \b(?:240|360|480|720|1080|1440|2160|4320)[pi]\b                                 # 1080p (video)
    | \b(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])\b(?![/\d]|\s+(?:of|majority|vote)\b)    # 11/19 (a date)
    | (?<=[A-Za-z]{{2}}),\s\d{{1,3}}(?=,(?!\d))                                          # Maddon, 66, / her son, 3,
    )""",
    re.VERBOSE,
)

WS = re.compile(r"\s+")
_SPACE = r"[ \u00a0]"
_UNIT_ALTS = sorted(
    [(re.escape(k).replace(r"\ ", r"\s+"), False) for k in M.UNIT_WORDS]
    + [(re.escape(k).replace(r"\ ", r"\s+"), False) for k in M.CURRENCY_WORDS if k.isalpha() or " " in k]
    + [(re.escape(k).replace(r"\ ", r"\s?"), True) for k in M.UNIT_SYMBOLS],
    key=lambda a: len(a[0]),
    reverse=True,
)
_NATION = "|".join(re.escape(k) for k in sorted(M.DOLLAR_NATIONS, key=len, reverse=True))
UNIT_AFTER_RE = re.compile(
    rf"""(?P<gap>{_SPACE}?-?{_SPACE}?|{_SPACE}+(?:of{_SPACE}+)?)
    (?:(?P<nation>(?i:{_NATION})){_SPACE}+(?=(?i:dollars?|crowns|kroner|kronor|francs|pounds?)))?
    (?P<unit>{"|".join(f"(?i:{a})" if not sym else a for a, sym in _UNIT_ALTS)})
    (?![A-Za-z0-9])""",
    re.VERBOSE,
)
CUR_AFTER_SIGN = re.compile(r"€|\s?(?:US|U\.S\.)(?![A-Za-z])")  # "1,200€", "$76 US"

QUAL_BEFORE_RE = re.compile(
    r"(?:(?<![\w-])(?:(?i:slightly|just|well|far|only)\s+)?(?P<q>"
    + "|".join(
        r"(?i:" + re.escape(p).replace(r"\ ", r"\s+") + ")" + (r"\s*" if not p.endswith("-") else "")
        for p, _ in QUAL_PHRASES
    )
    + r"))$"
)
QUAL_AFTER_RE = re.compile(
    r"(?P<sp>\s*)(?P<q>\+(?![\d\w])|(?i:or\s+(?:more|higher|above|fewer|less|lower|under|so)\b|plus\b|odd\b))"
)
BETWEEN_RE = re.compile(r"(?i)(?<![\w])(?P<w>between|from)\s+$")
RANGE_GAP_RE = re.compile(r"^\s*(?:(?P<dash>[-–—])|(?P<w>to|and|or|through|-to-|to-))\s*$", re.I)
AGED_RE = re.compile(r"(?i)\baged\s+(?:between\s+)?$")

CHANGE_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?P<w>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(M.CHANGE_UP + M.CHANGE_DOWN, key=len, reverse=True))
    + r")(?:\s+(?:by|another|a\s+further|an\s+additional|a\s+combined|a\s+total\s+of))?\s+$"
)
# "gave up 517 yards", "shut down 3 plants": up/down there belong to a phrasal verb, not to a change.
PHRASAL_RE = re.compile(
    r"(?i)\b(?:gave|give|gives|giving|given|picked|pick|picks|set|sets|took|take|takes|taken|signed|sign|shut|"
    r"shuts|broke|break|breaks|broken|turned|turn|turns|backed|back|held|hold|holds|put|puts|brought|bring|"
    r"made|make|makes|showed|show|shows|called|call|calls|wound|wrote|write|ran|run|runs|tied|tie|looked|"
    r"look|played|play|handed|hand|hands|knocked|sat|sit|stood|stand|paid|pay|pays|split|rounded|round|"
    r"served|serve|summed|locked|lock|scooped|snapped|racked|rack|rang|piled|stacked|ate|used|use|filled|"
    r"fill|opened|open|opens|dressed|beefed|mopped|cleaned|cracked|clamped|wrapped|shored|ramped|ramp|"
    r"stepped|step|steps|scaled|scale|wrote|marked|mark|marks|wound|choked|dug|stirred|whipped|"
    r"sped|speed|backed|face|faced|faces|came|come|comes|went|go|goes)\s+$"
)
CHANGE_BY_RE = re.compile(
    r"(?i)(?<![\w-])(?P<w>"
    + "|".join(
        re.escape(w)
        for w in sorted(M.CHANGE_UP + M.CHANGE_DOWN, key=len, reverse=True)
        if " " not in w and w not in ("up", "down", "higher", "lower", "cut")
    )
    + r")\s+(?:[\w'’]+\s+){1,2}by\s+$"
)
PAREN_GAP_RE = re.compile(r"\s*(?:\(|/|,?\s*or)\s*$")
CHANGE_NOUN_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?P<w>" + "|".join(M.CHANGE_NOUNS_UP + M.CHANGE_NOUNS_DOWN) + r")s?\s+of\s+$"
)
CHANGE_NOUN_AFTER_RE = re.compile(
    r"(?i)(?:\s+[a-z]+)?\s+(?P<w>" + "|".join(M.CHANGE_NOUNS_UP + M.CHANGE_NOUNS_DOWN) + r"|higher|lower)\b"
)
BY_BEFORE_RE = re.compile(r"(?i)(?<![\w])by\s+$")
ONE_NOT = re.compile(r"(?i)\s+(?:another|day\b|time\b|point\b)")
ONE_NOT_BEFORE = re.compile(r"(?i)\b(?:the|same|this|that|each|every|no|any|which|another|little|last)\s+$")
YEAR_PREP = re.compile(
    r"(?i)\b(?:in|since|by|until|till|from|through|before|after|of|during|circa|c\.|early|late"
    r"|mid|year|spring|summer|autumn|fall|winter|between|and|to|or)[\s-]+$"
)
PER_SEP = re.compile(r"(?:\s*(?:per|a|an|each)\s+|/)(?P<u>[a-z]+)\b", re.I)
NEG_WORD_RE = re.compile(r"(?i)minus[\s-]$")
PREFIX_WORD_RE = re.compile(r"(?i)(?P<w>[a-z]+)-$")
HYPHEN_NAME = re.compile(r"-[A-Z]")
# A measure verb right before the figure, for when the parse lost it ("a truck ploughed into the crowd -
# killing at least 84 -": spaCy reads the dashes as a noun phrase "crowd - killing").
BEFORE_MEASURE_RE = re.compile(r"(?i)\b(?P<w>kill|injur|wound|displac|arrest|evacuat|detain)(?:ing|ed|es|s)?[ \t]+$")
AFTER_MEASURE_RE = re.compile(
    r"(?i)(?:[ \t]+[A-Za-z][\w.'’-]*){0,6}?[ \t]+(?P<w>missing|"
    r"unaccounted\s+for|without\s+(?:power|electricity)|in\s+need\s+of\s+(?:\w+\s+)?(?:assistance|aid)|"
    r"under\s+(?:a\s+)?(?:mandatory\s+)?evacuation|hostage|in\s+custody)\b"
)
