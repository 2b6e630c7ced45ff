from onrecord.attribute.lexicon import MIN_COUNT, CueLexicon


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
