"""Raw quantulum3 + dateparser, mapped onto the extract contract as fairly as they allow.

This is what the workbench is measured against: quantulum3's `parse` for quantities and dateparser's
`search_dates` for dates, on the same text, with their output read into Mentions.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime

from workbench.model import Mention

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from dateparser.search import search_dates
    from quantulum3 import parser as quantulum

RAW_UNITS = {"percentage": "percent", "dimensionless": "count"}


def raw_mentions(text: str, pub_date: date) -> list[Mention]:
    mentions = []
    for q in quantulum.parse(text):
        unit = getattr(q.unit, "currency_code", None) or RAW_UNITS.get(q.unit.name, q.unit.name)
        value_max = None
        if q.uncertainty:
            value, value_max = q.value - q.uncertainty, q.value + q.uncertainty
        else:
            value = q.value
        mentions.append(Mention(q.span[0], q.span[1], text[q.span[0]:q.span[1]], "quantity", value=value,
                                value_max=value_max, unit=unit))
    settings = {"RELATIVE_BASE": datetime(pub_date.year, pub_date.month, pub_date.day)}
    cursor = 0
    for surface, when in search_dates(text, languages=["en"], settings=settings) or []:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        mentions.append(Mention(start, cursor, surface, "date", start_date=when.date(), end_date=when.date(),
                                granularity="day"))
    return sorted(mentions, key=lambda m: m.start)
