"""python -m workbench ...: a thin shell over the pipeline's functions (DESIGN.md command-line contract)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from datetime import date

from workbench.documents import Document, DocumentError, read_document
from workbench.extract import extract_mentions
from workbench.model import Mention


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m workbench", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="list every number and date in the drafts")
    extract.add_argument("--pub-date", type=_iso_date, default=date.today(),
                         help="publication date the relative dates resolve against (default: today)")
    extract.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="draft files, or - for standard input")
    check = commands.add_parser("check", help="check every number and date against the reference data")
    check.add_argument("--pub-date", type=_iso_date, default=date.today(),
                       help="publication date: relative dates and reference editions are read as of it")
    check.add_argument("--format", choices=("jsonl", "table", "csv"), default="jsonl")
    check.add_argument("paths", nargs="+", metavar="PATH", help="draft files, or - for standard input")
    return parser


def _table(rows: list[tuple[str, Mention]]) -> str:
    import pandas as pd  # only the table format needs it

    if not rows:
        return "(no mentions)"
    frame = pd.DataFrame([{"doc": doc, "start": m.start, "end": m.end, "kind": m.kind, "text": m.text,
                           "reading": m.describe()} for doc, m in rows])
    return frame.to_string(index=False)


class _Drafts:
    """The drafts named on the command line, in order; each unreadable one is reported and skipped."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        self.failed = 0

    def __iter__(self) -> Iterator[Document]:
        for name in self.paths:
            try:
                yield read_document(name)
            except DocumentError as error:
                print(f"workbench: {error}", file=sys.stderr)
                self.failed += 1

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def run_extract(args: argparse.Namespace) -> int:
    drafts = _Drafts(args.paths)
    rows: list[tuple[str, Mention]] = []
    for document in drafts:
        for mention in extract_mentions(document.text, args.pub_date):
            if args.format == "jsonl":
                print(json.dumps(mention.to_record(document.name), ensure_ascii=False))
            else:
                rows.append((document.name, mention))
    if args.format == "table":
        print(_table(rows))
    return drafts.exit_code


def _load_checking() -> tuple:
    """Reference data and rules; what failed to load is said on stderr, and the rest is used."""
    from workbench.reference import load_reference
    from workbench.rules import load_rules

    pack, rules = load_reference(), load_rules()
    for problem in pack.errors + rules.errors:
        print(f"workbench: refused: {problem}", file=sys.stderr)
    return pack, rules


def run_check(args: argparse.Namespace) -> int:
    from workbench.check import check_text

    pack, rules = _load_checking()
    drafts = _Drafts(args.paths)
    records: list[dict] = []
    for document in drafts:
        for checked in check_text(document.text, args.pub_date, pack, rules):
            record = checked.to_record(document.name)
            if args.format == "jsonl":
                print(json.dumps(record, ensure_ascii=False))
            else:
                records.append(record)
    if args.format == "table":
        print(_claims_table(records))
    elif args.format == "csv":
        _claims_csv(records)
    return drafts.exit_code


def _claims_table(records: list[dict]) -> str:
    import pandas as pd

    if not records:
        return "(no claims)"
    frame = pd.DataFrame(records)[["doc", "start", "text", "verdict", "explanation"]]
    return frame.to_string(index=False, max_colwidth=100)


def _claims_csv(records: list[dict]) -> None:
    import pandas as pd

    columns = ["doc", "claim_id", "start", "end", "text", "kind", "value", "value_max", "unit", "approx", "vague",
               "start_date", "end_date", "granularity", "sentence", "verdict", "rule", "explanation", "sources"]
    for record in records:
        record["sources"] = " ".join(e["source_url"] for e in record["evidence"])
    pd.DataFrame(records, columns=columns).to_csv(sys.stdout, index=False)


COMMANDS = {"extract": run_extract, "check": run_check}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # "| head": the reader has gone, which is not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing at exit flush
        return 0
