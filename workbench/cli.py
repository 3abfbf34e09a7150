"""python -m workbench ...: a thin shell over the pipeline's functions (DESIGN.md command-line contract)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.documents import Document, DocumentError, read_document
from workbench.extract import iter_mentions, overruns
from workbench.model import Mention

if TYPE_CHECKING:  # the checker is imported only by the commands that check
    from workbench.check import CheckedClaim


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
    check.add_argument("--db", type=Path, help="store the checked claims in this SQLite file")
    check.add_argument("paths", nargs="+", metavar="PATH", help="draft files, or - for standard input")
    review = commands.add_parser("review", help="record a reviewer's verdict on a stored claim")
    review.add_argument("claim_id", metavar="CLAIM_ID")
    review.add_argument("--verdict", required=True, help="supported, contradicted, needs_review or unverifiable")
    review.add_argument("--reviewer", required=True, help="who decides (recorded in the audit trail)")
    review.add_argument("--note", default="", help="why, in a sentence")
    review.add_argument("--doc", help="the document, when the same claim id is in several")
    history = commands.add_parser("history", help="print the audit trail of a stored claim")
    history.add_argument("claim_id", metavar="CLAIM_ID")
    history.add_argument("--doc", help="the document, when the same claim id is in several")
    export = commands.add_parser("export", help="export stored claims as verified CSV or ClaimReview JSON-LD")
    export.add_argument("--format", choices=("csv", "claimreview"), default="csv")
    export.add_argument("--only", choices=("reviewed", "flagged", "all"), default="all")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument("--bom", action="store_true", help="CSV with a UTF-8 byte-order mark, for Excel")
    export.add_argument("--organisation", default="Fact-check desk", help="ClaimReview author")
    export.add_argument("--site-url", help="page the fact-checks are published on (ClaimReview url)")
    export.add_argument("--doc", help="export this document only (its name as stored)")
    export.add_argument("--article-url", help="with --doc: the published article's URL, stored for later exports")
    batch = commands.add_parser("batch", help="check many drafts: folders, JSON Lines or CSV; resumable")
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="folders of drafts, .jsonl or .csv files")
    batch.add_argument("--out", type=Path, required=True, help="results file (written as documents finish)")
    batch.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    batch.add_argument("--workers", type=int, help="processes (default: all cores)")
    batch.add_argument("--text-field", default="text", help="text column or field of JSON Lines and CSV inputs")
    batch.add_argument("--pub-date-field", default="pub_date", help="publication-date column or field")
    batch.add_argument("--pub-date", type=_iso_date, default=date.today(),
                       help="publication date for drafts that carry none (default: today)")
    batch.add_argument("--engine", choices=("processes", "dask"), default="processes")
    batch.add_argument("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster")
    batch.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    for command in (review, history, export):
        command.add_argument("--db", type=Path, help="SQLite file (default: $WORKBENCH_DB or data/workbench.db)")
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


@contextmanager
def _overruns_reported(name: str) -> Iterator[None]:
    """One line on stderr for each sentence of the draft that had more numbers than the libraries may read."""
    with overruns() as notes:
        yield
    for note in notes:
        print(f"workbench: {name}: {note}", file=sys.stderr)


_JSONL = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps with an option builds a new one a record


def _print_jsonl(record: dict) -> None:
    """One JSON Lines record, written at once (one write a record, not print's two: a hostile draft has ~100,000
    records a megabyte)."""
    sys.stdout.write(_JSONL.encode(record) + "\n")


def run_extract(args: argparse.Namespace) -> int:
    drafts = _Drafts(args.paths)
    rows: list[tuple[str, Mention]] = []
    for document in drafts:
        with _overruns_reported(document.name):  # printed as they are found: memory stays flat on any document
            for mention in iter_mentions(document.text, args.pub_date):
                if args.format == "jsonl":
                    _print_jsonl(mention.to_record(document.name))
                else:
                    rows.append((document.name, mention))
    if args.format == "table":
        print(_table(rows))
    return drafts.exit_code


def _load_checking() -> tuple:
    """Reference data and rules; what failed to load is said on stderr, and the rest is used."""
    from workbench.cache import load_checking

    pack, rules = load_checking()
    for problem in pack.errors + rules.errors:
        print(f"workbench: refused: {problem}", file=sys.stderr)
    return pack, rules


def run_check(args: argparse.Namespace) -> int:
    from workbench.check import iter_check_text

    pack, rules = _load_checking()
    drafts = _Drafts(args.paths)
    records: list[dict] = []
    conn = None
    if args.db:
        from workbench.store import connect

        conn = connect(args.db)
    for document in drafts:
        with _overruns_reported(document.name):
            # without a store, claims are printed as their sentences are checked: memory stays flat on any document
            checked_claims = iter_check_text(document.text, args.pub_date, pack, rules)
            if conn is None:
                records += _emitted(checked_claims, document.name, args.format)
            else:
                checked_claims = list(checked_claims)
        if conn is not None:
            from workbench.store import save_check

            counts = save_check(conn, document.name, document.text, args.pub_date, checked_claims)
            print(f"workbench: stored {document.name}: " + ", ".join(f"{v} {k.replace('_', ' ')}"
                                                                   for k, v in counts.items()), file=sys.stderr)
            records += _emitted(checked_claims, document.name, args.format)
    if args.format == "table":
        print(_claims_table(records))
    elif args.format == "csv":
        _claims_csv(records)
    return drafts.exit_code


def _emitted(checked_claims: Iterable[CheckedClaim], name: str, fmt: str) -> list[dict]:
    """Records of checked claims: printed at once as JSON Lines, or returned for a table or CSV."""
    records = []
    for checked in checked_claims:
        record = checked.to_record(name)
        if fmt == "jsonl":
            _print_jsonl(record)
        else:
            records.append(record)
    return records


def _claims_table(records: list[dict]) -> str:
    import pandas as pd

    if not records:
        return "(no claims)"
    frame = pd.DataFrame(records)[["doc", "start", "text", "verdict", "explanation"]]
    return frame.to_string(index=False, max_colwidth=100)


def _claims_csv(records: list[dict]) -> None:
    import csv

    from workbench.export import CHECK_CSV_COLUMNS, check_csv_row

    writer = csv.DictWriter(sys.stdout, fieldnames=CHECK_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(check_csv_row(record) for record in records)


def run_batch(args: argparse.Namespace) -> int:
    from workbench.batch import dask_engine, process_engine, run_batch

    workers = args.workers or os.cpu_count() or 1
    engine = dask_engine(args.scheduler, workers) if args.engine == "dask" else process_engine(workers)
    if args.progress:
        from tqdm import tqdm

        def report(message: str) -> None:
            tqdm.write(f"workbench: skipped {message}", file=sys.stderr)
    else:
        def report(message: str) -> None:
            print(f"workbench: skipped {message}", file=sys.stderr)
    try:
        summary = run_batch(args.inputs, args.out, args.format, engine, args.text_field, args.pub_date_field,
                            args.pub_date, progress=args.progress, report=report)
    except FileExistsError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return 1
    print(f"workbench: {summary.checked} documents checked, {summary.claims} claims, {summary.failed} skipped"
          + (f", {summary.resumed} already done by an earlier run" if summary.resumed else "")
          + f"; results in {args.out}", file=sys.stderr)
    return 0


def run_review(args: argparse.Namespace) -> int:
    from workbench.store import add_review, connect

    review = add_review(connect(args.db), args.claim_id, args.verdict, args.reviewer, args.note, args.doc)
    print(f"{review.document} {review.claim_id}: {review.previous_verdict} -> {review.new_verdict} "
          f"by {review.reviewer} at {review.reviewed_at}")
    return 0


def run_history(args: argparse.Namespace) -> int:
    from workbench.store import connect, history

    reviews = history(connect(args.db), args.claim_id, args.doc)
    if not reviews:
        print(f"{args.claim_id}: no reviews yet")
    for r in reviews:
        print(f"{r.reviewed_at}  {r.reviewer}: {r.previous_verdict} -> {r.new_verdict}" + (f"  ({r.note})" if r.note
                                                                                            else ""))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from workbench.export import to_claimreview, to_csv
    from workbench.store import connect, stored_claims

    conn = connect(args.db)
    if args.article_url is not None and not args.doc:
        print("workbench: --article-url needs --doc (the document it belongs to)", file=sys.stderr)
        return 1
    if args.doc:
        from workbench.store import set_document_url, stored_text

        stored_text(conn, args.doc)  # an unknown document is refused, not exported as nothing
        if args.article_url is not None:
            set_document_url(conn, args.doc, args.article_url, "command line")
    claims = stored_claims(conn, args.only, document=args.doc)
    if args.format == "csv":
        data = to_csv(claims, bom=args.bom)
    else:
        if not args.site_url:
            print("workbench: no --site-url: the ClaimReview objects have no url, which Google requires "
                  "before it shows them", file=sys.stderr)
        data = to_claimreview(claims, args.organisation, args.site_url)
    if args.out:
        args.out.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


COMMANDS = {"extract": run_extract, "check": run_check, "review": run_review, "history": run_history,
            "export": run_export, "batch": run_batch}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ValueError as error:
        # the store's refusals; the store is loaded only by the commands that use it (~10 ms of every start)
        store = sys.modules.get("workbench.store")
        if store is None or not isinstance(error, store.StoreError):
            raise
        print(f"workbench: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # "| head": the reader has gone, which is not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing at exit flush
        return 0
    except OSError as error:  # an output file or folder that cannot be written
        where = f"{error.filename}: " if getattr(error, "filename", None) else ""
        print(f"workbench: {where}{error.strerror or error}; nothing more was written", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("workbench: interrupted; what was written so far is kept (a batch resumes where it stopped)",
              file=sys.stderr)
        return 130
