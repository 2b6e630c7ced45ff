from onrecord.attribute.lexicon import MIN_COUNT, CueLexicon, SourcelessCues


def lexicon_of(pairs):
    lexicon = CueLexicon()
    for word, is_cue in pairs:
        lexicon.add(word, is_cue)
    return lexicon


def test_rate_bins_order_words_by_how_often_they_are_cues():
    lexicon = lexicon_of([("said", True)] * 9 + [("said", False)] + [("table", False)] * 10)
    assert lexicon.rate_bin("said") > lexicon.rate_bin("table")


def test_rare_words_get_no_rate():
    lexicon = lexicon_of([("whispered", True)] * (MIN_COUNT - 1))
    assert lexicon.rate_bin("whispered") is None
    assert lexicon.rate_bin("never-seen") is None


def test_leave_out_removes_an_articles_own_evidence():
    own = lexicon_of([("opined", True)] * 3)
    lexicon = lexicon_of([("opined", True)] * 3 + [("opined", False)] * 3)
    assert lexicon.rate_bin("opined") is not None
    assert lexicon.rate_bin("opined", leave_out=own) == 0


def test_json_round_trip():
    lexicon = lexicon_of([("said", True)] * 5 + [("said", False)] * 5)
    again = CueLexicon.from_json(lexicon.to_json())
    assert again.rate_bin("said") == lexicon.rate_bin("said")


def sourceless_of(shapes, sourceless, sourced):
    table = SourcelessCues()
    for _ in range(sourceless):
        table.add(shapes, sourceless=True)
    for _ in range(sourced):
        table.add(shapes, sourceless=False)
    return table


def test_a_shape_mostly_without_source_is_sourceless():
    assert sourceless_of(("appear|own", "appear"), 3, 1).is_sourceless(("appear|own", "appear"))
    assert not sourceless_of(("said|own", "said"), 1, 9).is_sourceless(("said|own", "said"))


def test_a_tie_or_a_rare_shape_keeps_the_source():
    assert not sourceless_of(("asked|own", "asked"), 2, 2).is_sourceless(("asked|own", "asked"))
    rare = sourceless_of(("mused|own", "mused"), MIN_COUNT - 1, 0)
    assert not rare.is_sourceless(("mused|own", "mused"))


def test_the_most_specific_common_shape_decides():
    table = sourceless_of(("asked|passive", "asked"), 4, 0)
    for _ in range(10):
        table.add(("asked|own", "asked"), sourceless=False)
    assert table.is_sourceless(("asked|passive", "asked"))
    assert not table.is_sourceless(("asked|own", "asked"))
    # an unseen specific shape falls back to the word, which mostly has a source
    assert not table.is_sourceless(("asked|borrowed", "asked"))


def test_a_cue_with_its_own_subject_is_judged_by_that_shape_alone():
    table = sourceless_of(("charged|passive", "charged"), 4, 0)
    table.add(("charged|own", "charged"), sourceless=False)
    assert table.is_sourceless(("charged|passive", "charged"))
    # "Bolton charged": its own shape is too rare to count, and the word's is mostly passive
    assert not table.is_sourceless(("charged|own", "charged"))
    # a borrowed subject ("charged with ..., he") still falls back to the word
    assert table.is_sourceless(("charged|borrowed", "charged"))


def test_sourceless_json_round_trip_drops_rare_shapes():
    table = sourceless_of(("expected|passive", "expected"), 3, 0)
    table.add(("hinted|own", "hinted"), sourceless=True)
    again = SourcelessCues.from_json(table.to_json())
    assert again.is_sourceless(("expected|passive", "expected"))
    assert "hinted" not in again.counts
