"""Word lists for attribution: the cues (verbs of saying, believing and taking a stand) and the nouns
that name a speaker. Lemmas, lower case. Kept apart from the logic so they can be reviewed and extended.

The cue verbs follow PolNeAR's notion of attribution: besides speech (say, tell, claim), it annotates
cognition (believe, expect), stance (support, oppose, criticize) and evidence (show, find).
"""

from __future__ import annotations

# Verbs whose subject is a source and whose clause or object is what is said or held.
SPEECH = frozenset(
    """
say tell add ask write note argue report claim announce acknowledge admit concede insist assert contend
maintain allege declare state explain suggest warn deny confirm reveal disclose predict estimate remark
comment mention respond reply retort answer testify tweet  recall repeat stress emphasize emphasise
complain boast brag joke quip muse observe point caution continue vow pledge promise swear threaten urge demand
propose recommend  remind assure predict forecast project calculate counter dispute proclaim
announce describe characterize characterise label dub term call brand question wonder speculate hint
imply indicate signal lament concede charge accuse blame credit thank praise criticize criticise slam
blast attack denounce condemn decry mock dismiss reject  applaud hail tout highlight cite
acknowledge agree disagree argue conclude determine find show   suggest indicate
specify clarify elaborate  explain announce brief inform notify tell write publish
""".split()
)

# Cognition and stance: subject holds the content.
STANCE = frozenset(
    """
believe think  expect hope fear worry doubt suspect  realize realise recognize recognise
understand assume presume guess reckon figure consider view  regard want wish prefer  love
hate seek plan  support back endorse oppose favor favour  defend push pursue champion
 reject resist  oppose question challenge trust distrust worry decline refuse plan
aim offer express echo discuss hop
""".split()
)

# "hop" is how the tagger lemmatizes "hoping".
# Left out, though PolNeAR has them as cues, as they are mostly not attribution in news text:
# see, like, embrace, post, vote for, feel, fight, advise, advocate, intend, quote, prove
# welcome, know, demonstrate, "criticism" as a noun cue
# (each under 0.3 source precision on the train split).

CUE_VERBS = SPEECH | STANCE

# Adjectives that make a stance of "to be" ("is convinced that", "were hopeful that", "is critical of").
STANCE_ADJ = frozenset(
    """
convinced confident sure certain adamant hopeful optimistic pessimistic skeptical sceptical critical
supportive eager excited worried concerned afraid aware opposed proud happy angry upset furious
doubtful determined unhappy satisfied pleased wary fearful insistent anxious frustrated unconvinced
dismissive fond enthusiastic cautious nervous careful keen reluctant open
""".split()
)

# Things made to say something: a participle on them speaks for whoever made them
# ("issued a statement saying", "held a briefing to announce").
DOC_NOUNS = frozenset(
    """
statement letter speech briefing ad advertisement video tweet post email memo interview op-ed editorial
release message remarks address appearance conference call op ed column essay announcement
""".split()
)

# Verbs that name rather than say when they modify a noun ("a group called X", "so-called").
NAMING = frozenset("call name dub label term know brand title".split())

# Nouns that report a stance or statement of their possessor ("Ruiz's support for the plan").
NOUN_CUES = frozenset(
    """
statement endorsement support call claim assertion warning promise pledge vow accusation
allegation denial admission argument belief view opposition proposal demand complaint remark comment
praise attack suggestion prediction estimate insistence message announcement defense defence
condemnation rejection embrace backing approval disapproval objection concern fear hope plea appeal
charge attacks remarks comments views concerns
""".split()
)

# Verbs whose direct object is what was said or held ("acknowledged just over 20 dead",
# "backs the plan"); for the others only a clause counts as content.
OBJECT_CONTENT = frozenset(
    """
acknowledge admit concede claim estimate report announce confirm deny reveal disclose predict
forecast project calculate cite quote promise pledge vow propose recommend demand urge question
dispute reject criticize criticise praise welcome applaud hail tout highlight slam blast attack
denounce condemn decry mock dismiss support back endorse oppose favor favour  defend
advocate champion resist fight want seek prefer  love hate fear expect describe characterize
characterise call label dub brand blame credit thank accuse charge mention recall repeat explain
decline refuse plan aim offer express echo discuss ask view hop write agree show say intend believe think
warn challenge remind emphasize emphasise demonstrate understand note declare conclude state stress argue
indicate suggest assure reiterate list congratulate deem
""".split()
)

# Prepositions that introduce the content after any cue verb ("warned of", "spoke about"), and
# verb-preposition pairs that make a cue of a verb outside the lists ("called for", "referred to").
CONTENT_PREPS = frozenset({"about", "of", "against"})
PREP_CUES = frozenset(
    {
        ("call", "for"),
        ("push", "for"),
        ("argue", "for"),
        ("press", "for"),
        ("refer", "to"),
        ("point", "to"),
        ("object", "to"),
        ("talk", "about"),
        ("speak", "about"),
        ("speak", "of"),
        ("speak", "on"),
        ("complain", "about"),
        ("warn", "about"),
        ("joke", "about"),
        ("agree", "with"),
        ("disagree", "with"),
        ("side", "with"),
        ("rail", "against"),
        ("speak", "out"),
        ("weigh", "in"),
        ("comment", "on"),
        ("agree", "on"),
        ("focus", "on"),
        ("apologize", "for"),
        ("apologise", "for"),
        ("touch", "on"),
        ("dwell", "on"),
        ("weigh", "on"),
        ("respond", "to"),
        ("campaign", "for"),
        ("campaign", "against"),
    }
)

# Nouns that denote a person who speaks ("the minister said") or an institution ("the ministry").
PERSON_NOUNS = frozenset(
    """
minister president spokesman spokeswoman spokesperson official leader candidate senator governor
secretary chairman chairwoman chair director chief commander general officer lawyer attorney
ambassador mayor premier prime congressman congresswoman representative lawmaker adviser advisor
aide judge prosecutor nominee frontrunner front-runner businessman billionaire doctor professor
analyst expert economist researcher pollster strategist manager founder executive ceo head
""".split()
)
ORG_NOUNS = frozenset(
    """
ministry government agency daily newspaper paper network channel outlet company firm campaign
group party department committee commission army military police office administration council
parliament court organization organisation union association coalition institute bureau authority
authorities service station broadcaster website magazine journal
""".split()
)

# Heads whose modifier is the one who speaks: "Kenyan estimates", "the ministry's figures".
DOCUMENT_NOUNS = frozenset(
    """
estimate estimates figure figures data count counts tally tallies statistics report reports record records
""".split()
)
