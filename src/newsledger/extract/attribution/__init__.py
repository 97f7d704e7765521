"""Attribution: who says, claims or holds what. `quotes.extract_quotes` is the entry point.

- `lexicon`  the cue words (speech, stance, preposition cues, stance adjectives, noun cues) and speaker nouns
- `marks`    quotation-mark regions, over sentences and paragraphs
- `rules`    cue, source and content from the dependency parse
- `colons`   `Name: ...` headlines and `Name: "..."` before a quotation
- `speakers` resolving a source span to the article's entities
- `cues`     the cue filter: which candidates to keep, by counts from the PolNeAR train split (data/cue_stats.tsv)
- `filters`  the last pass over tagger and rules: cues that are no attribution dropped, contents mended
             (word counts from PolNeAR train in data/cue_words.tsv)
"""
