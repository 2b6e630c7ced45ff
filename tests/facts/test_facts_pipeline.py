"""The facts through the spaCy component and the pipeline, including masked debris."""

from __future__ import annotations

from onrecord.types import Article

TEXT = (
    "Officials said on Monday that 120 families in Porto had been moved. "
    "<!-- tracking pixel -->\n"
    "The regional government in Portugal will pay €4 million, its spokesman said."
)


def test_the_component_reads_the_publication_date_from_the_doc(nlp):
    doc = nlp.make_doc(TEXT)
    doc._.published = "2031-03-12"
    doc = nlp(doc)
    assert [(d.span.text, d.value) for d in doc._.dates] == [("Monday", "2031-03-10")]
    assert {p.name for p in doc._.places} >= {"Porto", "Portugal"}
    assert {f.span.text: f.unit for f in doc._.figures} == {"120": "people", "€4 million": "EUR"}


def test_a_plain_text_leaves_dates_unresolved(nlp):
    doc = nlp(TEXT)
    assert [(d.span.text, d.value) for d in doc._.dates] == [("Monday", None)]


def test_facts_after_masked_debris_cut_the_article_text(extractor, check_output):
    document = extractor.extract(Article(text=TEXT, published="2031-03-12"))
    output = document.to_dict()
    check_output(output)
    assert output["document"]["text"] == TEXT
    assert [d["span"]["text"] for d in output["dates"]] == ["Monday"]
    assert {f["span"]["text"] for f in output["figures"]} == {"120", "€4 million"}
    said_on = [a["said_on"] for a in output["attributions"] if a["said_on"]]
    assert said_on and said_on[0]["value"] == "2031-03-10"
