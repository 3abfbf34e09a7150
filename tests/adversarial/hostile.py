"""Hostile inputs shared by the adversarial tests and benchmarks/regex_worst_case.py."""

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
