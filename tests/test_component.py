"""The spaCy component as a spaCy user meets it: ``spacy.load`` then ``add_pipe`` by name
(through the ``spacy_factories`` entry points), saved to disk and loaded back."""

from __future__ import annotations

import spacy

import onrecord
from onrecord.component import mark_paragraph_starts, split_glued_quotation_marks
from onrecord.settings import DEFAULT_MODEL
from onrecord.types import Article

TWO_PARAGRAPHS = (
    "The mayor said the wall would be rebuilt by May and that the town would pay for it\n\n"
    "“We have waited long enough,” she told the council on Tuesday."
)


def _user_pipeline(**config):
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    nlp.add_pipe("onrecord", config=config)
    return nlp


def _found(attributions):
    return [
        (a.kind, a.content.slices, a.cue and a.cue.slices, a.speaker and a.speaker.name)
        for a in attributions
    ]


def test_add_pipe_by_name_finds_what_extract_finds(sample_text):
    nlp = _user_pipeline()
    doc = nlp(sample_text)
    assert doc._.attributions, "no attributions on doc._.attributions"
    assert _found(doc._.attributions) == _found(onrecord.extract(sample_text).attributions)
    labels = {span.label_ for span in doc.spans["onrecord"]}
    assert labels == {"content", "cue", "source"}
    names = {entity.name for entity in doc._.entities}
    assert "Odessa Quill" in names


def test_a_pipeline_saved_with_onrecord_loads_back_and_gives_the_same_output(tmp_path, sample_text):
    nlp = _user_pipeline()
    before = _found(nlp(sample_text)._.attributions)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names[-1] == "onrecord"
    assert (tmp_path / "pipeline" / "onrecord" / "attribution.crfsuite").is_file()
    assert _found(loaded(sample_text)._.attributions) == before


def test_the_encoder_tagger_is_saved_with_the_pipeline(tmp_path, sample_text):
    nlp = _user_pipeline(model_path="encoder")
    doc = nlp(sample_text)
    assert doc._.attributions
    before = _found(doc._.attributions)
    assert before == _found(onrecord.extract(sample_text, tagger="encoder").attributions)
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "onrecord" / "encoder.onnx").is_file()
    loaded = spacy.load(tmp_path / "pipeline")
    assert _found(loaded(sample_text)._.attributions) == before


def test_a_sentence_never_runs_over_a_paragraph_break():
    nlp = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer", "attribute_ruler"])
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    doc = nlp(TWO_PARAGRAPHS)
    second = TWO_PARAGRAPHS.index("“We")
    starts = [sent.start_char for sent in doc.sents]
    assert second in starts
    quote = next(t for t in doc if t.idx == second)
    assert quote.is_sent_start


def test_paragraph_starts_leave_other_tokens_for_the_parser():
    nlp = spacy.blank("en")
    doc = mark_paragraph_starts(nlp("One line. Still the first.\n\nA second paragraph."))
    marked = [token.text for token in doc if token.is_sent_start]
    assert marked == ["One", "A"]
    assert doc[3].is_sent_start is None  # "Still": the parser decides


def test_a_name_after_a_title_abbreviation_never_starts_a_sentence():
    doc = mark_paragraph_starts(spacy.blank("en")("Sen. Jane Roe met Mr. Ed Poe."))
    assert [doc[1].is_sent_start, doc[5].is_sent_start] == [False, False]  # "Jane", "Ed"
    assert doc[2].is_sent_start is None  # "Roe": the parser decides


def test_title_abbreviations_stay_one_token_and_inside_their_sentence(nlp):
    text = "Sgt. Tom Vance and Capt. Ann Doe spoke. Sens. Jane Roe and Ed Poe left."
    doc = nlp(text)
    assert {"Sgt.", "Capt.", "Sens."} <= {token.text for token in doc}
    sentences = [sent.text for sent in doc.sents]
    assert sentences == [
        "Sgt. Tom Vance and Capt. Ann Doe spoke.",
        "Sens. Jane Roe and Ed Poe left.",
    ]


def test_the_speaker_after_a_rank_spaCy_splits_is_the_person_named(extractor):
    text = "“We are already at war,” said Pentagon spokesman Navy Capt. Tom Vance, who was asked."
    speaker = extractor.extract(Article(text=text)).attributions[0].speaker
    assert (speaker.name, speaker.type) == ("Tom Vance", "person")
    assert speaker.title.endswith("Capt.")


def test_people_named_together_under_a_plural_title_are_a_group_without_it(extractor):
    text = (
        "Sens. Jane Roe and Ed Poe said the bill was a mistake. Take Idaho Republican Sens. "
        "Tom Vance and Ann Doe. The race is between Bo Lin and Govs. Lena Ortiz and Al Ames."
    )
    document = extractor.extract(Article(text=text))
    speaker = document.attributions[0].speaker
    assert (speaker.name, speaker.type) == ("Jane Roe and Ed Poe", "group")
    titles = {entity.name: entity.title for entity in document.entities}
    # "Sens." titles the list, not its first name
    assert [titles[name] for name in ("Jane Roe", "Tom Vance", "Lena Ortiz")] == [None] * 3


GLUED = (
    "Ryan said,“Look, these images have no place in a campaign.”He left. “Fine,”Katie Packer said."
)


def test_quotation_marks_glued_to_words_become_tokens_of_their_own(nlp):
    tokens = [token.text for token in nlp.make_doc(GLUED)]
    assert tokens[:5] == ["Ryan", "said", ",", "“", "Look"]
    assert ["campaign", ".", "”", "He"] == tokens[tokens.index("campaign") : tokens.index("He") + 1]
    assert ["Fine", ",", "”", "Katie"] == tokens[tokens.index("Fine") : tokens.index("Katie") + 1]
    apostrophes = [token.text for token in nlp.make_doc("He said,''We will win,''and left")]
    assert apostrophes == ["He", "said", ",", "''", "We", "will", "win", ",", "''", "and", "left"]


def test_words_without_a_glued_quotation_mark_are_tokenized_as_spacy_does(nlp):
    text = (
        "He is 5'10\" tall, a “so-called” well-known man’s “test”; U.S.-based e-mail, 3-4 ''no.''"
    )
    spacy_tokens = [t.text for t in spacy.load(DEFAULT_MODEL).tokenizer(text)]
    assert [t.text for t in nlp.make_doc(text)] == spacy_tokens


def test_a_quotation_glued_to_its_cue_is_attributed_to_its_speaker(extractor):
    document = extractor.extract(Article(text=GLUED))
    found = [
        (a.content.text, a.cue and a.cue.text, a.speaker and a.speaker.name)
        for a in document.attributions
    ]
    assert found == [
        ("“Look, these images have no place in a campaign.”", "said", "Ryan"),
        ("“Fine,”", "said", "Katie Packer"),
    ]


def test_a_user_pipeline_splits_glued_marks_when_asked(extractor):
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("onrecord_paragraphs", before="parser")
    split_glued_quotation_marks(nlp)
    nlp.add_pipe("onrecord")
    assert _found(nlp(GLUED)._.attributions) == _found(
        extractor.extract(Article(text=GLUED)).attributions
    )
