"""Hostile inputs shared by the adversarial tests and benchmarks/regex_worst_case.py."""

import random
import sys
import unicodedata

ALL_DIGITS = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Nd")
ALL_DASHES = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Pd")


def repeated(unit: str, size: int = 10_000) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# 10 kB texts built to make a careless regular expression backtrack
BACKTRACKERS = {
    "digits and commas": repeated("1,"),
    "digit dashes": repeated("1-"),
    "decimal points": repeated("1."),
    "spaced numbers": repeated("1 "),
    "month day dashes": repeated("June 1-"),
    "day month chains": repeated("1 June to "),
    "between and": repeated("between 1 and "),
    "from to": repeated("from 2014 to "),
    "currency symbols": repeated("$"),
    "currency and digits": repeated("$1"),
    "percent signs": repeated("%"),
    "letters hyphen digits": repeated("A-1"),
    "capitals and digits": repeated("AB1"),
    "phone-like": repeated("12 34 "),
    "open parentheses": repeated("("),
    "words of numbers": repeated("one hundred and "),
    "vague words": repeated("many of the "),
    "quarters": repeated("Q1 "),
    "abbreviations": repeated("Dr. "),
    "a million digits (first 10 kB)": "9" * 10_000,
    "every digit form": repeated(ALL_DIGITS),
    "every dash": repeated(ALL_DASHES + "5"),
    "right to left": repeated("\u200fשלום 5% \u200e"),
    "no spaces": repeated("abcdefghij"),
}


def number_dense(shape: str, size: int = 10_000, seed: int = 13) -> str:
    """Text that is nearly all numbers, as a pasted spreadsheet or a scraped table gives: every number a
    reader could hand to quantulum3 or dateparser, each one different."""
    rng = random.Random(f"{shape}/{seed}")
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
             "twenty", "thirty", "forty", "hundred", "thousand", "million", "half", "quarter", "third"]
    units = ("km", "years", "tonnes", "kg", "m", "people", "weeks", "miles", "litres", "k")

    def cell() -> str:
        return rng.choice([str(rng.randint(0, 99_999)), f"{rng.uniform(0, 100):.2f}", f"{rng.randint(1, 99)}%",
                           f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/20{rng.randint(10, 25)}",
                           f"${rng.randint(1, 999)}m", f"{rng.randint(1, 999)} {rng.choice(units)}", rng.choice(words)])

    makers = {
        "number words": lambda: " ".join(rng.choice(words) for _ in range(rng.randint(3, 15))),
        "spreadsheet rows": lambda: "\t".join(cell() for _ in range(rng.randint(4, 12))),
        "numbers and units": lambda: " ".join(f"{rng.randint(1, 999)} {rng.choice(units)}" for _ in range(8)),
        "numeric dates": lambda: ", ".join(f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1990, 2030)}"
                                           for _ in range(8)),
    }
    lines: list[str] = []
    total = 0
    while total < size:
        lines.append(makers[shape]() if shape in makers else rng.choice(list(makers.values()))())
        total += len(lines[-1]) + 1
    return "\n".join(lines)[:size]


# 10 kB texts of numbers, one line each and one row a line: what made quantulum3 and dateparser stall
NUMBER_DENSE = {
    **{f"{shape}, one row a line": number_dense(shape) for shape in ("number words", "spreadsheet rows",
                                                                      "numbers and units", "numeric dates", "mixed")},
    **{f"{shape}, one line": number_dense(shape).replace("\n", " ") for shape in ("number words", "spreadsheet rows",
                                                                                  "mixed")},
}
INJECTIONS = [
    "<script>alert(1)</script> spent 5% of GDP",
    "<img src=x onerror=alert(1)> in 2024",
    "[click](javascript:alert(1)) **5%**",
    "=HYPERLINK(\"http://evil\",\"5%\")",
    "+cmd|' /C calc'!A0 and 2%",
    "@SUM(1+1) in June 2025",
    "\t=1+1 and 3%",
    "{{7*7}} ${7*7} %s %n 5%",
]
