"""A deterministic corpus of news-style text for benchmarks: templated sentences with varied numbers,
dates, countries and amounts, mixed with the prose of the sample drafts, in ~3 kB articles."""

from __future__ import annotations

import random

from workbench import SAMPLES_DIR

COUNTRIES = ["Poland", "Estonia", "Latvia", "Lithuania", "Germany", "France", "Italy", "Spain", "Canada",
             "Norway", "Denmark", "Sweden", "Finland", "Romania", "Greece", "Turkey", "Britain", "Belgium"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TEMPLATES = [
    "{c} spent {p:.2f}% of GDP on defence in {y}, up from {p2:.1f}% in {y0}.",
    "The NATO summit, held on {m} {d}-{d2}, agreed to raise spending to {n}% of GDP by {yf}.",
    "Officials said {c} would add €{b} billion over {k} years, starting in {mo} {yf}.",
    "Some {a} of the {t} allies met the {n}% target last year, according to the alliance.",
    "Defence budgets rose {pp:.1f} percentage points between {y0} and {y}.",
    "Only a handful of members have met the goal, while most nations lag behind.",
    "The ministry ordered {a} tanks and {b}m rounds of ammunition on {d} {mo} {y}.",
    "{c}'s parliament approved a budget of ${b}bn, about {p:.1f} per cent of output.",
    "Talks are scheduled for {mo} {d}, and a review will follow in Q{q} {yf}.",
    "More than {a},000 troops took part in exercises that lasted {k} weeks.",
    "Article 5 was invoked once, and F-35 deliveries to {c} slipped to {yf}.",
    "Between {a} and {t} allies are expected to reach {n}% by the end of the decade.",
]


def articles(count: int, seed: int = 2025, size: int = 3000) -> list[str]:
    """`count` articles of about `size` characters each, the same on every run."""
    return list(iter_articles(count, seed, size))


def iter_articles(count: int, seed: int = 2025, size: int = 3000):
    """The articles of `articles`, one at a time (for corpora larger than memory should hold)."""
    rng = random.Random(seed)
    prose = [line for path in sorted(SAMPLES_DIR.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for _ in range(count):
        sentences = []
        while sum(len(s) for s in sentences) < size:
            if rng.random() < 0.5:
                sentences.append(rng.choice(prose))
                continue
            y = rng.randint(2014, 2024)
            sentences.append(rng.choice(TEMPLATES).format(
                c=rng.choice(COUNTRIES), p=rng.uniform(0.8, 4.5), p2=rng.uniform(0.8, 3), y=y,
                y0=rng.randint(2000, y - 1), yf=rng.randint(2025, 2035), m=rng.choice(MONTHS[:11]),
                mo=rng.choice(MONTHS), d=rng.randint(1, 20), d2=rng.randint(21, 28), n=rng.choice([2, 3, 3.5, 5]),
                b=rng.randint(2, 900), k=rng.randint(2, 12), a=rng.randint(2, 30), t=rng.randint(31, 32),
                pp=rng.uniform(0.1, 2), q=rng.randint(1, 4)))
        yield " ".join(sentences)
