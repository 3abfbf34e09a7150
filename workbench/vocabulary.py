"""The words a draft is read with: gathered from the tables' descriptions and the rules, compiled once.

Nothing here knows a topic: measures, entities and group nouns come from reference_data/, the words of
comparison, ranking and change from rules/checking.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.entities import EntityIndex
from workbench.reference import Measure, ReferencePack
from workbench.rules import RuleSet


def words_pattern(words: tuple[str, ...] | list[str], case: bool = False,
                  longer: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """Whole words or phrases, longest first; None when there are none. Not inside a longer phrase of
    `longer` ("runs" not in "home runs", which names another measure)."""
    if not words:
        return None
    body = "|".join(_not_inside(w, longer, re.escape(w).replace(r"\ ", r"\s+"))
                    for w in sorted(set(words), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", 0 if case else re.IGNORECASE)


def _not_inside(word: str, longer: tuple[str, ...], pattern: str) -> str:
    """A word's pattern guarded from matching as part of a longer phrase: the phrase's words before it (a
    fixed-width look-behind) and after it."""
    behind, ahead = [], []
    for phrase in longer:
        found = re.search(r"(?:^|(?<=\s))" + re.escape(word) + r"(?=\s|$)", phrase, re.IGNORECASE)
        if found is None or phrase.lower() == word.lower():
            continue
        before, after = phrase[:found.start()], phrase[found.end():]
        if before:
            behind.append("(?<!" + re.escape(before) + ")")
        if after:
            ahead.append("(?!" + re.escape(after).replace(r"\ ", r"\s+") + r"(?![\w-]))")
    return "".join(behind) + pattern + "".join(ahead)


@dataclass(frozen=True)
class MeasureWords:
    measure: Measure
    names: re.Pattern[str] | None
    context: re.Pattern[str] | None
    undivided: re.Pattern[str] | None = None  # a divided measure's words without the denominator
    targets: re.Pattern[str] | None = None  # the words of the targets set on it ("exceed the benchmark")


@dataclass(frozen=True)
class Vocabulary:
    entities: EntityIndex
    measures: tuple[MeasureWords, ...]
    measure_word: re.Pattern[str] | None  # any word of any measure: what "on ..." may name
    group: re.Pattern[str] | None  # what the tables call their entities together ("members", "countries")
    one_of_group: re.Pattern[str] | None  # one of them ("member", "country"): "the X member" is not X itself
    cutoff: re.Pattern[str] | None
    below: re.Pattern[str] | None
    above: re.Pattern[str] | None
    at_or_above: re.Pattern[str] | None
    rank_high: re.Pattern[str] | None
    rank_low: re.Pattern[str] | None
    rise: re.Pattern[str] | None
    fall: re.Pattern[str] | None
    over_a_year: re.Pattern[str] | None
    plans: re.Pattern[str] | None
    attributions: re.Pattern[str] | None
    object_verbs: re.Pattern[str] | None
    object_prepositions: tuple[str, ...]
    denominators: re.Pattern[str] | None
    differences: re.Pattern[str] | None
    now: re.Pattern[str] | None
    share_bases: re.Pattern[str] | None  # what the tables' shares are of ("output" of "of output"), and last words
    heads: re.Pattern[str] | None  # the last word of a measure's many-word names ("rate" of "murder rate")
    first_time: re.Pattern[str] | None

    def words_of(self, measure: Measure) -> MeasureWords | None:
        """The compiled words of one measure of the pack."""
        return next((w for w in self.measures if w.measure is measure), None)


_CACHE: dict[tuple[int, int], tuple[ReferencePack, RuleSet, Vocabulary]] = {}


def vocabulary_for(pack: ReferencePack, rules: RuleSet) -> Vocabulary:
    """Compiled once per loaded pack and rule set (both stay unchanged once loaded)."""
    key = (id(pack), id(rules))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is pack and cached[1] is rules:
        return cached[2]
    vocabulary = _build(pack, rules)
    remember(pack, rules, vocabulary)
    return vocabulary


def remember(pack: ReferencePack, rules: RuleSet, vocabulary: Vocabulary) -> None:
    """Keep a vocabulary for its pack and rules: also how one read from the start-up cache is used."""
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[(id(pack), id(rules))] = (pack, rules, vocabulary)


def _singulars(nouns: list[str]) -> list[str]:
    """Each plural noun in the singular ("countries" -> "country"), by inflect's rules."""
    import inflect  # quantulum3's own dependency, needed only when a vocabulary is built

    engine = inflect.engine()
    return [one for noun in nouns if (one := engine.singular_noun(noun))]


def _build(pack: ReferencePack, rules: RuleSet) -> Vocabulary:
    described = [t.description for t in pack.tables.values() if t.description]
    groups = [w for d in described for w in d.group_words]
    per = words_pattern(rules.word_list("measure_objects", "denominators"))
    measures = tuple(MeasureWords(m, words_pattern(m.words, longer=_others_words(pack, m)),
                                  words_pattern(m.context_words + _label_words(m.label)),
                                  _undivided(m.words, per), words_pattern(_words_of_targets_on(pack, m)))
                     for m in pack.measures)
    every_word = [w for m in pack.measures for w in (*m.words, *m.context_words)]

    def listed(section: str, key: str) -> re.Pattern[str] | None:
        return words_pattern(rules.word_list(section, key))

    return Vocabulary(
        entities=EntityIndex(pack.entity_names, [*rules.aliases, *(a for d in described for a in d.aliases)],
                             totals=[a for d in described for a in d.aggregates]), measures=measures,
        measure_word=words_pattern(every_word), group=words_pattern(groups + list(_vague_subjects())),
        one_of_group=words_pattern(_singulars(groups)),
        cutoff=words_pattern(rules.cutoffs), below=listed("comparisons", "below"),
        above=listed("comparisons", "above"), at_or_above=listed("comparisons", "at_or_above"),
        rank_high=listed("ranks", "high"), rank_low=listed("ranks", "low"),
        rise=listed("changes", "rise"), fall=listed("changes", "fall"),
        over_a_year=listed("changes", "over_a_year"),
        plans=words_pattern(rules.plans), attributions=listed("sources", "attributions"),
        object_verbs=listed("measure_objects", "verbs"),
        object_prepositions=rules.word_list("measure_objects", "prepositions"),
        denominators=per,
        differences=listed("comparisons", "differences"), now=listed("periods", "now"),
        share_bases=words_pattern(_share_bases(pack)), first_time=listed("ranks", "first_time"),
        heads=words_pattern([w.split()[-1] for m in pack.measures for w in m.words if len(w.split()) > 1]))


def _words_of_targets_on(pack: ReferencePack, measure: Measure) -> list[str]:
    """The words of the targets whose description names this measure as what they are a cut-off for."""
    return [w for target in pack.targets.get(measure.metric, ()) for w in target.words]


def _others_words(pack: ReferencePack, measure: Measure) -> tuple[str, ...]:
    """The other measures' words that are phrases: a word of this measure inside one names that measure."""
    return tuple(w for m in pack.measures if m is not measure for w in m.words if " " in w)


def _share_bases(pack: ReferencePack) -> list[str]:
    """"of output", "of the labour force": what a measure is a share of, whole and by its last word."""
    bases = [w[3:] for m in pack.measures for w in (*m.words, *m.context_words) if w.lower().startswith("of ")]
    return bases + [b.split()[-1] for b in bases if b.split()]


_PLAIN = {"share", "number", "total", "level", "value", "amount", "figure", "with", "from", "that", "this", "their",
          "which", "into", "over", "per"}


def _undivided(words: tuple[str, ...], per: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """"income per capita" without its denominator ("income"): "income was $4,959 per person" names it
    apart."""
    if per is None or not any(per.search(w) for w in words):
        return None
    stripped = (" ".join(per.sub(" ", w).split()) for w in words if per.search(w))
    return words_pattern([w for w in stripped if w])


@lru_cache(maxsize=256)
def label_pattern(label: str) -> re.Pattern[str] | None:
    """A measure's label words as one pattern (compiled once a label)."""
    return words_pattern(list(_label_words(label)))


def _label_words(label: str) -> tuple[str, ...]:
    """The words of a measure's label ("fertility rate": "fertility", "rate"), as support for a reading; not
    those of its qualifier in brackets ("(seasonally adjusted annual rate)"), which say how, not what."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]{3,}", re.sub(r"\([^)]*\)", " ", label)) if w.lower() not in _PLAIN]
    return tuple(words + [w + "s" for w in words if not w.endswith("s")])


@lru_cache(maxsize=1)
def _vague_subjects() -> tuple[str, ...]:
    """The nouns vague quantifiers quantify (rules/vague_quantifiers.yaml), also group nouns for counting."""
    from workbench.extract.vague import vague_subjects

    return vague_subjects()
