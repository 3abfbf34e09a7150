"""mentions -> claims: each mention in its sentence, with the context the checker reads."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

from workbench.extract import extract_sentence, split_sentences
from workbench.model import Mention, Sentence
from workbench.rules import RuleSet


@dataclass(frozen=True)
class SentenceContext:
    """What every claim of one sentence shares; built once per sentence, not once per claim."""

    mentions: tuple[Mention, ...]
    entities: tuple[str, ...]  # reference entities the sentence names, in order
    year_mentions: tuple[Mention, ...]  # years that give a period ("in 2024")
    percent_mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Claim:
    claim_id: str  # the same for the same sentence and mention, whatever else in the draft changed
    mention: Mention
    sentence: Sentence
    context: SentenceContext

    @property
    def entities(self) -> tuple[str, ...]:
        return self.context.entities

    @property
    def years(self) -> list[int]:
        """Years the sentence gives as a period ("in 2024"), other than the claim itself."""
        return [m.start_date.year for m in self.context.year_mentions if m is not self.mention]

    @property
    def percents(self) -> list[Mention]:
        return [m for m in self.context.percent_mentions if m is not self.mention]

    def before(self, characters: int = 40) -> str:
        """The sentence text just before the mention."""
        offset = self.mention.start - self.sentence.start
        return self.sentence.text[max(0, offset - characters):offset]


def claim_id_for(sentence: Sentence, mention: Mention, occurrence: int) -> str:
    """Stable over re-runs and edits elsewhere: sentence text, place in it, text, and which repeat."""
    key = "\x1f".join([sentence.text, str(mention.start - sentence.start), mention.text, str(occurrence)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def build_claims(text: str, pub_date: date, rules: RuleSet) -> list[Claim]:
    """Every mention of `text` as a claim, in document order."""
    claims: list[Claim] = []
    repeats: Counter[str] = Counter()
    for sentence in split_sentences(text):
        mentions = tuple(extract_sentence(sentence, pub_date))
        if not mentions:
            continue
        occurrence = repeats[sentence.text]
        repeats[sentence.text] += 1
        context = SentenceContext(
            mentions, tuple(rules.entities_in(sentence.text)),
            tuple(m for m in mentions if m.kind == "date" and m.granularity == "year"),
            tuple(m for m in mentions if m.unit == "percent"))
        claims.extend(Claim(claim_id_for(sentence, m, occurrence), m, sentence, context) for m in mentions)
    return claims
