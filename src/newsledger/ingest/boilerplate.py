"""Boilerplate in plain-text articles: what is kept verbatim in `Article.text` but marked outside the body.

Text that arrives as "plain" often carries the page around the article: video and share widgets, "Read more"
links, newsletter prompts, photo captions and credits, datelines glued to the first sentence, bylines and
section labels, and a trailing block of related headlines. `outside(text)` finds them as spans
(start, end, kind); the text itself is never changed, so offsets hold, and no extractor reads a marked span
(`Article.reading`). The rules are learnt from the allsides corpus (articles 1-3,000) and listed in
docs/ingest.md, "Outside the body".

The trailing related-headlines rule (`body_end`):

- a headline line is short (at most 20 words) and has no final sentence punctuation (a `?` or `!` only
  when the line is in title case; a trailing ellipsis marks a teaser); a line led by a date (a
  schedule) or that is a bare URL is never a headline;
- the block is the longest run of headline lines and marker lines ("Related", "More stories",
  "Read more", "Trending", "Also on ...") at the end of the text, blank lines allowed;
- it is cut only when it holds at least two headlines, or one with a marker, and follows prose: a line
  that ends like a sentence, or a sign-off ("Reporting by ...; Editing by ...", "-- The Associated
  Press"). Sign-offs are never headlines, so they stay in the body;
- without a marker, a block that only repeats the body (80% of its content words occur before it) is
  the body's own ending, a list or a closing line, and is not cut.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Article, blank

_END_PUNCT = tuple(".!?:;,\"'”’)]»…")
_MAX_HEADLINE_WORDS = 20
_REPEAT_SHARE = 0.8
_WORD = re.compile(r"[^\W\d_]{4,}")
# Frequent long words that say nothing about a story's topic.
_STOP = frozenset(
    """about above after again against also among another around because been before being
below between both could does doing down during each even every first from further have having here
into just last later like made make many more most much must next only other over said says same should
since some still such than that their them then there these they this those through under until very
were what when where which while will with within without would year years your""".split()
)
_SIGNOFF = re.compile(
    r"""^\W*(?:(?:additional\ )?(?:reporting|editing|writing|written|compiled|translated|research)
              (?:\ and\ \w+)?\ by\b
         | (?:contact|email|e-mail|follow)\b.{0,60}[:@]
         | (?:--|—|–)\s*\S                          # "-- The Associated Press", "— Jane Doe"
         | \(?(?:ap|afp|reuters|bloomberg|cnn|upi)\)?\W*$)""",
    re.I | re.X,
)
_MARKER = re.compile(
    r"""^\W*(?:related(?:\ (?:stories|articles|news|coverage|links|content|posts|reading))?
         | more\ (?:stories|news|headlines|coverage|from\b.{0,40}|on\b.{0,40}|like\ this)
         | (?:read|see)\ (?:more|next|also) | also\ (?:read|see) | also\ on\b.{0,40} | further\ reading
         | trending(?:\ now|\ stories)? | most\ (?:read|popular|viewed|shared)
         | you\ (?:may|might)\ also\ (?:like|enjoy) | recommended(?:\ for\ you|\ stories)?
         | top\ stories | latest(?:\ news|\ stories)? | popular(?:\ stories)?)\W*$""",
    re.I | re.X,
)


# Lines led by a date ("June 9 -- Brenn arena", "2025-10-23: ...") are a schedule, and a bare URL is a
# link: both are lists that belong to the article, never headlines.
_NOT_HEADLINE = re.compile(
    r"""^\W*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b
         | \d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b
         | (?:https?://|www\.)\S+\s*$)""",
    re.I | re.X,
)


def _words(s: str) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(s)) if w not in _STOP}


def _headline_like(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if not s or len(words) > _MAX_HEADLINE_WORDS or _SIGNOFF.match(s) or _NOT_HEADLINE.match(s):
        return False
    if s.endswith(("...", "…")):
        return True
    if s.endswith(("?", "!")):
        caps = sum(1 for w in words if w[:1].isupper())
        return caps >= 0.6 * len(words)
    return not s.endswith(_END_PUNCT)


def _repeats_body(lines: str, body_words: set[str]) -> bool:
    words = _words(lines)
    return len(words) >= 2 and len(words & body_words) >= _REPEAT_SHARE * len(words)


def _ends_prose(line: str) -> bool:
    s = line.strip()
    return s.endswith(_END_PUNCT) or bool(_SIGNOFF.match(s))


def body_end(text: str) -> int:
    """Offset where the body ends: before a trailing block of related headlines, else len(text)."""
    lines = text.splitlines(keepends=True)
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    start = end  # the block is lines[start:end]
    while start > 0 and (
        not lines[start - 1].strip() or _headline_like(lines[start - 1]) or _MARKER.match(lines[start - 1])
    ):
        start -= 1
    while start < end and not lines[start].strip():
        start += 1
    if start >= end or start == 0:
        return len(text)
    block = [ln for ln in lines[start:end] if ln.strip()]
    marker = any(_MARKER.match(ln) for ln in block)
    headlines = [ln for ln in block if not _MARKER.match(ln)]
    # Without a marker, a block whose words the body already uses throughout is the body's own ending
    # (a list, a closing line), not other stories.
    if not marker and _repeats_body(" ".join(headlines), _words(text[: offsets[start]])):
        return len(text)
    prev = next((ln for ln in reversed(lines[:start]) if ln.strip()), "")
    if not marker and prev.rstrip().endswith(":") and not _MARKER.match(prev):
        return len(text)  # "Sources:", "Highlights:": the lines after it are its list
    if len(headlines) >= (1 if marker else 2) and _ends_prose(prev):
        cut = offsets[start]
        while cut > 0 and text[cut - 1].isspace():
            cut -= 1
        return cut
    return len(text)


def headline_title(text: str) -> str | None:
    """The first line as a title when it reads like one: short, unpunctuated, followed by a blank line."""
    m = re.match(r"\s*([^\n]{3,200})\n\s*\n", text)
    if m and _headline_like(m.group(1)) and not _MARKER.match(m.group(1)):
        return m.group(1).strip()
    return None


# --- Spans outside the body -------------------------------------------------------------------------------

Span = tuple[int, int, str]  # (start, end, kind), offsets into Article.text

_SOCIAL = r"(?:facebook|twitter|email|e-mail|print|comments?|share|whatsapp|linkedin|pinterest|reddit|tweet|post)"
# Whole lines that are a page's widgets, not the article (matched on the stripped line, any case).
_WIDGET = re.compile(
    rf"""^(?:advertisements?(?:\ continue\ reading\ the\ main\ story)? | ad | story\ continued\ below
         | continue\ reading(?:\ (?:below|the\ main\ story))? | story\ continues | close | videos? | photos? | youtube | play
         | \[\w+\] | watch | listen | x | newsletter\ sign-?up | watch\ live(?::\ [^#/\n]{{1,40}})? | (?-i:[A-Z]{{2,6}}(?:\ [A-Z][a-z]+)?\ Map) | slideshow\ \(\d+\ images?\) | (?:next\ |prev\ )?image\ \d+\ of\ \d+
         | share\ this\ (?:article|story)\b.* | \d+\ (?:years?|months?|days?|hours?|minutes?)\ ago
         | skip\ (?:to\ (?:main\ )?content|ad) | {_SOCIAL}(?:\W+{_SOCIAL})+
         | listen\ to\ (?:this\ )?article\b.{{0,80}}
         | play\ video\ \d{{1,2}}:\d\d\b.{{0,200}}?[-–—]\ video(?:\ \w+)? )\W*$""",
    re.I | re.X,
)
# CNN's video widget, on a line of its own or glued into a paragraph.
_VIDEO = re.compile(r"JUST WATCHED\b.{0,300}?\bReplay More Videos\b(?:.{0,300}?\bMUST WATCH\b.{0,300}?\b\d\d:\d\d\b)?")
# CNN's photo gallery, glued into a line: "Photos: TITLE caption ... Hide Caption 3 of 24", slide after slide.
_GALLERY = re.compile(r"\bPhotos?: [^\n]{0,2000}?\bHide Caption \d+ of \d+")
# The last slide, its "Hide Caption 13 of 13" set on a line of its own below it.
_GALLERY_SPLIT = re.compile(r"\bPhotos?: (?:(?!Hide Caption)[^\n]){1,2000}\n\s*Hide Caption \d+ of \d+")
# A wiki's edit link after a heading ("Reactions [ edit ]"), and the empty headings that close such a page.
_EDIT_LINK = re.compile(r" ?\[ ?edit ?\](?=\s*$)")
_WIKI_CLOSING = frozenset(
    "see also|references|external links|notes|further reading|bibliography|sources|citations|footnotes".split("|")
)
# The Daily Caller's link to another story, glued into a paragraph: "(RELATED: Chinese Big Tech Is Using ...)";
# National Review's "#related#" tag where a box of links stood, glued to the next paragraph's start.
_LINK_INLINE = re.compile(
    r"\((?:RELATED|SEE ALSO|WATCH|READ MORE)\s*:\s*[A-Z0-9#“\"‘’'][^()\n]{2,250}\)|#related#"
    # Reuters' link to a graphic: "(For a graphic on asylum-seekers, click on: tmsnrt.rs/2NUL74l)"
    r"|\((?:For (?:a |an )?(?:interactive )?graphic|(?:Interactive )?[Gg]raphic)[^()\n]{0,150}?\btmsnrt\.rs/\w+[^()\n]{0,60}\)"
)
# The Hill's hover card, glued into the sentence after a name: the full name, three headlines, "MORE"
# ("... Adam Schiff Adam Bennett SchiffGraham says ... hearing MORE (D-Calif.) ...").
_HOVER = re.compile(
    r"\b(?P<last>[A-Z][\w'’-]+)(?: (?:Jr|Sr)\.| II| III)?(?P<card> (?:\(?[A-Z][\w.'’-]*\)? ){1,4}(?P=last)(?:(?=[A-Z0-9'‘“\"])[^\n]{5,600}? )?MORE\b)"
)  # or no headlines at all: "John Kelly John Francis KellyMORE took over ..."
# USA TODAY's video player ("CLOSE See who comes out on top ...") on a line of its own.
_CLOSE = re.compile(
    r"^(?:CLOSE\s+\S|Media playback is unsupported on your device\b|Your browser does not support the (?:iframe|video)\b)"
)  # and the BBC's
# NPR's audio module, a link to another story's segment: "Politics TITLE TITLE Listen · 6:13 6:13".
_AUDIO = re.compile(r"\bListen · \d{1,2}:\d\d(?: \d{1,2}:\d\d)?$")
# A poll widget's text glued into one line ("... ? Yes No Completing this poll entitles you to ... 97% (786 Votes)").
_POLL = re.compile(r"\bCompleting this poll entitles you\b")
# The NYT's newsletter box, its form's messages glued into one line.
_SIGNUP_BOX = re.compile(
    r"^(?:Newsletter )?Sign Up Continue reading the main story\b|\bPlease verify you're not a robot\b"
)
# A caption that ends in its credit, with more text glued after it ("... (Photo: X/AFP) Story Highlights ...").
_CREDIT_MID = re.compile(
    r"^.{10,600}?\((?:[\w.]+\ )?(?:photo(?:graph)?|image|illustration)s?(?:\ by)?:[^)]*\)(?:\s*Story Highlights\b)?",
    re.I,
)
# An editor's note on the writer: "... The views expressed in this commentary are her own."
_NOTE = re.compile(
    r"\b(?:views|opinions) expressed in this (?:commentary|column|article) are (?:his|her|their|the author'?s) own"
)
# Prompts to sign up, follow, click, subscribe; copyright and disclaimer notices.
_PROMPT = re.compile(
    r"""^\W*(?:click\ here\b | tap\ here\b | (?:-\ )?follow\ (?:us\b|@\w+|(?:\S+\ ){1,4}?on\ (?:twitter|facebook|instagram)|(?:(?!said\b|says\b)[^\s,]+\ ){5,7}?on\ twitter\ @\w+\W*$)
         | join\ us\ on\ (?:twitter|facebook) | download\ (?:the|our)\b.{0,40}\bapp\b
         | visit\ .{0,60}\ (?:homepage|website)\ for\ more\b | support\ .{0,40}\bjournalism\b
         | share\ your\ thoughts\b | .{0,200}\bjoin\ the\ conversation\ below\b | post\ comments\ below\b
         | we\ are\ committed\ to\ truth\ and\ accuracy\ in\ all\ of\ our\ journalism\b
         | start\ the\ day\ smarter\b | stay\ up\ to\ date\b | we\ encountered\ an\ issue\ signing\b
         | please\ enable\ javascript | .{0,100}\bvote\ now\ in\b.{0,40}\bpoll\W*$ | .{0,200}\bsign\ up\ to\ (?:receive|get)\ our\b | .{0,80}\btell\ us\ your\ story\b | read\ or\ share\ this\ story\b | get\ breaking\ news\ alerts\b | copyright\ ©|©\ ?\d{4}
         | all\ rights\ reserved | this\ is\ a\ rush\ transcript\b | copyright\ \d{4}\b
         | click\ (?:to\ view|for\ more)\b | for\ more\b[^.]{0,120},\ (?:please\ )?(?:click\ here|read|visit|go\ to)\b
         | watch\ the\ latest\ (?:\w+\ )?video\b | catch\ up\ on\b.{0,100}\bpodcast\b
         | listen\ to\ (?:the\ latest\ episode\ of\ )?(?:our|the|this)\b.{0,60}\bpodcast\b | follow\ (?:\w+\ ){0,2}coverage\ of\b | (?:subscribe\ to|like\ us\ on)\ (?:our|us|my)?\b.{0,40}\b(?:channel|podcast|facebook|feed)\b
         | content\ created\ by\b.{0,80}\bis\ available\ without\ charge\b
         | the\ (?:opinions|views)\ (?:expressed\ (?:by|in)|of)\b.{0,80}\b(?:their\ own|(?:are\ )?solely\ those\ of|do\ not\ (?:necessarily\ )?(?:represent|reflect)))""",
    re.I | re.X,
)
# The page speaking to its reader about the outlet, not the story: "You can read more opinions ... on Twitter
# @..." and appeals for money ("Your financial contribution ... will enable our staff ...").
_READER = re.compile(
    r"""^\W*you\ can\ (?:read|find|follow|see|get|submit)\b.{0,200}\b(?:newsletters?|on\ twitter|@\w+|front\ page|submission\ guidelines)\b
         | ^\W*interested\ in\ [^?]{3,60}\?\ add\b.{0,80}\bas\ an\ interest\b | ^\W*respond\ to\ this\ (?:post|article|story)\b
         | \b(?:please\ )?consider\ (?:making\ a\ |a\ )?(?:contribution|donation|gift)\ to\b
         | \byour\ (?:financial\ )?(?:contribution|donation|support)\b.{0,80}\b(?:enables?|helps?|allows?|keeps?)\ (?:us|our)\b
         | \bfor\ as\ little\ as\ \$\d+,\ you\ can\ help\ us\b | \bmake\ a\ one-time\ donation\b
         | ^\W*we\ (?:encourage|invite)\ (?:our\ )?readers\b""",
    re.I | re.X,
)
_SIGN_UP = re.compile(r"\b(?:sign(?:ing)?\ up|subscribe|signing\ up)\b", re.I)
_REPORTED = re.compile(r"\b(?:said|says|told|according)\b")  # a sentence that reports, not a prompt
_MAILING = re.compile(r"\b(?:newsletters?|inbox|e-?mail\ (?:updates|alerts|dispatches)|briefing)\b", re.I)
# The page offering its own services, as an order to the reader: "Get our daily newsletter ...", "Subscribe now
# for as little as $2 a month!", "Subscribe on Apple Podcasts, Spotify ...", "Get real-time updates as this story
# unfolds ...", "Sign up for our Wine Club today."
_OFFER = re.compile(
    r"""^\W*(?:sign\ up|subscribe|get|join|become|upgrade)\b.{0,120}?\b(?:newsletters?|inbox|podcasts?
         | (?:daily|weekly)\ (?:e-?mail|digest|dispatch) | a\ (?:member|subscriber) | as\ little\ as | our\ \w+\ club
         | real-time\ updates | for\ only\ \$\d)\b""",
    re.I | re.X,
)
# A line that is a link to another story: a label and a colon (or a parenthesis around both), or a
# headline that ends in "Read more".
_LINK_LABEL = r"""(?:read\ more(?:\ from\b[^:]{0,40})? | related(?:\ (?:stories|articles|coverage|content|news))? | see\ also | also\ see
         | also\ read | read\ also | story | more | more\ on\ this | more\ from\b[^:]{0,40} | read | watch | photos? | videos? | listen
         | full\ coverage | special\ coverage | go\ deeper | read\ next | related\ videos? | trending | recommended | must\ read | don'?t\ miss | editor'?s\ picks?
         | this\ article\ (?:is\ )?tagged\ under | map | graphic | interactive | quiz)"""
_LINK = re.compile(rf"^\W*{_LINK_LABEL}\s*(?::|\.\.\.|…|>>|»)", re.I | re.X)
_LINK_ALONE = re.compile(rf"^\W*{_LINK_LABEL}\s*(?::|\.\.\.|…|>>|»)?\W*$", re.I | re.X)
_LINK_PAREN = re.compile(rf"^\(\s*(?:{_LINK_LABEL}|[A-Z][A-Z ]{{2,20}})\s*:[^)]*\)\W*$", re.X)
# A line announcing a list of other stories: "More coverage of the floods:", "Related stories and posts:",
# "More on the Kessel floods and the inquiry:".
_LIST_INTRO = re.compile(
    r"""^\W*(?:(?:more|other|related|further|recent|previous|earlier|latest|additional)\b[^.!?:]{0,80}
            \b(?:coverage|stories|reading|articles|news|headlines|reports|links|posts|pieces|videos)\b[^.!?:]{0,60}
         | more\ (?:on|about)\ [^.!?:]{3,80} | you\ (?:might|may)\ (?:also\ )?(?:be\ interested\ in|like)
         | here\ (?:are|is)\ (?:our|some\ of\ our)\ [^.!?:]{0,40}\bpicks\b[^.!?:]{0,40}):\s*$""",
    re.I | re.X,
)
# "See Other Political Commentary by Ana Ruiz": a link to the writer's other pieces.
_SEE_OTHER = re.compile(
    r"^\W*see\ (?:other|more|all)\b[^.!?]{0,60}\b(?:commentary|columns?|articles|stories|posts|coverage)\b", re.I | re.X
)
# Any label of up to five words in the parentheses (Politico: "( Also on POLITICO: Senate passes the bill)", "(
# On the Ground: ...)", "( WATCH: ...)"), a headline after it (no full stop); not a source or a note on a chart.
_PAREN_LINK = re.compile(
    r"^\(\s*(?!(?:Sources?|Notes?|Disclosure)\b)[A-Z][\w’'.&-]*(?:\ [\w’'.&-]+){0,4}:\ [^()]*[^.()\s]\s*\)$", re.X
)
_READ_MORE_END = re.compile(r"\sRead more$")
# A link line with no label's colon: "Read more about the crowds outside the palace", "Read more on the week ahead."
_READ_MORE_ON = re.compile(r"^(?:Read|READ) (?:more|MORE) (?:about|on|ABOUT|ON) ")
# A bracketed promotion of the outlet's own programmes or pages: "[Watch Fox: ... has the latest ...]".
_PROMO = re.compile(r"^\[(?:watch|listen|poll\ watch|see|read)\b[^\[\]]*\]$", re.I | re.X)
# A line in square brackets that is no sentence: a link ("[Track the spread of the virus]"), a widget's code
# ("[embedtweet id=...]"), a time stamp ("[Breaking news update at 10:34 p.m. ET]"); a bracketed note that ends
# as a sentence ends is the writer's and stays, and so does a box of figures ("[Delegates: A 743; B 517]").
_BRACKETED = re.compile(r"^\[(?![^\]]*(?:[.!?]\s|;))[^\[\]]*[^\[\].!?\"”’'\s]\]$")
_RELATED_GLUED = re.compile(r"^(?:Related Coverage|RELATED COVERAGE)\s+(?=\S)")  # Reuters: the label, then a headline
# USA TODAY's links, a label glued to another story's headline: "Historic job losses:Unemployment soars to 14.7%".
# A headline in capitals, not a quoted subheading ("‘TIME TO MOVE FORWARD’ WITH RUSSIA"), a question or a sentence.
_SHOUTED = re.compile(r"^(?![\"“‘'])(?=.*[A-Z]{3})[^a-z]*[^.?\s]$")
_GLUED_LINK = re.compile(r"^(?:►\s*)?(?:[^:\n]{2,60}:(?=[A-Z'‘\"“])|[A-Z][A-Z&' -]{1,30}:(?=\d))")
# Photo captions and credits: a line that opens as a caption widget does, or that ends in a credit.
_CAPTION = re.compile(
    r"""^\W*(?:enlarge\ this\ image\b | toggle\ caption\b | image\ (?:copyright|caption|source)\b
         | facebook\ twitter\ pinterest\b | file\ photo\b | hide\ caption\b
         | photo(?:graph)?s?\ (?:by|credit|courtesy)\b | (?:feature|featured|header|top|lead|cover)\ (?:image|photo)s?:
         # a caption led by its credit in capitals: "ANA PETROV/REUTERS/FILE A man walks past ..."
         | (?-i:[A-Z][A-Z.'’-]+(?:\ [A-Z][A-Z.'’-]+){0,3}\ ?/\ ?(?:REUTERS|AP|AFP|EPA|GETTY\ IMAGES|POOL)(?:/FILE)?)\s+\S)""",
    re.I | re.X,
)
# A caption led by its credit in mixed case: "Ana Petrov/Staff A strip mall in ...", "Ana Petrov/Reuters/File ...".
_CREDIT_LED = re.compile(
    r"""^(?:[A-Z][\w.'’-]+\ ){1,3}[A-Z][\w.'’-]+(?:/[A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,4}){0,2}
         /(?:Staff|AP|Reuters|AFP|EPA|Getty\ Images|Pool|The\ Christian\ Science\ Monitor|Special\ to\ (?:The\ Christian\ Science\ |the\ )Monitor)
         (?:/File)?\s+[A-Z"“‘]""",
    re.X,
)
# A caption that ends in an agency's name alone, in parentheses or brackets (Al Jazeera: "... [Ana Petrov/Reuters]",
# "... [File: Reuters]"); not a quoted headline with its outlet ("-- "Suspects Wanted To Fit In." (Reuters)").
_AGENCY_END = re.compile(
    r"""^(?![-–—"“‘'])[^\n]*(?:\((?:Reuters|AP|AFP|EPA|Getty\ Images)\)
         | \[(?:File:?\ *)?(?:[^\[\]/\n]{1,60}/){0,3}(?:Reuters|AP|AFP|EPA|Getty\ Images|Al\ Jazeera|Anadolu(?:\ Agency)?|Pool)\])$""",
    re.X,
)
_ART_CREDIT = re.compile(
    r"^(?:[Cc]artoons?|[Ii]llustrations?|[Gg]raphics?|[Aa]rtwork) (?:by|courtesy of) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}$"
)
_AGENCY = (
    r"(?:AP|NPR|Getty(?:\ Images)?|Reuters|AFP|POLITICO|Politico(?:\ Magazine)?|EPA|Bloomberg|Pool|Photo|Photograph)"
)
# A wire photo's credit after the caption's sentence, either way round: "... May 2, 2019. REUTERS/Ana Petrov",
# "STRINGER / REUTERS", "(Reuters/Ana Petrov)"; a poll's name ("according to a Reuters/Ipsos poll") is no credit.
_WIRE = r"(?:REUTERS|Reuters|AFP|EPA|AP\ Photo|Getty\ Images)"
_CREDITED = r"(?!Ipsos\b)[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}(?:\ via\ \w+)?(?:/File\ Photo)?"
_CREDIT_END = re.compile(
    rf"""(?:\((?:[\w.]+\ )?(?i:photo(?:graph)?|image|illustration)s?(?:\ by)?:[^)]*\) | \(AP\ Photo[^)]*\)
         | \((?:[\w.'’-]+\ ){{1,4}}?[\w.'’-]+\ ?/\ ?{_AGENCY}[^)]{{0,40}}\)
         | (?:Photo(?:graph)?|Image|Credit)s?:\ [^.|()]{{2,80}} | \|\ [^|]{{2,80}}\b{_AGENCY}\b[^|]{{0,80}}
         | \((?:REUTERS|Reuters)\ ?/\ ?{_CREDITED}\) | (?<=[.!?]\ )(?:{_WIRE}\ ?/\ ?{_CREDITED} | {_CREDITED}\ ?/\ ?{_WIRE})
         | (?<=[.!?]\ ){_CREDITED}(?:/[\w.'’-]+(?:\ [\w.'’-]+){{0,3}}){{0,3}}\ via\ (?:Getty|AP)\ Images(?:,\ FILE)?
         | \((?:[\w.&'’-]+[\ /]){{1,8}}?via\ (?:AP|Getty\ Images|Reuters)(?:,\ (?:Pool|File))?\)
         | (?<=[a-z.]\ )Getty(?=$))
         \W*(?:More)?\s*$""",
    re.X,
)
_FILE_CAPTION = re.compile(r"FILE\s*[-–—]+\s")
_NOT_SENTENCE_END = re.compile(
    r"\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Col|St|Jr|Sr|No|Mt|Ft)$"
)
_CREDIT_ONLY = re.compile(rf"(?:/\ ?{_AGENCY}\b|\bGetty\ Images\b|\bAP\ Photo\b)", re.X)
# Bylines: "By Ana Ruiz, Courier staff", and the "Name Surname, Outlet" line under a quoted passage.
_BYLINE = re.compile(
    r"""^(?:[Bb][Yy]\ +[A-Z][\w.'’-]*(?:\ +\S+){0,14}
         | (?:(?:[A-Z][\w.'’-]+\ ){1,2}[A-Z][\w.'’-]+,\ ){0,3}(?:[A-Z][\w.'’-]+\ ){1,2}[A-Z][\w.'’-]+,?
           \ and\ (?:[A-Z][\w.'’-]+\ ){1,2}[A-Z][\w.'’-]+,\ (?:for\ )?(?:the\ |The\ )?[A-Z][\w.&'’-]*(?:\ (?:of\ |the\ |&\ )?[A-Z][\w.&'’-]*){0,3}
         | (?:[A-Z][\w.'’-]+\ ){1,2}[A-Z][\w.'’-]+,\ (?:for\ )?(?:the\ |The\ )?[A-Z][\w.&'’-]*(?:\ (?:of\ |the\ |&\ )?[A-Z][\w.&'’-]*){0,3}
         | (?:[Ss]pecial\ (?:for|to)|for\ the|contributing:)\ .{2,40} )$""",
    re.X,
)
# The byline of a box inside the text: "Analysis by Ana Ruiz, Courier flood correspondent", "Analysis: Ana Ruiz,
# Courier correspondent", "Analysis by Courier flood correspondent Ana Ruiz".
_BOX_BYLINE = re.compile(
    r"^(?:(?:Analysis|ANALYSIS|Commentary|Explainer) by (?:the )?[A-Z][\w.'’-]*(?: +\S+){0,14}"
    r"|(?:Analysis|ANALYSIS): (?:[A-Z][\w.'’-]+ ){1,2}[A-Z][\w.'’-]+, .{3,100})$"
)
# Section labels, on a line of their own.
_LABEL = re.compile(
    r"""^\W*(?:analysis/opinion | analysis | opinion | commentary | editorial | exclusive | breaking(?:\ news)?
         | from\ the\ (?:left|right|center) | perspectives? | (?:the\ )?associated\ press | usa\ today | reuters
         | news\ analysis | fact\ check | (?:live\ )?updates? | (?:opinion\ )?(?:contributor|columnist) | recent\ stories
         | this\ article\ is\ more\ than\ \w+\ (?:years?|months?|days?)\ old
         | (?:last\ )?updated?:?\ (?:(?:on\ )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\ \d{1,2},?\ (?:\d{4},?\ )?)?
           (?:at\ )?\d{1,2}(?::\d\d)?\ ?[ap]\.?m\.?.{0,30})\W*$""",
    re.I | re.X,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "LUSK - ", "WASHINGTON (Reuters) - ", "Washington (CNN)", "CHARLOTTE, N.C. (AP) — ", "BEIJING, March 3 — ".
_DATELINE = re.compile(
    rf"""^(?:(?P<place>(?:[A-Z][A-Z./'’-]+(?:\ [A-Z][A-Z./'’-]+){{0,3}} | [A-Z][a-z]+(?:\ [A-Z][a-z]+){{0,3}}(?=[^(\n]{{0,40}}\())
            (?:,\ (?!(?i:{_MONTH})\ \d)[A-Z][A-Za-z.]+(?:\ [A-Z][A-Za-z.]+){{0,2}})?
            (?:,?\ (?i:{_MONTH})\ \d{{1,2}}(?:,\ \d{{4}})?)?)\ *)?
         (?P<agency>\([A-Z][\w.&/-]*(?:\ [A-Z][\w.&/-]*){{0,3}}\))?  # every word capitalised: not "(From left)"
         \ *(?P<dash>—|–|--|-|:(?=\ ))?\ *(?=["“‘'A-Z0-9])""",
    re.X,
)
# A speaker's role in a transcript's turn heading, where a dateline has its agency: "(CO-HOST)", "(R-TX)".
_TURN_ROLE = re.compile(
    r"\((?:CO-?)?(?:HOST|ANCHOR|GUEST|REPORTER|CORRESPONDENT|CONTRIBUTOR|ANALYST|PANELIST|MODERATOR|VOICE-OVER|"
    r"NARRATOR|CALLER|(?:[RDI]-?\s?[A-Z]{2}))\b",
    re.I,
)
_NOT_PLACES = frozenset(
    "FILE CLAIM VIDEO PHOTO PHOTOS UPDATE UPDATED BREAKING EXCLUSIVE ANALYSIS OPINION WATCH NOTE WARNING "
    "EDITOR'S EDITOR’S CORRECTION FACT CHECK READ MORE RELATED SPOILER Q A I".split()
)
# "Story highlights" glued to the first highlight (CNN): the label only; the highlights sum up the article.
_HIGHLIGHTS = re.compile(r"^(?:Story [Hh]ighlights|KEY POINTS)\b\s*(?=\S)")
_TAGS = re.compile(r"^\W*this article (?:is )?tagged under\b", re.I)  # the tag lines after it are links
# A note from the editors on a line of its own ("Editor's note: This story was updated ...", "... a public
# service, our coverage is free"): about the page, not the story.
_EDITORS_NOTE = re.compile(
    r"""^\W*(?:editors?'?’?s?\s+note\b|correction:|corrections?\ (?:&|and)\ (?:clarifications?|amplifications?)(?::|\s*$)
         | (?:note:\ *)?an?\ (?:earlier|previous)\ version\ of\ this\ (?:story|article|report|post|piece)\b
         | this\ (?:report|story|article|post|piece)\ (?:was|has\ been)\ (?:updated|corrected)\b
         # "UPDATE March 27: This story has been updated ...", "CORRECTION (Oct. 1, 7:10 p.m.): Originally, this ..."
         | (?:update[ds]?|correction|clarification)\b(?:\ ?\([^)\n]{0,50}\)|[^:\n]{0,50}):\ *(?:this\ (?:report|story|article|post|piece|column)
           \ (?:was|has\ been)\ (?:updated|corrected)\b | an?\ (?:earlier|previous)\ version\b | originally,?\ this\b))""",
    re.I | re.X,
)
# A note on where the piece was published or how it was made, on a line of its own: "This article first appeared
# on ...", "This column was originally published in ...", "This article appears as ... in the print edition of
# ...", "This story is part of a reporting partnership between ...", "... is available only to subscribers".
_KINDS_OF_PIECE = r"(?:article|story|column|piece|essay|op-ed|post|interview|report|commentary|editorial|analysis)"
_ORDINAL_PART = r"(?:first|second|third|fourth|fifth|sixth|last|final)"
_PARTS = r"(?:two|three|four|five|six|seven|\d+)"
_PAGE_NOTE = re.compile(
    rf"""^\W*(?:about\ this\ (?:investigation|series|project|report)\ )?(?:(?:this|(?:a|an\ earlier)\ version\ of\ this)\ {_KINDS_OF_PIECE}\ (?:was\ |is\ |has\ been\ |first\ |originally\ ){{0,3}}
            (?:(?:published|appeared|appears|ran|posted)\ (?:in|on|at|as|by|with|online|first)\b
             | (?:a\ )?part\ of\ (?:a|an|the|\w+[’'"]s)\b.{{0,80}}\b(?:series|partnership|project|collaboration)
             | (?:produced|published)\ in\ (?:partnership|collaboration)\ with\b | a\ collaboration\ (?:between|with)\b)
         | the\ {_KINDS_OF_PIECE}\ (?:first|originally)\ (?:appeared|ran|was\ published)\b
         | .{{0,60}}\bcontent\ is\ (?:typically\ |usually\ |normally\ )?available\ only\ to\ (?:paid\ )?subscribers\b
         # a series note: "This is Part 2 of a two-part investigation", "This is the first of three parts of ...",
         # "Second of three parts" (never "This is the third time ..."); a column's tagline: "The Memo is a
         # reported column by NAME", "Capitol Attitude is a weekly column written by ..."
         | this\ is\ (?:part\ \w+\ of\ (?:a|an|our|the|{_PARTS})\b | the\ {_ORDINAL_PART}\ (?:of\ {_PARTS}\ parts\b
             | (?:part|in(?:stal|stall)ment)\ (?:of|in)\ (?:a|an|our|the)\b.{{0,60}}\b(?:series|investigation|project)))
         | (?:{_ORDINAL_PART}|part\ \w+)\ of\ {_PARTS}(?:\ parts)?(?:\W*$|\.\s)
         | (?-i:(?:The\ )?[A-Z][\w’'-]+(?:\ [A-Z][\w’'-]+){{0,3}})\ is\ an?\ (?:\w+\ ){{0,3}}(?:column|newsletter|series)
           \ (?:by|from|written\ by)\b)""",
    re.I | re.X,
)
# Politico's opening line: a caption, " | ", the credit, then the story's headline glued to it.
_LEAD_CAPTION = re.compile(r"^.{10,600}?[.?!\"”’']\s\|\s+\S")
# The same with no credit between: a caption's sentences and the story's headline glued after the last one ("...
# the crucial vote. Dam plan sinks in council"), where an article's first paragraph ends in a full stop.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z0-9])")
_LEAD_LINES = 6  # a name alone is a byline above the first paragraph, among this many lines
_NAME = re.compile(r"(?:[A-Z][\w.'’-]+ ){1,2}[A-Z][\w.'’-]+")
# Several writers: "Ana Ruiz, Li Wei and John C . Moritz" (an initial as the text gives it, spaced or not).
_ONE = r"[A-Z][\w'’-]+(?: [A-Z] ?\.)? (?:[A-Z][\w'’-]+ )?[A-Z][\w'’-]+"
_NAMES = re.compile(rf"{_ONE}(?:, {_ONE})*,? and {_ONE}")


def _line_kind(s: str, shouted: int = 6) -> str | None:
    """The kind of boilerplate a whole (stripped) line is, or None. `shouted`: the fewest words of a headline in
    capitals that is a link (more where the text's subheadings are in capitals, see `_capital_subheadings`)."""
    words = len(s.split())
    if (
        _WIDGET.match(s)
        or _CLOSE.match(s)
        or (words <= 60 and _AUDIO.search(s))
        or (words <= 200 and (_SIGNUP_BOX.search(s) or _POLL.search(s)))
    ):
        return "widget"
    if words <= 120 and _EDITORS_NOTE.match(s) or (words <= 80 and _PAGE_NOTE.match(s) and not _REPORTED.search(s)):
        return "note"
    if words <= 100 and _NOTE.search(s):
        return "prompt"
    if words <= 60 and (
        _PROMPT.match(s) or ((_SIGN_UP.search(s) and _MAILING.search(s) or _OFFER.match(s)) and not _REPORTED.search(s))
    ):
        return "prompt"
    if words <= 150 and _READER.search(s) and not _REPORTED.search(s):
        return "prompt"
    if words <= 60 and (
        _WRITE_ME.search(s) and not (_REPORTED.search(s) or _EMBEDDED_POST.search(s)) or _FRAMED.match(s)
    ):
        return "prompt"
    if words <= 60 and (_ASK_MAIL.search(s) and not _REPORTED.search(s) or _HANDLE.match(s)):
        return "note"  # how to reach the desk or the writer, wherever it stands (as `_closing_notes` finds)
    if words <= 30 and (
        _LINK.match(s)
        or _LINK_ALONE.match(s)
        or _LINK_PAREN.match(s)
        or _READ_MORE_END.search(s)
        or (words <= 20 and _READ_MORE_ON.match(s))
        or _MARKER.match(s)
        or _LIST_INTRO.match(s)
        or (words <= 12 and _SEE_OTHER.match(s))
        or _PAREN_LINK.match(s)
        or _RELATED_GLUED.match(s)
        or (words <= 20 and _BRACKETED.match(s))
        or (words <= 40 and _PROMO.match(s))
    ):
        return "link"
    if shouted <= words <= 25 and _SHOUTED.match(s) and s.upper() == s:
        return "link"  # Fox News's links to other stories: "SENATE PASSES BILL TO ..." between paragraphs
    if words <= 30 and (m := _GLUED_LINK.match(s)) and (_headline_like(s[m.end() :]) or s.endswith("?")):
        return "link"
    if words <= 80 and (_CAPTION.match(s) or (_CREDIT_END.search(s) and (s.endswith(")") or not _REPORTED.search(s)))):
        return "caption"
    if words <= 12 and _CREDIT_ONLY.search(s) and not s.endswith(tuple('.!?"”')):
        return "caption"
    if words <= 80 and (_CREDIT_LED.match(s) or _AGENCY_END.match(s)) or _ART_CREDIT.match(s):
        return "caption"
    if (
        words <= 16
        and not s.endswith(tuple(".!?;"))
        and _BYLINE.match(s)
        and (s[:3].lower() == "by " or not s.isupper())
    ):
        return "byline"
    if (
        words <= 16
        and not s.endswith(tuple(".!?;:"))
        and _BOX_BYLINE.match(s)
        and ("," in s or _ROLE.search(s) or _NAME.fullmatch(s.split(None, 2)[-1]))
    ):
        return "byline"
    if words <= 10 and _LABEL.match(s):
        return "label"
    return None


def _first_sentence(line: str) -> int:
    """Where the first sentence of `line` ends (an AP caption glued to the article's first sentence)."""
    for m in re.finditer(r"\.\s+(?=[\"“A-Z])", line):
        if not _NOT_SENTENCE_END.search(line[: m.start()]):
            return m.start() + 1
    return len(line)


_SLASH_CREDIT = re.compile(
    r"(?:[A-Z][\w.'’-]*\ ?/\ ?)?[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}\ ?/\ ?[A-Z][\w.'’\ -]{1,30}", re.X
)
_DANGLING = frozenset("a an the of to and or for with from by at as".split())  # a headline never ends on one
# Words that open a sentence of prose, never a headline.
_NOT_HEADLINE_START = frozenset("She He It They We I You This That These Those There But And So Yet Or Then".split())


def _title_case(words: list[str]) -> bool:
    """Whether `words` are in title case: seven in ten of the words that are not small words are capitalised."""
    content = [w for w in (w.strip("\"“”‘’'—–-•*(") for w in words) if w and w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(1 for w in content if w[0].isupper() or w[0].isdigit()) >= 0.7 * len(content)


def _glued_headline(s: str) -> bool:
    """Whether `s` is sentences with a headline glued after the last one (an opening caption and the title)."""
    if len(s.split()) > 80 or _CREDIT_END.search(s):
        return False  # a credit closing the line is marked as such
    ends = [m for m in _SENTENCE_END.finditer(s) if not _NOT_SENTENCE_END.search(s[: m.start()])]
    if not ends:
        return False
    head, tail = s[: ends[-1].start()], s[ends[-1].end() :].strip()
    words = tail.split()
    if len(words) <= 4 and ":" not in tail and any(q in ends[-1].group() for q in "\"”’'"):
        return False  # a quoted passage and the name of its source: '"... ready to deploy troops." AP News
    if len(head.split()) >= 5 and _SLASH_CREDIT.fullmatch(tail):
        return True  # a caption and its credit: "... on May 22. Ana Petrov/Getty Images"
    if len(head.split()) < 5 or not 2 <= len(words) <= 15 or _SIGNOFF.match(tail) or _REPORTED.search(tail):
        return False  # a title quoting someone: "... reopen," Rep. Marsh says
    if (
        words[0] in _NOT_HEADLINE_START
        or words[-1].lower() in _DANGLING
        or (_title_case(head.split()) and _title_case(words))
    ):
        return False  # prose cut short ("She took the rift between ... and"), or a title in two parts
    if sum(s.count(q) for q in '"“”') % 2:
        return False  # inside a quotation: a quoted passage, not a caption
    if tail[-1] in "\"”’'":  # a headline may end in a quotation: "Mayor: 'We will rebuild'"
        return tail[-2:-1].isalnum()
    return not tail.endswith(_END_PUNCT)


_CREDIT_LINE = re.compile(r"^\W*(?:contributing|contributors?|with\ reporting\ by)\b", re.I | re.X)
_SMALL_WORDS = frozenset("a an the of in on to for and or at by with from as vs is".split())


def _listed(s: str) -> bool:
    """Whether `s` reads as one more headline of a list of other stories (after "Read more:"): a headline line,
    or a short line that ends as headlines in such lists do: a question, a quotation, a credit "(Outlet)", or a
    full stop after words in title case ("Levees Fail Again. Who Pays?"). Prose and a writer's bio end the list."""
    if _CREDIT_LINE.match(s):
        return False  # "Contributing: Ana Ruiz": the article's credit, after its list
    if _headline_like(s):
        return True
    words = s.split()
    if len(words) > _MAX_HEADLINE_WORDS or _BIO.match(s):
        return False
    if (
        (s.endswith(("?", "!")) and len(words) >= 5)
        or (s[-1] in "\"”’'" and s[-2:-1].isalnum())
        or re.search(r"\([A-Z][^()]{1,40}\)$", s)
    ):
        return True
    return len(words) >= 3 and _title_case(words)


def _prose(s: str) -> bool:
    return s.endswith(tuple('.!?"”’…)')) or len(s.split()) > _MAX_HEADLINE_WORDS


_EXCLUSIVE = re.compile(r"^(?:EXCLUSIVE|Exclusive)\s*(?:—|–|--|-|:)\s*(?=[\"“A-Z])")


def _dateline(line: str) -> int:
    """Length of the dateline (or "Exclusive —" label) that opens this line, or 0."""
    if m := _EXCLUSIVE.match(line):
        return m.end()
    m = _DATELINE.match(line)
    if not m or not m.end():
        return 0
    place, agency, dash = m.group("place"), m.group("agency"), m.group("dash")
    if not agency and (not place or not dash or dash == ":" or not place.split(",")[0].isupper()):
        return 0  # without "(Agency)": an upper-case place and a dash
    if place and place.split(",")[0].split()[0].upper() in _NOT_PLACES:
        return 0
    if agency and _TURN_ROLE.match(agency):
        return 0  # a transcript's turn: "STEVE KESSEL (CO-HOST): They took ..." is the host's words
    if len(line[m.end() :].split()) < 4:  # a dateline opens a sentence, not a short label
        return 0
    return m.end()


def _capital_subheadings(lines: list[str]) -> bool:
    """Whether the text's subheadings are in capitals: a line of two to five words in capitals that is no label
    ("USA TODAY") and no place ("ABU DHABI, UAE"). There a line of six words in capitals is a subheading too."""
    for line in lines:
        s = line.strip()
        if 2 <= len(s.split()) <= 5 and "," not in s and s.upper() == s and _SHOUTED.match(s) and not _line_kind(s):
            return True
    return False


def outside(text: str) -> tuple[Span, ...]:
    """The spans of `text` that are not the article: (start, end, kind), in order, not overlapping.

    kind: widget, prompt, link, caption, byline, label, dateline, note (bios, contact lines, editor's notes),
    pullquote (a sentence of the text set again as a line of its own), related (the trailing headlines block).
    """
    spans: list[Span] = []
    pos = 0
    lines = text.splitlines(keepends=True)
    first_prose = None
    listing = False  # after a "Related:" line: the headlines it introduces, up to the next prose
    note_next = False  # after an "Editor's Note" heading: the note under it
    shouted = 7 if _capital_subheadings(lines) else 6
    for i, line in enumerate(lines):
        s = line.strip()
        lead = line.find(s) if s else 0
        videos = [(pos + m.start(), pos + m.end(), "widget") for m in _VIDEO.finditer(line)]
        videos += [(pos + m.start("card") + 1, pos + m.end(), "widget") for m in _HOVER.finditer(line)]
        videos += [(pos + m.start(), pos + m.end(), "caption") for m in _GALLERY.finditer(line)]
        videos += [(pos + m.start(), pos + m.end(), "link") for m in _LINK_INLINE.finditer(line)]
        tails = [(pos + m.start(1), pos + m.end(1), "prompt") for m in _TAIL_PROMO.finditer(line)]
        if not tails:
            tails = [(pos + m.start(1), pos + m.end(1), "link") for m in _TAIL_LINK.finditer(line)]
        videos += tails
        if len(s.split()) <= 12 and (m := _EDIT_LINK.search(line)):
            heading = line[: m.start()].strip()
            whole = heading.lower() in _WIKI_CLOSING  # "References [ edit ]": the page's apparatus, not the article
            videos.append((pos + (lead if whole else m.start()), pos + m.end(), "link"))
        videos.sort()
        if videos and videos[0][0] == pos + lead and videos[-1][1] == pos + lead + len(s):
            s = ""  # the line is the widget
        spans += videos
        if s and _FILE_CAPTION.match(s):
            cut = _first_sentence(s)
            spans.append((pos + lead, pos + lead + cut, "caption"))
            rest = s[cut:]
            lead, s = lead + cut + len(rest) - len(rest.lstrip()), rest.strip()
        if s and (m := _HIGHLIGHTS.match(s)):
            spans.append((pos + lead, pos + lead + len(m.group().rstrip()), "label"))
            lead, s = lead + m.end(), s[m.end() :]
        if s and not _line_kind(s) and (m := _CREDIT_MID.match(s)) and m.end() < len(s):
            spans.append((pos + lead, pos + lead + m.end(), "caption"))
            rest = s[m.end() :]
            lead, s = lead + m.end() + len(rest) - len(rest.lstrip()), rest.strip()
        if s:
            kind = _line_kind(s, shouted)
            lead_line = first_prose is None and i < _LEAD_LINES and not videos
            if kind is None and lead_line and _LEAD_CAPTION.match(s) and len(s.split()) <= 120:
                kind = "caption"  # the photo's caption, its credit and the headline (and dek) glued after it
            if kind is None and lead_line and _glued_headline(s):
                kind = "caption"  # a caption and the headline glued after it, with no credit between
            if kind is None and first_prose is None and i < _LEAD_LINES and (_NAME.fullmatch(s) or _NAMES.fullmatch(s)):
                if i > 0 or _line_kind(next((ln.strip() for ln in lines[1:] if ln.strip()), "")) in ("label", "byline"):
                    kind = "byline"  # a name alone on a line above the first paragraph (or above "USA TODAY")
            if kind is None and listing and _listed(s):
                kind = "link"
            if kind is None and note_next and len(s.split()) <= 60:
                kind = "note"
            note_next = kind == "note" and bool(_EDITORS_NOTE.fullmatch(s.rstrip(":")))
            opens = bool(_LINK_ALONE.match(s) or _MARKER.match(s) or _TAGS.match(s) or _LIST_INTRO.match(s))
            # an "Advertisement" line inside the list does not end it
            listing = (kind == "link" and (opens or listing)) or (kind == "widget" and listing)
            if kind is None and (m := _CREDIT_END.search(s)):
                # reported speech before a credit ("... said the photo was old. Photo: X"): only the credit
                spans.append((pos + lead + m.start(), pos + lead + len(s), "caption"))
            elif kind:
                spans.append((pos + lead, pos + lead + len(s), kind))
            elif _prose(s):
                first_prose = i if first_prose is None else first_prose
                n = _dateline(line[lead:])
                if n:
                    spans.append((pos + lead, pos + lead + n, "dateline"))
        pos += len(line)
    spans += [(m.start(), m.end(), "caption") for m in _GALLERY_SPLIT.finditer(text)]
    spans = _merged(spans)
    blanked = blank(text, spans)
    end = body_end(blanked)
    if end < len(text):
        # the headlines start at the first character the other rules left; the lines they marked keep their kind
        start = len(blanked[:end]) + len(blanked[end:]) - len(blanked[end:].lstrip())
        spans = [sp for sp in spans if sp[0] < start] + [(start, len(text.rstrip()), "related")]
    body = blanked[:end]
    return tuple(_merged(spans + _closing_notes(body) + _opening_note(body) + _pull_quotes(body)))


# --- Pull quotes: a sentence of the text set again as a paragraph of its own ---------------------------------

_QUOTE_MARKS = re.compile(r"[\"“”‘’'«»]")
_PULL_END = re.compile(r"[.!][\"”’']?$")  # not a question: an interviewer's, asked again in the answer
_SPEAKER_TURN = re.compile(r"^[A-Z][A-Z .'’-]{2,40}:\s")  # a transcript's turn ("NAME: He's playing a game.")
_EMBEDDED_POST = re.compile(r"\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}|pic\.twitter\.com/")  # "— NAME (@name) May 3, 2018"
_PULL_MIN_WORDS = 6
# A pull quote that names its speaker after a dash (Fox News: "'It wasn't a subject that came up.' — NAME, on
# the firing"): it may stand far from the paragraph it repeats, and cut the quote with an ellipsis.
_NAMED_PULL = re.compile(r"""^['‘"“](?P<q>[^\n]{20,400}?)['’"”]\s*[—–]+\s*[A-Z][^\n]{2,80}$""")
_PULL_REACH = 6  # lines: a pull quote stands near the paragraph it repeats; a far repeat is a summary's or a check's
_OPENING_LINES = 4  # an opening summary repeats what follows below it: the article's (docs/ingest.md)


def _folded(s: str) -> str:
    """`s` as repeats are compared: no quotation marks, one space between words, lower case."""
    return re.sub(r"\s+", " ", _QUOTE_MARKS.sub("", s)).strip().lower()


def _pull_quotes(text: str) -> list[Span]:
    """Lines that only repeat a sentence of a longer paragraph elsewhere in `text` ("Trump's enemies have now
    proved him a Nostradamus." set again between paragraphs), as "pullquote" spans; never in the opening lines,
    never a repeat of them, a question or a transcript's turn (an interrupted speaker starts again: "NAME: He's
    playing a game." then "NAME: He's playing a game. He's playing a game. You know, ...")."""
    lines: list[tuple[int, str, str]] = []  # (offset, line as written, line normalised)
    pos = 0
    for line in text.splitlines(keepends=True):
        if s := line.strip():
            lines.append((pos + line.find(s), s, _folded(s)))
        pos += len(line)
    out: list[Span] = []
    for k in range(1, len(lines)):
        at, s, n = lines[k]
        if (named := _NAMED_PULL.match(s)) and _repeated(named.group("q"), k, lines):
            out.append((at, at + len(s), "pullquote"))
            continue
        if k < _OPENING_LINES:
            continue
        if len(s.split()) < _PULL_MIN_WORDS or not _PULL_END.search(s) or _SPEAKER_TURN.match(s):
            continue
        for j in range(max(_OPENING_LINES, k - _PULL_REACH), min(len(lines), k + 1 + _PULL_REACH)):
            m = lines[j][2]
            if j == k or len(m) <= len(n) + 20 or n not in m:
                continue
            if _EMBEDDED_POST.search(m):
                continue  # an embedded post the text quotes from: the quotation is the article's
            if j > k and m.startswith(n):
                continue  # a speaker who starts again below: "I am not running for president. You want me to ..."
            out.append((at, at + len(s), "pullquote"))
            break
    return out


def _repeated(quote: str, k: int, lines: list[tuple[int, str, str]]) -> bool:
    """Whether each piece of `quote` (cut at its ellipses) stands in one longer line other than line k, itself
    no named pull quote."""
    pieces = [_folded(p) for p in re.split(r"…|\.\.\.", quote)]
    pieces = [p for p in pieces if len(p.split()) >= 4]
    return bool(pieces) and any(
        j != k and not _NAMED_PULL.match(s) and len(n) > sum(map(len, pieces)) + 20 and all(p in n for p in pieces)
        for j, (_, s, n) in enumerate(lines)
    )


# --- Notes closing the text: the writer's bio, how to reach the writer -----------------------------------------

_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Rev|Judge|Rep|Sen|Gov|Gen|Col|Sir|Dame|Rabbi)\.?\ )"
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]+|de|van|von|del|la)"
# "• Ana Ruiz is ...", "— Ana Ruiz, a former judge, is ...", "Mr. Ruiz is ...", "Ana Ruiz writes ...".
_BIO = re.compile(
    rf"""^(?![\"“‘'])[\W_]{{0,3}}(?:(?P<hon>{_HONORIFIC})?(?!(?:The|This|That|These|Those|It|Its|An?)\b)
         (?P<name>[A-Z][\w'’-]+(?:\ {_NAME_WORD}){{0,4}})(?:\ \(@\w+\))?(?:\ and\ [A-Z][\w'’-]+(?:\ {_NAME_WORD}){{1,3}})?(?:,\ (?!which|who|where)[^\n]{{3,160}}?,["”]?)?
         \ (?:is|are|was|has|have|serves|served|writes?|wrote|teaches|taught|directs|heads|leads|runs|hosts|covers|lives)\b
         (?!\ (?!managing|visiting|leading|founding|contributing|consulting|presiding|acting)\w+ing\b)  # "is setting ..."
         | (?:[Tt]he\ )?(?:writer|author|columnist)s?\ (?:is|are)\b)""",
    re.X,
)
# What a bio says the writer is.
_ROLE = re.compile(
    r"""\b(?:author|columnist|contributor|correspondent|editor|writer|reporter|journalist|blogger|fellow|professor
         |scholar|analyst|economist|director|president|founder|chairman|chairwoman|chair|CEO|member|host|senator
         |congressman|congresswoman|representative|delegate|attorney|lawyer|prosecutor|judge|consultant|advis[eo]r
         |strategist|commentator|historian|classicist|researcher|partner|pastor|executive|student|candidate
         |veteran|former|retired|emeritus|lecturer|teacher|physician|expert|officer|secretary|ambassador|governor
         |publisher|book|counsel|blog|column)s?\b | \bwrites\ (?:about|on)\b""",
    re.I | re.X,
)
_EMAIL = r"(?:[\w.+-]+@\ ?[\w-]+\.[\w.]+|\[email\ protected\])"
# How to reach the writer or the desk: "Write to Ana Ruiz at ana@courier.example", "• Ana Ruiz can be reached
# at ...", "Send letters to: ...", "Tell us your story at ...", "pitch us at ...".
_CONTACT = re.compile(
    rf"""(?:^\W*(?:write|send\ (?:letters|tips|your)|e-?mail|contact|reach)\b.{{0,120}}{_EMAIL}
         | ^\W*(?:reach|contact)\ [A-Z][\w'’-]+(?:\ [A-Z][\w.'’-]+){{1,3}}\ (?:on\ twitter\b|at\ @)
         | \b(?:can|may)\ be\ reached\b | \b(?:write\ to|e-?mail|contact|reach)\ (?:him|her|them|me|us)\b
         | \b(?:write\ to|e-?mail|contact)\ (?:us\ )?(?:at\ )?{_EMAIL} | \bletters?\ to\ the\ editor\b
         | \b(?:pitch|tell|ask|let)\ (?:us|me|\w+\ \w+)\b.{{0,80}}{_EMAIL})""",
    re.I | re.X,
)
_MAX_NOTES = 3
# The writer asking for mail in the middle of a column: "Mailing list. To receive a weekly email alert ...,
# contact me at NAME@npr.org."; a notice framed in asterisks ("******* Don't Forget: If you are sending ... *******").
_WRITE_ME = re.compile(rf"\b(?:contact|e-?mail|write\ to|reach)\ (?:me|us)\ at\ {_EMAIL}", re.I | re.X)
_FRAMED = re.compile(r"^\*{4,}.*[^*\s].*\*{4,}$")
# A newsletter asking for tips or picks by mail: "Got a TIP from the RIGHT or LEFT? Email NAME@EXAMPLE.COM".
_ASK_MAIL = re.compile(rf"(?:^|[.?!]\s+)(?:e-?mail|write|send|tweet|share)\b[^\n]{{0,120}}?{_EMAIL}", re.I)
# The writer's handle or address alone on a line under the bio: "Twitter: @name", "Email: name@example.com".
_HANDLE = re.compile(rf"^(?:twitter|instagram|facebook|threads|e-?mail)\s*:\s*(?:@\w+|{_EMAIL})$", re.I)
# A newsletter's link words and TV promotions glued to the end of a paragraph: "... has the story. Read more.",
# "... Senate. – Watch Fox: NAME has the latest."
_TAIL_PROMO = re.compile(r"(?<=[.!?”\"’])\s+((?:(?:Read more|More|Watch here)\.\s*)?[-–—]\ ?Watch Fox:[^\n]*[^\s])")
_TAIL_LINK = re.compile(r"(?<=[.!?”\"’])\s+((?:Read more|More|Watch here|Read it here)\.)(?=\s*$)")


def _bio(line: str, other: str) -> bool:
    """A writer's bio: a full name (or a title and a surname) and what the writer is, where the name is not
    one the article's own prose (`other`) uses (so "Ana Ruiz is a former judge" about a person in the story stays)."""
    m = _BIO.match(line)
    if not m or len(line.split()) > 120 or line.endswith(":"):
        return False  # "President X has issued a statement on the attack:" introduces what follows
    if not _ROLE.search(line[: _first_sentence(line)]):
        return False  # what the writer is comes first: "Ana Ruiz is a former judge. ...
    name = m.group("name")
    if name is None:
        return True  # "The writer is ..."
    if not m.group("hon") and len(name.split()) < 2:
        return False  # a surname alone: someone the story has named
    surname = re.escape(name.split()[-1])
    prose = [ln for ln in other.splitlines() if len(ln.split()) > _MAX_HEADLINE_WORDS // 2 or ln.rstrip().endswith(".")]
    return not re.search(rf"\b{surname}\b", "\n".join(prose))


def _contact(line: str) -> bool:
    """How to reach the writer; not reported speech, nor a credit ("X contributed to this report")."""
    return (
        len(line.split()) <= 80
        and bool(_CONTACT.search(line))
        and not _REPORTED.search(line)
        and "contributed" not in line
    )


def _opening_note(text: str) -> list[Span]:
    """The writer's bio opening `text` ("Ana Ruiz is a Courier columnist. ..."), as a "note" span."""
    m = re.search(r"\S[^\n]*", text)
    if m and m.end() < len(text.rstrip()) and _bio(m.group().rstrip(), text[m.end() :]):
        return [(m.start(), m.start() + len(m.group().rstrip()), "note")]
    return []


def _closing_notes(text: str) -> list[Span]:
    """The writer's bio and contact lines that close `text` (marked spans blanked), as "note" spans."""
    notes: list[Span] = []
    end = len(text)
    while len(notes) < _MAX_NOTES:
        start = text.rfind("\n", 0, len(text[:end].rstrip())) + 1
        line = text[start:end].strip()
        if not line or start == 0:
            break
        lead = start + text[start:end].find(line)
        if not (_bio(line, text[:start]) or _contact(line)):
            break
        notes.append((lead, lead + len(line), "note"))
        end = start
    return notes


def remark(article: Article) -> Article:
    """`article` with its spans outside the body found again by these rules."""
    return replace(article, outside=outside(article.text))


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for sp in sorted(spans):
        if out and sp[0] < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], sp[1]), out[-1][2])
        else:
            out.append(sp)
    return out
