"""Every hostile text through extraction and checking: a correct result or a clear error, never a
traceback or a hang (each case runs under an alarm that turns a hang into a failure)."""

import itertools
import json
import signal
import subprocess
import sys
from contextlib import contextmanager
from datetime import date

import pytest

from tests.adversarial.hostile import ALL_DASHES, ALL_DIGITS, BACKTRACKERS, INJECTIONS
from workbench import PROJECT_DIR
from workbench.check import check_text
from workbench.extract import extract_mentions
from workbench.reference import load_reference
from workbench.rules import load_rules

PUB = date(2025, 7, 1)
PACK, RULES = load_reference(), load_rules()


@contextmanager
def no_hang(seconds: int):
    def give_up(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def well_formed(text, mentions):
    return all(text[m.start:m.end] == m.text for m in mentions) and all(
        a.end <= b.start for a, b in itertools.pairwise(mentions))


@pytest.mark.parametrize("name", list(BACKTRACKERS))
def test_backtracking_bait_is_read_without_hanging(name):
    text = BACKTRACKERS[name]
    with no_hang(20):
        mentions = extract_mentions(text, PUB)
        checked = check_text(text, PUB, PACK, RULES)
    assert well_formed(text, mentions) and len(checked) == len(mentions)


@pytest.mark.parametrize("text", INJECTIONS)
def test_injections_are_just_text(text):
    checked = check_text(text, PUB, PACK, RULES)
    for c in checked:
        assert text[c.claim.mention.start:c.claim.mention.end] == c.claim.mention.text


def test_every_unicode_digit_and_dash_and_a_million_digits():
    assert len(ALL_DIGITS) > 600 and len(ALL_DASHES) > 20
    for text in (ALL_DIGITS, f"It rose 5{ALL_DASHES}6% in 2014{ALL_DASHES[1]}2024.", "9" * 1_000_000):
        with no_hang(60):
            assert well_formed(text, extract_mentions(text, PUB))


def test_ten_megabytes_with_mixed_line_endings():
    unit = "Poland spent 4.12% of GDP on defence in 2024.\r\nThe summit was on June 24-25.\rNo numbers here.\n"
    text = unit * (10_000_000 // len(unit) + 1)
    with no_hang(300):
        mentions = extract_mentions(text, PUB)
    assert len(mentions) == 3 * (10_000_000 // len(unit) + 1)
    assert well_formed(text, mentions[:100])


def test_the_command_line_reads_every_hostile_file_or_says_why(tmp_path):
    files = {
        "empty.txt": b"", "spaces.txt": b"  \n\t\r\n", "binary.bin": bytes(range(256)) * 4,
        "latin1.txt": "Défense: 2 % du PIB".encode("latin-1"),
        "utf16-bom.txt": "Spending reached 2.1% in 2024.".encode("utf-16"),
        "utf16-nobom.txt": "Spending reached 2.1% in 2024.".encode("utf-16-le"),
        "utf8-bom.txt": "\ufeffSpending reached 2.1% in 2024.".encode(),
        "mixed-endings.txt": b"5% in 2024.\r\n6% in 2025.\r7% in 2026.\n",
        "injection.html": b"<html><script>alert(1)</script><p>=HYPERLINK(\"x\") 5% in 2024</p></html>",
        "broken.docx": b"PK\x03\x04 not really a zip",
        "big.txt": ("Poland spent 4.12% of GDP in 2024. " * 60_000).encode(),  # 2 MB on one line
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in files]
    for command in ("extract", "check"):
        result = subprocess.run([sys.executable, "-m", "workbench", command, "--pub-date", "2025-07-01", *paths],
                                cwd=PROJECT_DIR, capture_output=True, timeout=600)
        errors = result.stderr.decode().splitlines()
        assert result.returncode == 1 and "Traceback" not in result.stderr.decode()
        assert [e.split(": ", 2)[2] for e in errors] == [
            "the draft is empty", "the draft is empty",
            "this file is not text saved as UTF-8 (byte 128 cannot be read). Save it as UTF-8 text, "
        "a Word (.docx) or a web page (.html), then try again.",
            "this file is not text saved as UTF-8 (byte 1 cannot be read). Save it as UTF-8 text, "
        "a Word (.docx) or a web page (.html), then try again.",
            "looks like UTF-16 text without a byte-order mark; save it as UTF-8",
            "not a readable Word (.docx) file (BadZipFile)"]
        docs = {json.loads(line)["doc"].rsplit("/", 1)[1] for line in result.stdout.decode().splitlines()}
        assert docs == {"utf16-bom.txt", "utf8-bom.txt", "mixed-endings.txt", "injection.html", "big.txt"}
