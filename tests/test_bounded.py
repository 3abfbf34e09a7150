"""Calls of quantulum3 and dateparser on a draft: short windows, a cap per sentence, what ran over reported."""

import random
import re
from datetime import date, datetime

import dateparser
import pytest

from tests.adversarial.hostile import BACKTRACKERS, NUMBER_DENSE
from workbench.extract import bounded, extract_mentions, overruns
from workbench.extract.evaluation import corpus_examples

PUB = date(2025, 7, 1)
# two-digit years: dateparser reads each (a four-digit year's numeric date is read without it)
MANY_DATES = "Deliveries on " + ", ".join(f"{d}/{m}/23" for m in (1, 2) for d in range(1, 31)) + "."
PLAIN = "Poland spent 4.12% of GDP in 2024, and twelve allies agreed on a five-year plan."


def corpus_sentences() -> list[str]:
    return [example.text for example in corpus_examples()]


def test_a_sentence_over_the_cap_is_reported_once_and_its_other_mentions_still_come_out():
    text = MANY_DATES + " " + PLAIN
    with overruns() as notes:
        mentions = extract_mentions(text, PUB)
    assert len(notes) == 1 and notes[0].startswith(f"characters 0-{len(MANY_DATES)}:")
    days = [m for m in mentions if m.granularity == "day"]
    assert bounded.MAX_CALLS_PER_SENTENCE // 2 <= len(days) <= bounded.MAX_CALLS_PER_SENTENCE
    assert (days[0].text, days[0].start_date) == ("1/1/23", date(2023, 1, 1))
    plain = [m.text for m in mentions if m.start > len(MANY_DATES)]
    assert plain == ["4.12%", "2024", "twelve", "five-year"]


def test_a_draft_within_the_cap_reports_nothing():
    with overruns() as notes:
        extract_mentions(PLAIN * 3, PUB)
    assert notes == []


def test_the_spelled_out_search_over_windows_finds_what_it_finds_over_whole_sentences():
    sentences = [s for s in corpus_sentences() if bounded._runs(s)]
    assert len(sentences) > 30
    for sentence in sentences:
        whole = [(v["old_span"], v["new_surface"]) for v in bounded.quantulum.extract_spellout_values(sentence)
                 if sentence[slice(*v["old_span"])].lower() not in ("a", "an")]  # "posted a loss": not a one
        assert [(v["old_span"], v["new_surface"]) for v in bounded.spellout_values(sentence)] == whole, sentence


def test_the_spelled_out_pattern_finds_what_quantulum3s_own_pattern_finds():
    """Its number words' look-arounds written once, against quantulum3's pattern (each word with its own)."""
    theirs, ours = bounded._whole_text_pattern("en_US"), bounded.quantulum_regex.text_pattern_reg("en_US")
    assert ours.pattern != theirs.pattern
    rng = random.Random(3)
    words = [*bounded._SPELLOUT_WORDS, "several", "Twenty", "HUNDRED", "andy", "ten5", "5", "12.5", "1,000", "3/4",
             "½", "K", "tenth", "$", "%"]
    joins = [" ", ", ", "-", " - ", ",", "", ".", "\n", "&", " and ", "/", "é", "\u00a0"]
    texts = [*corpus_sentences(), *(text[:60] for text in (*BACKTRACKERS.values(), *NUMBER_DENSE.values())),
             *("".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(1, 8))) for _ in range(3000))]
    for text in texts:
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)], text


def test_a_long_numeral_is_not_read_with_the_number_words_beside_it():
    digits = "0123456789" * 15  # quantulum3's number pattern backtracks on a long run of digits
    assert bounded._runs(f"nine {digits} ten") == [(0, 4), (len(digits) + 6, len(digits) + 9)]


def test_one_unit_reading_serves_every_number_of_the_same_shape(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(bounded, "_UNITS", {})
    monkeypatch.setattr(bounded, "_AMBIGUOUS", {})
    real = bounded._quantulum_first
    monkeypatch.setattr(bounded, "_quantulum_first", lambda window: asked.append(window) or real(window))
    assert bounded.unit_reading("347", " km") == bounded.unit_reading("129", " km") == real("347 km")
    assert bounded.unit_reading("2.33", " k") == real("2.33 k") and bounded.unit_reading("2.44", " k") == real(
        "2.44 k")
    assert asked == ["222 km", "2.33 k"]  # "k" names several units: asked as it is, its choice made again after


@pytest.mark.parametrize("label", sorted({**BACKTRACKERS, **NUMBER_DENSE}))
def test_the_libraries_only_ever_see_short_windows(label, monkeypatch):
    seen: list[int] = []
    for owner, name in ((bounded.quantulum, "extract_spellout_values"), (bounded.quantulum, "parse"),
                        (dateparser, "parse")):
        real = getattr(owner, name)
        monkeypatch.setattr(owner, name, lambda text, *a, _real=real, **k: seen.append(len(text)) or _real(
            text, *a, **k))
    monkeypatch.setattr(bounded, "_SPELLOUTS", {})
    monkeypatch.setattr(bounded, "_UNITS", {})
    monkeypatch.setattr(bounded, "_DATES", {})
    text = {**BACKTRACKERS, **NUMBER_DENSE}[label]
    with overruns():
        extract_mentions(text, PUB)
    assert max(seen, default=0) <= bounded.MAX_RUN + bounded.LOOK_BEFORE + bounded.LOOK_AFTER
    assert len(seen) <= bounded.MAX_CALLS_PER_SENTENCE * max(1, text.count("\n") + text.count(". ") + 1)


def test_a_numeric_date_reads_the_same_without_the_relative_parser():
    """parse_date leaves dateparser's relative-time parser out for text without letters: the forms the
    numeric shape takes, valid or not, read as dateparser's default parsers read them."""
    rng = random.Random(7)

    def part() -> str:
        return f"{rng.randint(0, 99):0{rng.choice((1, 2))}d}"

    texts = [f"{rng.randint(1000, 2999)}-{rng.randint(0, 19):02d}-{rng.randint(0, 39):02d}" for _ in range(60)]
    texts += [f"{part()}{rng.choice('/.')}{part()}{rng.choice('/.')}{rng.randint(0, 2999):0{rng.choice((2, 4))}d}"
              for _ in range(240)]
    for text in texts:
        settings = {"RELATIVE_BASE": datetime(rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28)),
                    "PREFER_DATES_FROM": rng.choice(("past", "future")), "PREFER_DAY_OF_MONTH": "first",
                    "DATE_ORDER": rng.choice(("DMY", "MDY"))}
        bounded._DATES.clear()
        assert bounded.parse_date(text, settings) == dateparser.parse(text, languages=["en"], settings=settings), text


def test_a_plain_numeric_date_reads_as_dateparser_reads_it():
    """Numeric dates with a four-digit year are read without dateparser where the date is valid in the order
    dateparser is told: the same datetime it gives, whatever the base and the preferred direction."""
    rng = random.Random(11)
    texts = [f"{rng.randint(900, 2999)}-{rng.randint(0, 14):02d}-{rng.randint(0, 33):02d}" for _ in range(60)]

    def part() -> str:
        return f"{rng.randint(0, 33):0{rng.choice((1, 2))}d}{rng.choice('/.')}"

    texts += [f"{part()}{part()}{rng.randint(900, 2999)}" for _ in range(800)]
    read = 0
    for text in texts:
        order = rng.choice(("DMY", "MDY"))
        plain = bounded.plain_numeric_date(text, order)
        if plain is None:
            continue
        read += 1
        settings = {"RELATIVE_BASE": datetime(rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28)),
                    "PREFER_DATES_FROM": rng.choice(("past", "future")), "PREFER_DAY_OF_MONTH": "first",
                    "DATE_ORDER": order}
        assert plain == dateparser.parse(text, languages=["en"], settings=settings), (text, order)
    assert read > 150
    assert bounded.plain_numeric_date("1/2/25", "DMY") is None  # a two-digit year's century is dateparser's call
    assert bounded.plain_numeric_date("31/2/2025", "DMY") is None


def _windows_with_ambiguous_units() -> list[tuple[str, str]]:
    """(number, tail) as quantities.py hands them to unit_reading: rows of numbers with units, where "m" and "k"
    each name several units, of a few shapes and many digits."""
    rng = random.Random(5)
    units = ("m", "k", "km", "kg", "people")
    return [(str(rng.randint(100, 999)), f" {rng.choice(units[:2])} {rng.randint(100, 999)} {rng.choice(units)}")
            for _ in range(300)]


def test_an_ambiguous_unit_is_read_as_quantulum3_reads_it_and_one_reading_serves_windows_that_choose_alike(
        monkeypatch):
    pairs = _windows_with_ambiguous_units()
    with monkeypatch.context() as library:  # quantulum3 as published: its own choice between units, each window
        library.setattr(bounded.quantulum_no_classifier, "disambiguate_no_classifier", bounded._library_disambiguate)
        expected = [bounded._quantulum_first(number + tail) for number, tail in pairs]
    assert {reading[1] for reading in expected if reading} >= {"metre", "kelvin"}
    asked: list[str] = []
    monkeypatch.setattr(bounded, "_AMBIGUOUS", {})
    real = bounded._quantulum_first
    monkeypatch.setattr(bounded, "_quantulum_first", lambda window: asked.append(window) or real(window))
    assert [bounded.unit_reading(number, tail) for number, tail in pairs] == expected
    assert len(asked) < len(pairs) / 4


def test_the_unit_patterns_read_each_window_as_quantulum3s_own_pattern_does():
    """The whole pattern (names as a tree of letters) and the pattern cut to a window's names, against the
    pattern quantulum3 builds itself (an alternation of every name)."""
    from workbench.extract.quantities import _NUMBER_FIRST, _WINDOW_TAIL

    texts = [*corpus_sentences(), *NUMBER_DENSE.values(), *BACKTRACKERS.values()]
    windows = []
    for text in texts:
        for m in re.finditer(r"(?<![\d.,])\d[\d.,]*", text[:3000]):
            tail = _WINDOW_TAIL.match(text, m.end(), m.end() + 80)
            if tail and not _NUMBER_FIRST.match(tail.group(0)):
                windows.append(m.group(0) + tail.group(0))
    windows = list(dict.fromkeys(windows))[::3]
    assert len(windows) > 300

    def read(window: str, pattern: re.Pattern[str]) -> list[tuple]:
        token = bounded._WINDOW_PATTERN.set(pattern)
        try:
            return [(q.span, q.surface, q.value, q.unit.name, q.unit.entity.name) for q in bounded.quantulum.parse(
                window)]
        finally:
            bounded._WINDOW_PATTERN.reset(token)

    theirs, ours = bounded._whole_units_regex("en_US"), bounded.whole_unit_pattern()
    assert ours.pattern != theirs.pattern
    for text in BACKTRACKERS.values():
        assert [m.groupdict() for m in ours.finditer(text[:2000])] == [m.groupdict() for m in theirs.finditer(
            text[:2000])]
    cut = 0
    for window in windows:
        expected = read(window, theirs)
        assert read(window, ours) == expected, window
        if (pattern := bounded._cut_to(window)) is not None:
            cut += 1
            assert len(pattern.pattern) < len(theirs.pattern) / 10
            assert read(window, pattern) == expected, window
    assert cut > len(windows) / 2
