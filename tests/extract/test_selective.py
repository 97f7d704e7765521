"""Parse only what needs parsing: the trigger check, and a selective parse that keeps text, entities and
sentences of the full pipeline."""

from newsledger.extract import needs
from newsledger.extract.needs import FULL, NER

TEXT = (
    "The weather was calm on the coast near Boston.\n\n"
    'Mr. Smith said on Monday that 40 people were hurt. "We are worried," he told Reuters. '
    "The city of Paris is nice.\n\n"
    "Angela Merkel visited.\n\nGoogle and Apple are companies in California. They are big."
)


def test_triggers_by_extractor():
    assert "attribution" in needs.triggers("The minister says so.")
    assert "attribution" in needs.triggers("Smith: we will win")
    assert "numbers" in needs.triggers("Forty people came.")
    assert "numbers" in needs.triggers("It cost $5.")
    assert "times" in needs.triggers("They met on Tuesday morning.")
    assert "events" in needs.triggers("Rebels attacked the town.")
    assert needs.needs("The city of Paris is nice.") == NER
    assert needs.needs("It's the voters' choice.") == FULL  # a closing single quote may end a quotation


def test_attribution_parses_its_whole_paragraph():
    kinds = needs.plan(["He said no.", "The city of Paris is nice.", "Google is big."], [0, 0, 1])
    assert kinds == [FULL, FULL, NER]


def test_an_extractor_extends_the_triggers():
    assert needs.needs("The harvest was poor.") == NER
    needs.add_triggers("harvests", ["harvest"])
    try:
        assert needs.needs("The harvest was poor.") == FULL
        assert needs.needs("Farmers harvested late.") == FULL  # an inflection
    finally:
        del needs.TRIGGERS["harvests"]


def test_selective_parse_keeps_text_entities_and_sentences(extractor):
    doc = extractor.parse([TEXT])[0]
    full = extractor.nlp(TEXT)
    assert doc.text == TEXT
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (e.start_char, e.end_char, e.label_) for e in full.ents
    ]
    ours = [s.text.strip() for s in doc.sents]
    assert ours == [s.text.strip() for s in full.sents if s.text.strip()]


def test_only_trigger_sentences_get_the_parse(extractor):
    doc = extractor.parse([TEXT])[0]
    said = next(t for t in doc if t.text == "said")
    assert said.lemma_ == "say" and said.dep_ == "ROOT"
    nice = next(t for t in doc if t.text == "nice")
    assert nice.lemma_ == "nice"  # same paragraph as "said": parsed whole
    big = next(t for t in doc if t.text == "big")
    assert big.lemma_ == "" and big.dep_ == needs_label()


def needs_label() -> str:
    from newsledger.extract.selective import LABEL

    return LABEL


def test_workers_give_what_one_process_gives(extractor):
    from newsledger.extract import ExtractOptions, Extractor
    from newsledger.models import Article

    texts = [TEXT, "Rebels attacked the town on Friday, officials said.", "A quiet day in Lyon.", TEXT[:120]]
    arts = [Article(id=f"a{i}", source=f"s{i}", text=t) for i, t in enumerate(texts)]
    one = [x.to_contract() for x in extractor.pipe(arts)]
    two = [x.to_contract() for x in Extractor(ExtractOptions(batch_size=1, n_process=2)).pipe(arts)]
    assert one == two and len(one) == 4
