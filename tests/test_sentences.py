from workbench.extract.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_abbreviations_and_decimals_do_not_end_sentences():
    text = "The U.S. Gen. Smith said No. 5 rose 3.5% in Jan. last year. It fell. Then Mr. Jones spoke."
    assert texts(text) == [
        "The U.S. Gen. Smith said No. 5 rose 3.5% in Jan. last year.",
        "It fell.",
        "Then Mr. Jones spoke.",
    ]


def test_offsets_point_into_the_original_text():
    text = "  First one.\n\nSecond one!  Third?\r\nFourth "
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["First one.", "Second one!", "Third?", "Fourth"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_newline_always_ends_a_sentence():
    assert texts("A headline without a stop\nThe body starts here.") == [
        "A headline without a stop", "The body starts here."]


def test_a_very_long_line_is_cut_into_pieces_that_keep_offsets():
    text = "word " * 30000 + "The end."
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert sentences[-1].text.endswith("The end.")


def test_titles_and_reference_abbreviations_stay_inside_their_sentence():
    text = "Sen. Warren met Dr. Who. Ms. Li agreed, approx. 5 km away. See Art. 5 and p. 12. Vol. 3 is out."
    assert texts(text) == ["Sen. Warren met Dr. Who.", "Ms. Li agreed, approx. 5 km away.",
                           "See Art. 5 and p. 12.", "Vol. 3 is out."]


def test_quotes_and_curly_punctuation_keep_offsets():
    text = "He said: “It is over.” Then he left. NATO’s summit — in Zürich — ended."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["He said: “It is over.”", "Then he left.",
                                           "NATO’s summit — in Zürich — ended."]
    assert all(text[s.start:s.end] == s.text for s in sentences)
