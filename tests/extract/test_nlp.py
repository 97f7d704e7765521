"""The pipeline's remembered attribute ruler and lemmatizer give every token what spaCy's own give it."""

import spacy

from newsledger.extract.nlp import MODELS, RememberedAttributes, RememberedLemmas

TEXTS = [
    # the ruler's longer patterns: "there is", "ain't", "gonna", "gotta", "let's", "c'mon", "y'all"
    "There is a cat. There's no way y'all are gonna win, ain't it? Let's go. C'mon, we gotta leave.",
    "IT WAS THERE. Are there any?  \n\n  Mr. Smith's dogs weren't running; the dogs ran and the cats had run.",
    # the same words again, in other roles: what was remembered for one case must not leak into another
    "The run was long. She runs. Running is fun. There were 40 people and there are more, said the police.",
    "Let us go, said the man who let's say was gonna stay.",
]


def _spacy_own():
    for model in MODELS:
        try:
            nlp = spacy.load(model)
        except OSError:
            continue
        nlp.add_pipe("newsledger_sentence_bound", before="parser")
        return nlp
    raise AssertionError("no English pipeline installed")


def _tokens(docs):
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_, t.head.i, t.ent_type_) for d in docs for t in d]


def test_the_remembering_components_replace_spacys_under_the_same_names(extractor):
    nlp = extractor.nlp
    assert isinstance(nlp.get_pipe("attribute_ruler"), RememberedAttributes)
    assert isinstance(nlp.get_pipe("lemmatizer"), RememberedLemmas)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer") < nlp.pipe_names.index("ner")


def test_every_token_gets_what_spacy_gives_it(extractor):
    ours, theirs = extractor.nlp, _spacy_own()
    # twice: the second pass answers from what the first remembered
    for _ in range(2):
        assert _tokens(ours.pipe(TEXTS)) == _tokens(theirs.pipe(TEXTS))
    got = {(t.text, t.lemma_) for t in ours("There's no way y'all are gonna win. Let's go.")}
    assert ("'s", "be") in got and ("gon", "go") in got and ("Let", "let") in got
