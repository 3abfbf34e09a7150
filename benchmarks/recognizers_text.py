"""Outside yardstick: Microsoft Recognizers-Text English specs, mapped onto the extract contract.

Prints a pass rate per spec file for the categories the workbench handles: numbers, percentages,
number ranges, currency (the ISO codes we resolve), dimensions, and dates and date ranges. A case is
applicable when every result it expects is of a handled category (a case expecting nothing counts:
finding nothing is then the right answer); it passes when each expected result is matched by one of
our mentions (overlapping span, same value or dates) and we add no mention of that category.

Deliberate differences of convention, not counted as failures, are listed in DIFFERENT_BY_DESIGN.

    python benchmarks/recognizers_text.py [--failures FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench import PROJECT_DIR
from workbench.extract import extract_mentions
from workbench.model import Mention

SPECS = PROJECT_DIR.parent / "shared" / "eval" / "recognizers-text"
DEFAULT_REFERENCE = date(2016, 11, 7)
CURRENCIES = {
    "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Chinese yuan": "CNY", "Pound": "GBP",
    "British pound": "GBP", "Canadian dollar": "CAD", "Japanese yen": "JPY", "Swiss franc": "CHF",
    "Australian dollar": "AUD", "Turkish lira": "TRY", "Hong Kong dollar": "HKD", "New Zealand dollar": "NZD",
}
# Deliberate differences of convention, each with its reason; a case that passes only under one of
# them is counted in the "by design" column, not as a pass or a failure.
DIFFERENT_BY_DESIGN = {
    "year read as a date": "a year that locates something in time is a date, never a number (DESIGN.md)",
    "range end": "'from 2014 to 2018', 'March to May' include the last year or month (DESIGN.md); the specs "
                 "end such ranges where the last period starts",
}


@dataclass
class Expected:
    start: int
    end: int  # exclusive
    check: Callable[[Mention], bool]
    by_design: Callable[[Mention], bool] | None = None  # passes only under DIFFERENT_BY_DESIGN


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _float(text: object) -> float | None:
    try:
        return float(str(text).rstrip("%"))
    except ValueError:
        return None


def _number(result: dict) -> Expected | None:
    value = _float(result["Resolution"].get("value"))
    if value is None:
        return None
    return Expected(result["Start"], result["End"] + 1, lambda m: m.kind == "quantity" and _close(m.value, value))


def _percent(result: dict) -> Expected | None:
    value = _float(result["Resolution"].get("value"))
    if value is None:
        return None
    return Expected(result["Start"], result["End"] + 1,
                    lambda m: m.kind == "quantity" and m.unit == "percent" and _close(m.value, value))


def _range(result: dict) -> Expected | None:
    text = result["Resolution"]["value"]
    low_text, high_text = text[1:-1].split(",")
    low, high = _float(low_text) if low_text else None, _float(high_text) if high_text else None

    def check(m: Mention) -> bool:
        if m.kind != "quantity":
            return False
        if m.value_max is not None:
            return _close(m.value, low) and _close(m.value_max, high)
        if low is None:
            return m.approx in ("less_than", "at_most") and _close(m.value, high)
        if high is None:
            return m.approx in ("more_than", "at_least") and _close(m.value, low)
        return False

    return Expected(result["Start"], result["End"] + 1, check)


def _currency(result: dict) -> Expected | None:
    code = CURRENCIES.get(result["Resolution"].get("unit"))
    value = _float(result["Resolution"].get("value"))
    if code is None or value is None:
        return None
    return Expected(result["Start"], result["End"] + 1, lambda m: m.unit == code and _close(m.value, value))


def _unit_name(name: str) -> str:
    name = name.lower().replace("meter", "metre").replace("liter", "litre")
    return {"metric ton": "tonne", "ton": "short ton"}.get(name, name)


def _dimension(result: dict) -> Expected | None:
    unit, value = _unit_name(result["Resolution"].get("unit", "")), _float(result["Resolution"].get("value"))
    if value is None:
        return None
    return Expected(result["Start"], result["End"] + 1, lambda m: m.unit == unit and _close(m.value, value))


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _date(result: dict) -> Expected | None:
    kind = result.get("TypeName") or result.get("Typename")
    values = result["Resolution"].get("values") or []
    if kind == "datetimeV2.date":
        days = {_iso(v["value"]) for v in values if "value" in v} - {None}
        if not days:
            return None
        return Expected(result["Start"], result["End"] + 1,
                        lambda m: m.kind == "date" and m.start_date == m.end_date and m.start_date in days)
    if kind == "datetimeV2.daterange":
        bounds = {(_iso(v["start"]), _iso(v["end"])) for v in values
                  if _iso(v.get("start", "")) and _iso(v.get("end", ""))}
        if not bounds:
            return None
        spans = {(start, end - timedelta(days=1)) for start, end in bounds}

        def last_period_starts(m: Mention) -> bool:
            if m.kind != "date" or m.granularity not in ("month", "year"):
                return False
            last = m.end_date.replace(day=1) if m.granularity == "month" else m.end_date.replace(month=1, day=1)
            return (m.start_date, last) in bounds

        return Expected(result["Start"], result["End"] + 1,
                        lambda m: m.kind == "date" and (m.start_date, m.end_date) in spans, last_period_starts)
    return None


# spec file -> (how an expected result is read, which of our mentions belong to its category)
FILES: dict[str, tuple[Callable[[dict], Expected | None], Callable[[Mention], bool]]] = {
    "Number/English/NumberModel.json": (_number, lambda m: m.kind == "quantity"),
    "Number/English/PercentModel.json": (_percent, lambda m: m.unit == "percent"),
    "Number/English/NumberRangeModel.json": (_range, lambda m: m.value_max is not None or m.approx is not None),
    "NumberWithUnit/English/CurrencyModel.json": (_currency, lambda m: m.unit in set(CURRENCIES.values())),
    "NumberWithUnit/English/DimensionModel.json": (_dimension, lambda m: m.kind == "quantity" and m.unit not in (
        "count", "percent", "fraction", *CURRENCIES.values())),
    "DateTime/English/DateTimeModel.json": (_date, lambda m: m.kind == "date"),
}


@dataclass
class FileResult:
    name: str
    cases: int = 0
    applicable: int = 0
    passed: int = 0
    by_design: int = 0

    @property
    def rate(self) -> float:
        return 100 * self.passed / self.applicable if self.applicable else 0.0


def _reference(case: dict) -> date:
    text = (case.get("Context") or {}).get("ReferenceDateTime")
    return date.fromisoformat(text[:10]) if text else DEFAULT_REFERENCE


def _matches(expected: list[Expected], found: list[Mention], strict: bool) -> bool:
    """Each expected result met by its own mention, and no mention left over."""
    unmatched = list(found)
    for want in expected:
        check = want.check if strict or want.by_design is None else want.by_design
        match = next((m for m in unmatched if m.start < want.end and want.start < m.end
                      and (check(m) or want.check(m))), None)
        if match is None:
            return False
        unmatched.remove(match)
    return not unmatched


def evaluate(specs: Path = SPECS, failures: list[str] | None = None) -> list[FileResult]:
    results = []
    for name, (read, ours) in FILES.items():
        outcome = FileResult(name)
        for case in json.loads((specs / name).read_text(encoding="utf-8-sig")):
            outcome.cases += 1
            expected = [read(r) for r in case.get("Results", [])]
            if any(e is None for e in expected):
                continue
            outcome.applicable += 1
            everything = extract_mentions(case["Input"], _reference(case))
            found = [m for m in everything if ours(m)]
            if _matches(expected, found, strict=True):
                outcome.passed += 1
            elif _matches(expected, found, strict=False) or (
                    name.startswith("Number/") and any(m.kind == "date" and m.granularity == "year"
                                                      for m in everything)):
                outcome.applicable -= 1
                outcome.by_design += 1
            elif failures is not None:
                failures.append(f"{name}: {case['Input']!r}\n    expected {[r['Text'] for r in case['Results']]}"
                                f"\n    found {[(m.text, m.describe()) for m in found]}")
        results.append(outcome)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=Path, help="write the failing cases to this file")
    args = parser.parse_args()
    failures: list[str] = []
    results = evaluate(failures=failures)
    print(f"{'spec file':45} {'cases':>6} {'scored':>7} {'passed':>7} {'rate':>7} {'by design':>10}")
    for r in results:
        print(f"{r.name:45} {r.cases:6} {r.applicable:7} {r.passed:7} {r.rate:6.1f}% {r.by_design:10}")
    if args.failures:
        args.failures.write_text("\n".join(failures), encoding="utf-8")


if __name__ == "__main__":
    main()
