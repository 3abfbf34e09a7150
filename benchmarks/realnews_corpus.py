"""Real news text for speed benchmarks, shipped with the project: the sentences of published articles in
tests/realnews/ (each kept with its URL; tests/realnews/README.md), put back together article by article
(headline, the earlier sentences kept as context, then the labelled sentences, in order), and the two
sample drafts. About 80 articles and 7,000 words: small, but every word was written by a newsroom, so the
mix of numbers, dates and prose is what the workbench meets, unlike a templated corpus."""

from __future__ import annotations

import yaml

from workbench import PROJECT_DIR, SAMPLES_DIR

REALNEWS = PROJECT_DIR / "tests" / "realnews"


def articles() -> list[str]:
    """Each article's text, in file order; sentences appear once, as in the article."""
    by_url: dict[str, list[str]] = {}
    for path in sorted(REALNEWS.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            parts = by_url.setdefault(item["url"], [])
            for sentence in [item.get("title") or "", *(item.get("context") or []), item["sentence"]]:
                if sentence and sentence not in parts:
                    parts.append(sentence)
    texts = ["\n".join(parts) for parts in by_url.values()]
    return texts + [path.read_text(encoding="utf-8") for path in sorted(SAMPLES_DIR.glob("*.txt"))]


def draft(words: int = 1500) -> str:
    """One draft of at least `words` words: whole real articles, one after another."""
    chosen: list[str] = []
    for text in articles():
        chosen.append(text)
        if sum(len(t.split()) for t in chosen) >= words:
            break
    return "\n\n".join(chosen)
