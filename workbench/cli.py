"""python -m workbench ...: a thin shell over the pipeline's functions (DESIGN.md command-line contract)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

from workbench.documents import DocumentError, read_document
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
    return parser


def _table(rows: list[tuple[str, Mention]]) -> str:
    import pandas as pd  # only the table format needs it

    if not rows:
        return "(no mentions)"
    frame = pd.DataFrame([{"doc": doc, "start": m.start, "end": m.end, "kind": m.kind, "text": m.text,
                           "reading": m.describe()} for doc, m in rows])
    return frame.to_string(index=False)


def run_extract(args: argparse.Namespace) -> int:
    failed = 0
    rows: list[tuple[str, Mention]] = []
    for name in args.paths:
        try:
            document = read_document(name)
        except DocumentError as error:
            print(f"workbench: {error}", file=sys.stderr)
            failed += 1
            continue
        mentions: list[Mention] = extract_mentions(document.text, args.pub_date)
        if args.format == "jsonl":
            for mention in mentions:
                print(json.dumps(mention.to_record(name), ensure_ascii=False))
        else:
            rows.extend((name, mention) for mention in mentions)
    if args.format == "table":
        print(_table(rows))
    return 1 if failed else 0


COMMANDS = {"extract": run_extract}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # "| head": the reader has gone, which is not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing at exit flush
        return 0
