"""Checking at scale: many drafts in, claims out, as they are done, on all cores or a Dask cluster.

Inputs stream (folders of drafts, JSON Lines, CSV) and are checked in bounded windows, in input order,
so memory stays flat and the output of a run does not depend on timing. Each finished document is
logged in `OUT.progress` with the output's size after it; an interrupted run is resumed by cutting the
output back to the last logged size and skipping the logged documents, which gives exactly the output
of one uninterrupted run. A document that cannot be read or checked is reported and skipped.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from workbench.documents import DocumentError, document_text
from workbench.export import CHECK_CSV_COLUMNS, check_csv_row

DRAFT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm")
WINDOW_PER_WORKER = 16  # articles per worker gathered at once for a Dask cluster
CHUNK_ARTICLES = 16  # articles sent to a worker process in one task: one article a task cost more than checking it
CHUNK_CHARS = 50_000  # ...or fewer, so that long drafts still spread over the workers
CHUNKS_AHEAD = 3  # tasks per worker in flight: a worker never waits for the main process, nor for a slow neighbour


@dataclass(frozen=True)
class Article:
    key: str  # where it came from: "folder/a.txt", "feed.jsonl#line 12", "wire.csv#row 5"
    text: str | None
    pub_date: date | None
    error: str | None = None  # why it cannot be checked; reported and skipped


@dataclass(frozen=True)
class Outcome:
    key: str
    text: str  # the document's claims, already formatted for the output (JSON Lines or CSV rows)
    claims: int
    error: str | None = None


@dataclass
class Summary:
    checked: int = 0
    failed: int = 0  # each one said through `report` as it happens, not kept: memory stays flat
    resumed: int = 0  # documents found done by an earlier run
    claims: int = 0


def _pub_date(value: object, default: date) -> date:
    if value in (None, ""):
        return default
    return date.fromisoformat(str(value).strip()[:10])


def _record_articles(path: Path, rows: Iterable[tuple[str, dict | None, str | None]], text_field: str,
                     date_field: str, default: date) -> Iterator[Article]:
    for key, row, problem in rows:
        if problem is not None:
            yield Article(key, None, None, problem)
            continue
        text = row.get(text_field)
        if not isinstance(text, str) or not text.strip():
            yield Article(key, None, None, f"no text in field '{text_field}'")
            continue
        try:
            yield Article(key, text, _pub_date(row.get(date_field), default))
        except ValueError:
            yield Article(key, None, None, f"'{row.get(date_field)}' in '{date_field}' is not a date (YYYY-MM-DD)")


def _jsonl_rows(path: Path) -> Iterator[tuple[str, dict | None, str | None]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            key = f"{path}#line {number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                yield key, None, f"not JSON ({error.msg})"
                continue
            yield (key, row, None) if isinstance(row, dict) else (key, None, "not a JSON object")


def _csv_rows(path: Path) -> Iterator[tuple[str, dict | None, str | None]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            yield f"{path}#row {number}", row, None


def iter_articles(inputs: list[str], text_field: str = "text", date_field: str = "pub_date",
                  default_date: date | None = None) -> Iterator[Article]:
    """Every article of the inputs, in a stable order, read lazily."""
    default = default_date or date.today()
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            for draft in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES):
                yield _draft_article(draft, default)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _record_articles(path, _jsonl_rows(path), text_field, date_field, default)
        elif path.suffix.lower() == ".csv":
            yield from _record_articles(path, _csv_rows(path), text_field, date_field, default)
        elif path.is_file():
            yield _draft_article(path, default)
        else:
            yield Article(str(path), None, None, "no such file or folder")


def _draft_article(path: Path, default: date) -> Article:
    try:
        return Article(str(path), document_text(str(path), path.read_bytes()), default)
    except DocumentError as error:
        return Article(str(path), None, None, str(error).removeprefix(f"{path}: "))
    except OSError as error:
        return Article(str(path), None, None, f"cannot be read ({error.strerror or error})")


def count_articles(inputs: list[str]) -> int:
    """How many articles the inputs hold, counted cheaply, for the progress bar."""
    total = 0
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES)
        elif path.suffix.lower() in (".jsonl", ".ndjson") and path.is_file():
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif path.suffix.lower() == ".csv" and path.is_file():
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                csv.field_size_limit(sys.maxsize)
                total += sum(1 for _ in csv.DictReader(handle))
        else:
            total += 1
    return total


# --- checking one article (in a worker) -------------------------------------------------------------

_LOADED: dict[str, object] = {}


def _checking():
    """Reference data and rules, loaded once per worker process."""
    if not _LOADED:
        from workbench.cache import load_checking
        from workbench.extract import warm_up

        warm_up()
        _LOADED["pack"], _LOADED["rules"] = load_checking()
    return _LOADED["pack"], _LOADED["rules"]


def format_records(records: list[dict], fmt: str) -> str:
    """Check records as output text: JSON Lines, or CSV rows without a header."""
    if fmt == "csv":
        buffer = io.StringIO()
        csv.DictWriter(buffer, fieldnames=CHECK_CSV_COLUMNS).writerows(check_csv_row(r) for r in records)
        return buffer.getvalue()
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def check_article(article: Article, fmt: str = "jsonl") -> Outcome:
    """One article checked and formatted in the worker (the main process only writes); never raises."""
    if article.error:
        return Outcome(article.key, "", 0, article.error)
    try:
        from workbench.check import check_text

        pack, rules = _checking()
        records = [c.to_record(article.key) for c in check_text(article.text, article.pub_date, pack, rules)]
        return Outcome(article.key, format_records(records, fmt), len(records))
    except Exception as error:  # one bad document must not end the run
        return Outcome(article.key, "", 0, f"could not be checked ({error.__class__.__name__}: {error})")


def check_articles(articles: list[Article], fmt: str = "jsonl") -> list[Outcome]:
    """One task of a worker process: a chunk of articles, each checked as by check_article."""
    return [check_article(article, fmt) for article in articles]


# --- writing results as they come, resumable ---------------------------------------------------------

class ResultWriter:
    """Appends each document's claims to OUT, then logs it in OUT.progress with OUT's new size."""

    def __init__(self, out: Path, fmt: str):
        self.out, self.fmt = out, fmt
        self.progress = out.with_name(out.name + ".progress")
        self.done: set[str] = set()
        size = 0
        if self.progress.exists():
            for line in self.progress.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    break  # a log line cut short by the interruption: the document is not done
                self.done.add(entry["key"])
                size = entry["size"]
        elif out.exists() and out.stat().st_size:
            raise FileExistsError(f"{out} exists and has no progress log: choose another --out, or remove it")
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("ab") as handle:
            handle.truncate(size)  # drop whatever an interrupted run wrote after its last logged document
        self._out = out.open("a", encoding="utf-8", newline="")
        self._log = self.progress.open("a", encoding="utf-8")
        if fmt == "csv" and size == 0:
            csv.DictWriter(self._out, fieldnames=CHECK_CSV_COLUMNS).writeheader()

    def write(self, outcome: Outcome) -> None:
        self._out.write(outcome.text)
        self._out.flush()
        entry = {"key": outcome.key, "size": self._out.tell(), "claims": outcome.claims}
        if outcome.error:
            entry["error"] = outcome.error
        self._log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._log.flush()

    def close(self) -> None:
        self._out.close()
        self._log.close()


# --- engines: ordered maps over the articles ------------------------------------------------------------

Mapper = Callable[[Iterable[Article], str], Iterator[Outcome]]


def _windows(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while window := list(islice(iterator, size)):
        yield window


@dataclass
class Engine:
    map: Mapper
    workers: int
    close: Callable[[], None] = lambda: None


def _exit_with_parent(parent: int) -> None:
    """In a worker: leave as soon as the batch process is gone (killed with SIGKILL, out of memory), instead
    of lingering as an orphan holding its models in memory."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """Consecutive articles in tasks of at most CHUNK_ARTICLES articles and about CHUNK_CHARS characters."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += len(article.text or "")
        if len(chunk) >= CHUNK_ARTICLES or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def process_engine(workers: int, task: Callable[[list[Article], str], list[Outcome]] = check_articles) -> Engine:
    """Worker processes, each sent chunks of consecutive articles, several chunks ahead; results in input
    order. A worker that dies (killed, out of memory) loses the chunks in flight: the pool is replaced and
    their articles are checked again one at a time, so that an article that kills a worker a second time is
    known, reported and skipped. `task` is what a worker runs on a chunk."""
    if workers <= 1:
        return Engine(lambda articles, fmt: (outcome for chunk in _chunks(articles) for outcome in task(chunk, fmt)), 1)
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_exit_with_parent,
                                   initargs=(os.getpid(),))

    executor = [new_pool()]

    def run(articles: Iterable[Article], fmt: str) -> Iterator[Outcome]:
        chunks = _chunks(articles)
        in_flight: deque[tuple[list[Article], Future]] = deque()
        lost: deque[Article] = deque()  # of chunks whose worker died: checked again alone, one at a time
        while True:
            while not lost and len(in_flight) < workers * CHUNKS_AHEAD and (chunk := next(chunks, None)):
                in_flight.append((chunk, executor[0].submit(task, chunk, fmt)))
            if lost and not in_flight:
                in_flight.append(([lost[0]], executor[0].submit(task, [lost[0]], fmt)))
            if not in_flight:
                return
            chunk, future = in_flight.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                executor[0].shutdown(wait=False, cancel_futures=True)
                executor[0] = new_pool()
                if lost:  # it died with this one article alone, after dying once in its chunk
                    yield Outcome(lost.popleft().key, "", 0, "its worker process died twice while checking it")
                else:
                    lost.extend(article for held, _ in [(chunk, future), *in_flight] for article in held)
                in_flight.clear()
                continue
            if lost:
                lost.popleft()
            yield from outcomes

    return Engine(run, workers, lambda: executor[0].shutdown())


def dask_engine(scheduler: str | None, workers: int) -> Engine:
    """On a Dask cluster (`scheduler` is its address), or on a local cluster of `workers` processes."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    size = max(1, len(client.scheduler_info().get("workers", {})) or workers)

    def run(articles: Iterable[Article], fmt: str) -> Iterator[Outcome]:
        for window in _windows(articles, size * WINDOW_PER_WORKER):
            yield from client.gather(client.map(check_article, window, fmt=fmt, pure=False))

    def close() -> None:
        client.close()
        if cluster is not None:
            cluster.close()

    return Engine(run, size, close)


def run_batch(inputs: list[str], out: Path, fmt: str = "jsonl", engine: Engine | None = None,
              text_field: str = "text", date_field: str = "pub_date", default_date: date | None = None,
              progress: bool = True, report: Callable[[str], None] | None = None) -> Summary:
    """Check every article of `inputs` into `out`, resuming an interrupted run of the same command."""
    engine = engine or process_engine(os.cpu_count() or 1)
    writer = ResultWriter(out, fmt)
    summary = Summary(resumed=len(writer.done))
    total = count_articles(inputs) if progress else None
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, initial=summary.resumed, unit="doc", desc="checking", file=sys.stderr,
                   dynamic_ncols=True)
    pending = (a for a in iter_articles(inputs, text_field, date_field, default_date) if a.key not in writer.done)
    try:
        for outcome in engine.map(pending, fmt):
            writer.write(outcome)
            if outcome.error:
                summary.failed += 1
                if report:
                    report(f"{outcome.key}: {outcome.error}")
            else:
                summary.checked += 1
                summary.claims += outcome.claims
            if bar:
                bar.update(1)
    finally:
        writer.close()
        engine.close()
        if bar:
            bar.close()
    return summary
