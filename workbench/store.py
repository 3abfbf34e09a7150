"""verdicts -> reviews: checked drafts, their claims and reviewers' decisions, in SQLite.

One file (WAL mode), every write in its own transaction. Reviews are append-only: a decision adds a
row (who, when, previous verdict, new verdict, note) and nothing is updated in place or deleted, so the
history is the audit trail. A claim's final verdict is its latest review, else its automatic verdict.
Re-checking an edited draft keeps the reviews of claims whose sentence and mention did not change,
marks vanished claims as gone, and flags reviewed claims whose automatic verdict changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import PROJECT_DIR
from workbench.model import FLAGGED, VERDICTS

if TYPE_CHECKING:  # the store needs no checker to read or review; only save_check is given its output
    from workbench.check import CheckedClaim

DEFAULT_DB = PROJECT_DIR / "data" / "workbench.db"


def busy_timeout_seconds() -> float:
    """How long a writer waits for another one holding the database: $WORKBENCH_DB_TIMEOUT, else 30 s."""
    return float(os.environ.get("WORKBENCH_DB_TIMEOUT") or 30)

# Each entry moves the schema one version forward; a database is brought up to date on open.
MIGRATIONS = [
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        pub_date TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        added_at TEXT NOT NULL,
        checked_at TEXT NOT NULL
    );
    CREATE TABLE claims (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        claim_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        record TEXT NOT NULL,
        auto_verdict TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'gone')),
        look_again INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        last_checked TEXT NOT NULL,
        PRIMARY KEY (document_id, claim_id)
    );
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL,
        claim_id TEXT NOT NULL,
        reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
        reviewed_at TEXT NOT NULL,
        previous_verdict TEXT NOT NULL,
        new_verdict TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        FOREIGN KEY (document_id, claim_id) REFERENCES claims(document_id, claim_id)
    );
    CREATE INDEX reviews_by_claim ON reviews(document_id, claim_id, id);
    CREATE TRIGGER reviews_are_append_only_update BEFORE UPDATE ON reviews
        BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
    CREATE TRIGGER reviews_are_append_only_delete BEFORE DELETE ON reviews
        BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
    """,
    # documents get the article's URL and a state (archived and deleted documents leave the queue; their reviews
    # stay); what is done to a document is logged, append-only like reviews
    """
    ALTER TABLE documents ADD COLUMN url TEXT;
    ALTER TABLE documents ADD COLUMN state TEXT NOT NULL DEFAULT 'active'
        CHECK (state IN ('active', 'archived', 'deleted'));
    CREATE INDEX documents_by_hash ON documents(content_hash);
    CREATE TABLE document_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE TRIGGER document_events_are_append_only_update BEFORE UPDATE ON document_events
        BEGIN SELECT RAISE(ABORT, 'document events are append-only'); END;
    CREATE TRIGGER document_events_are_append_only_delete BEFORE DELETE ON document_events
        BEGIN SELECT RAISE(ABORT, 'document events are append-only'); END;
    """,
    # reference tables replaced from the app: who, when, which file, its content before and after
    """
    CREATE TABLE reference_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        actor TEXT NOT NULL CHECK (length(trim(actor)) > 0),
        at TEXT NOT NULL,
        table_name TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256_before TEXT NOT NULL,
        sha256_after TEXT NOT NULL,
        rows_added INTEGER NOT NULL,
        rows_removed INTEGER NOT NULL
    );
    CREATE TRIGGER reference_changes_are_append_only_update BEFORE UPDATE ON reference_changes
        BEGIN SELECT RAISE(ABORT, 'reference changes are append-only'); END;
    CREATE TRIGGER reference_changes_are_append_only_delete BEFORE DELETE ON reference_changes
        BEGIN SELECT RAISE(ABORT, 'reference changes are append-only'); END;
    """,
    # the dates that only give another claim its period (DESIGN.md, context dates), kept so the draft can show them
    """
    ALTER TABLE documents ADD COLUMN context TEXT NOT NULL DEFAULT '[]';
    """,
    # a reference change is a new edition of a table or a new table; a new table's description is logged with it
    """
    ALTER TABLE reference_changes ADD COLUMN kind TEXT NOT NULL DEFAULT 'edition'
        CHECK (kind IN ('edition', 'new table'));
    ALTER TABLE reference_changes ADD COLUMN descriptor TEXT NOT NULL DEFAULT '';
    """,
]
DOCUMENT_STATES = ("active", "archived", "deleted")
WRITING_DAYS = ("today", "yesterday", "tomorrow")  # say when the story is told, not what it claims
SMALL_COUNT = 10  # "the two powers": a small count after "the" refers back to what was named; it claims nothing
REFERRING = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)


class StoreError(ValueError):
    """A request the store refuses, in one line: unknown claim, unknown verdict, empty reviewer..."""


@dataclass(frozen=True)
class StoredClaim:
    document: str
    pub_date: str
    claim_id: str
    record: dict  # the claim object of the check contract
    auto_verdict: str
    final_verdict: str
    status: str
    look_again: bool
    reviewer: str | None
    reviewed_at: str | None
    note: str | None
    title: str = ""
    url: str | None = None  # the article's own address, when the desk has set it

    @property
    def decided(self) -> bool:
        """A reviewer has ruled on it, and the automatic verdict has not changed since."""
        return self.reviewer is not None and not self.look_again

    @property
    def aside(self) -> bool:
        """Left out of the queue and the progress count: see is_aside."""
        return is_aside(self.record)


def is_aside(record: dict) -> bool:
    """A mention the checker read no measure, period or evidence for ('unverifiable' by default) that a fact-checker
    would not queue: "today" and its neighbours, which only say when the story is told, and a small count after
    "the" ("the two powers"), which points back at what the story named. It stays on the draft, in the exports and
    in the store with any decision on it; the queue shows it only when asked to."""
    if record.get("verdict") != "unverifiable" or record.get("evidence") or record.get("measure") or record.get(
            "period"):
        return False
    if record["kind"] == "date":
        return record["text"].strip().lower() in WRITING_DAYS
    value, before = record.get("value"), record["sentence"][:record["start"] - record["sentence_start"]]
    return (record.get("unit") == "count" and not record.get("vague") and record.get("approx") is None
            and record.get("value_max") is None and value is not None and float(value).is_integer()
            and value <= SMALL_COUNT and REFERRING.search(before) is not None)


@dataclass(frozen=True)
class DocumentSummary:
    """A checked draft as the documents list shows it."""

    name: str
    title: str
    url: str | None
    state: str
    pub_date: str
    checked_at: str
    claims: int
    decided: int
    reviewers: tuple[str, ...]
    flagged_left: int = 0  # undecided claims the checker flagged: what an editor still has to settle

    @property
    def status(self) -> str:
        if self.claims and self.decided == self.claims:
            return "done"
        return "in review" if self.reviewers else "undecided"


@dataclass(frozen=True)
class Review:
    document: str
    claim_id: str
    reviewer: str
    reviewed_at: str
    previous_verdict: str
    new_verdict: str
    note: str


def default_path() -> Path:
    """The database file: $WORKBENCH_DB if set, else data/workbench.db in the project."""
    return Path(os.environ.get("WORKBENCH_DB") or DEFAULT_DB)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class StoreConnection(sqlite3.Connection):
    """A connection that knows its file, so that errors can name it."""

    path: Path


def _explain(error: sqlite3.Error, path: Path) -> StoreError:
    """SQLite's complaint as one line a reviewer can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        reason = "is locked by another program (waited, gave up); nothing was written, try again"
    elif "readonly" in text or "read-only" in text:
        reason = "is read-only for this user; nothing was written"
    elif "full" in text:
        reason = "cannot grow: the disk is full; nothing was written"
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        reason = "is not a workbench database, or is damaged"
    elif "unable to open" in text:
        reason = "cannot be opened (missing folder or no permission)"
    else:
        reason = f"could not be used ({error})"
    return StoreError(f"the database {path} {reason}")


def connect(path: Path | str | None = None) -> sqlite3.Connection:
    """Open (creating and migrating as needed) the store at `path`."""
    path = Path(path) if path else default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        timeout = busy_timeout_seconds()
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, factory=StoreConnection)
        conn.path = path
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn)
    except sqlite3.Error as error:
        raise _explain(error, path) from None
    except OSError as error:
        raise StoreError(f"the database {path} cannot be created ({error.strerror or error})") from None
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT: writers queue for the lock instead of failing halfway; on any failure
    everything since BEGIN is rolled back and the failure is said in one line (StoreError)."""
    path = getattr(conn, "path", Path("?"))
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise _explain(error, path) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        if conn.in_transaction:
            with suppress(sqlite3.Error):  # the transaction may be gone already: SQLite rolled it back
                conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error) and not isinstance(error, sqlite3.IntegrityError):
            raise _explain(error, path) from None
        raise


def _migrate(conn: sqlite3.Connection) -> None:
    if conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
        return  # up to date: no need to take the write lock
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    return statements


def latest_document(conn: sqlite3.Connection) -> str | None:
    """The name of the most recently checked draft that is not archived or deleted."""
    row = conn.execute("SELECT name FROM documents WHERE state = 'active' ORDER BY checked_at DESC, id DESC"
                       " LIMIT 1").fetchone()
    return row["name"] if row else None


def stored_text(conn: sqlite3.Connection, name: str) -> str:
    """The stored text of a checked draft (what its claims' offsets point into)."""
    row = conn.execute("SELECT text FROM documents WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise StoreError(f"unknown document {name!r}")
    return row["text"]


def context_records(conn: sqlite3.Connection, name: str) -> list[dict]:
    """The records of a draft's context dates (verdict null, role "context"), for showing them on the draft."""
    row = conn.execute("SELECT context FROM documents WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise StoreError(f"unknown document {name!r}")
    return json.loads(row["context"])


def matching_document(conn: sqlite3.Connection, title: str, text: str) -> str | None:
    """The stored draft that a new check of `title`/`text` continues: one with the same title, else the same
    text; so re-checking a draft updates it (keeping decisions) instead of adding a second copy."""
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    row = (conn.execute("SELECT name FROM documents WHERE title = ? ORDER BY id LIMIT 1", (title,)).fetchone()
           or conn.execute("SELECT name FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1",
                           (content_hash,)).fetchone())
    return row["name"] if row else None


def documents(conn: sqlite3.Connection, states: tuple[str, ...] = ("active", "archived")) -> list[DocumentSummary]:
    """Checked drafts in the given states, latest checked first, with their review progress (asides not counted)."""
    progress: dict[str, tuple[int, int, set[str], int]] = {}
    for claim in stored_claims(conn, states=states):
        if claim.aside:
            continue
        total, decided, reviewers, flagged = progress.get(claim.document, (0, 0, set(), 0))
        progress[claim.document] = (total + 1, decided + claim.decided, reviewers | {claim.reviewer} - {None},
                                    flagged + (claim.auto_verdict in FLAGGED and not claim.decided))
    marks = ",".join("?" * len(states))
    rows = conn.execute(f"SELECT * FROM documents WHERE state IN ({marks}) ORDER BY checked_at DESC, id DESC",
                        states).fetchall()
    result = []
    for r in rows:
        total, decided, reviewers, flagged = progress.get(r["name"], (0, 0, set(), 0))
        result.append(DocumentSummary(r["name"], r["title"], r["url"], r["state"], r["pub_date"], r["checked_at"],
                                      total, decided, tuple(sorted(reviewers)), flagged))
    return result


def _document_id(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise StoreError(f"unknown document {name!r}")
    return row["id"]


def _log(conn: sqlite3.Connection, document_id: int, actor: str, action: str, detail: str = "") -> None:
    conn.execute("INSERT INTO document_events (document_id, actor, at, action, detail) VALUES (?, ?, ?, ?, ?)",
                 (document_id, actor, _now(), action, detail))


def set_document_state(conn: sqlite3.Connection, name: str, state: str, actor: str) -> None:
    """Archive, delete or restore a draft. Nothing is removed: its claims and reviews stay in the audit trail,
    and the change itself is logged."""
    if state not in DOCUMENT_STATES:
        raise StoreError(f"unknown document state {state!r}; use one of: {', '.join(DOCUMENT_STATES)}")
    if not actor or not actor.strip():
        raise StoreError("archiving or deleting a document needs the name of who does it")
    with transaction(conn):
        document_id = _document_id(conn, name)
        conn.execute("UPDATE documents SET state = ? WHERE id = ?", (state, document_id))
        _log(conn, document_id, actor.strip(), state)


def set_document_url(conn: sqlite3.Connection, name: str, url: str | None, actor: str = "") -> None:
    """The published article's address, used by the ClaimReview export; the change is logged."""
    url = (url or "").strip() or None
    if url and not url.startswith(("https://", "http://")):
        raise StoreError(f"not a web address: {url!r} (it must start with https:// or http://)")
    with transaction(conn):
        document_id = _document_id(conn, name)
        conn.execute("UPDATE documents SET url = ? WHERE id = ?", (url, document_id))
        _log(conn, document_id, actor.strip() or "unknown", "url", url or "")


def document_events(conn: sqlite3.Connection, name: str) -> list[tuple[str, str, str, str]]:
    """What was done to a document (when, who, action, detail), oldest first."""
    return [(r["at"], r["actor"], r["action"], r["detail"]) for r in conn.execute(
        "SELECT * FROM document_events WHERE document_id = ? ORDER BY id", (_document_id(conn, name),))]


@dataclass(frozen=True)
class ReferenceChange:
    actor: str
    at: str
    table_name: str
    file_name: str  # the uploaded file's own name
    sha256_before: str  # "" for a new table
    sha256_after: str
    rows_added: int
    rows_removed: int
    kind: str = "edition"  # or "new table"
    descriptor: str = ""  # a new table's descriptor entry, as JSON


def record_reference_change(conn: sqlite3.Connection, change: ReferenceChange) -> None:
    """Log a reference table added or replaced from the app, as reviews are logged: appended, never changed."""
    if not change.actor.strip():
        raise StoreError("changing the reference data needs the name of who does it")
    with transaction(conn):
        conn.execute("INSERT INTO reference_changes (actor, at, table_name, file_name, sha256_before, sha256_after,"
                     " rows_added, rows_removed, kind, descriptor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (change.actor.strip(), change.at, change.table_name, change.file_name, change.sha256_before,
                      change.sha256_after, change.rows_added, change.rows_removed, change.kind, change.descriptor))


def reference_changes(conn: sqlite3.Connection) -> list[ReferenceChange]:
    """Every reference table added or replaced from the app, latest first."""
    return [ReferenceChange(r["actor"], r["at"], r["table_name"], r["file_name"], r["sha256_before"],
                            r["sha256_after"], r["rows_added"], r["rows_removed"], r["kind"], r["descriptor"])
            for r in conn.execute("SELECT * FROM reference_changes ORDER BY id DESC")]


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def save_check(conn: sqlite3.Connection, name: str, text: str, pub_date: date, checked: list[CheckedClaim],
               title: str | None = None) -> dict[str, int]:
    """Store a checked draft; returns how many claims were added, kept, gone and flagged to look at again."""
    now = _now()
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    counts = {"added": 0, "kept": 0, "gone": 0, "look_again": 0}
    # context dates are part of a claim, not claims: kept with the document for the draft, never queued
    context = json.dumps([item.to_record(name) for item in checked if item.verdict.role == "context"],
                         ensure_ascii=False)
    with transaction(conn):
        row = conn.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            document_id = conn.execute(
                "INSERT INTO documents (name, title, text, pub_date, content_hash, added_at, checked_at, context)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (name, title or name, text, pub_date.isoformat(), content_hash, now, now, context)).lastrowid
        else:
            document_id = row["id"]
            conn.execute("UPDATE documents SET text = ?, title = COALESCE(?, title), pub_date = ?, content_hash = ?,"
                         " checked_at = ?, context = ?,"
                         " state = CASE state WHEN 'deleted' THEN 'active' ELSE state END WHERE id = ?",
                         (text, title, pub_date.isoformat(), content_hash, now, context, document_id))
        known = {r["claim_id"]: r["auto_verdict"] for r in conn.execute(
            "SELECT claim_id, auto_verdict FROM claims WHERE document_id = ?", (document_id,))}
        seen = set()
        claims = [item for item in checked if item.verdict.role != "context"]
        for position, item in enumerate(claims):
            record = item.to_record(name)
            claim_id, verdict = record["claim_id"], record["verdict"]
            stored = json.dumps(record, ensure_ascii=False)
            seen.add(claim_id)
            if claim_id in known:
                changed = known[claim_id] != verdict
                reviewed = changed and _latest_review(conn, document_id, claim_id) is not None
                conn.execute("UPDATE claims SET record = ?, auto_verdict = ?, position = ?, status = 'current',"
                             " look_again = look_again OR ?, last_checked = ? WHERE document_id = ? AND claim_id = ?",
                             (stored, verdict, position, int(reviewed), now, document_id, claim_id))
                counts["kept"] += 1
                counts["look_again"] += int(reviewed)
            else:
                conn.execute("INSERT INTO claims (document_id, claim_id, position, record, auto_verdict, first_seen,"
                             " last_checked) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (document_id, claim_id, position, stored, verdict, now, now))
                counts["added"] += 1
        for claim_id in set(known) - seen:
            conn.execute("UPDATE claims SET status = 'gone', last_checked = ? WHERE document_id = ? AND claim_id = ?",
                         (now, document_id, claim_id))
            counts["gone"] += 1
    return counts


def _latest_review(conn: sqlite3.Connection, document_id: int, claim_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM reviews WHERE document_id = ? AND claim_id = ? ORDER BY id DESC LIMIT 1",
                        (document_id, claim_id)).fetchone()


def _resolve(conn: sqlite3.Connection, claim_id: str, document: str | None) -> sqlite3.Row:
    query = ("SELECT c.document_id, c.claim_id, c.auto_verdict, d.name FROM claims c JOIN documents d"
             " ON d.id = c.document_id WHERE c.claim_id = ?")
    rows = conn.execute(query + (" AND d.name = ?" if document else ""),
                        (claim_id, document) if document else (claim_id,)).fetchall()
    if not rows:
        raise StoreError(f"unknown claim id {claim_id!r}" + (f" in {document!r}" if document else ""))
    if len(rows) > 1:
        names = ", ".join(r["name"] for r in rows)
        raise StoreError(f"claim id {claim_id!r} is in several documents ({names}); name one with --doc")
    return rows[0]


def add_review(conn: sqlite3.Connection, claim_id: str, verdict: str, reviewer: str, note: str = "",
               document: str | None = None) -> Review:
    """Record a reviewer's decision; the claim's final verdict becomes `verdict`."""
    return add_reviews(conn, [(document, claim_id)], verdict, reviewer, note)[0]


def add_reviews(conn: sqlite3.Connection, claims: list[tuple[str | None, str]], verdict: str, reviewer: str,
                note: str = "") -> list[Review]:
    """One decision on several claims (document, claim id) at once, all or none: bulk decisions on a selection.
    `verdict` "auto" accepts each claim's automatic verdict."""
    if verdict not in (*VERDICTS, "auto"):
        raise StoreError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
    if not reviewer or not reviewer.strip():
        raise StoreError("a review needs the reviewer's name")
    reviews = []
    with transaction(conn):
        for document, claim_id in claims:
            claim = _resolve(conn, claim_id, document)
            latest = _latest_review(conn, claim["document_id"], claim_id)
            previous = latest["new_verdict"] if latest else claim["auto_verdict"]
            decided = claim["auto_verdict"] if verdict == "auto" else verdict
            at = _now()
            conn.execute("INSERT INTO reviews (document_id, claim_id, reviewer, reviewed_at, previous_verdict,"
                         " new_verdict, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (claim["document_id"], claim_id, reviewer.strip(), at, previous, decided, note or ""))
            conn.execute("UPDATE claims SET look_again = 0 WHERE document_id = ? AND claim_id = ?",
                         (claim["document_id"], claim_id))
            reviews.append(Review(claim["name"], claim_id, reviewer.strip(), at, previous, decided, note or ""))
    return reviews


def history(conn: sqlite3.Connection, claim_id: str, document: str | None = None) -> list[Review]:
    """Every decision on a claim, oldest first."""
    claim = _resolve(conn, claim_id, document)
    rows = conn.execute("SELECT * FROM reviews WHERE document_id = ? AND claim_id = ? ORDER BY id",
                        (claim["document_id"], claim_id)).fetchall()
    return [Review(claim["name"], claim_id, r["reviewer"], r["reviewed_at"], r["previous_verdict"],
                   r["new_verdict"], r["note"]) for r in rows]


CLAIMS_QUERY = """
SELECT d.name AS document, d.pub_date, d.title, d.url, c.claim_id, c.record, c.auto_verdict, c.status,
       c.look_again, r.reviewer, r.reviewed_at, r.new_verdict, r.note
FROM claims c JOIN documents d ON d.id = c.document_id
LEFT JOIN reviews r ON r.id = (SELECT MAX(id) FROM reviews x WHERE x.document_id = c.document_id
                                AND x.claim_id = c.claim_id)
"""


def stored_claims(conn: sqlite3.Connection, only: str = "all", include_gone: bool = False,
                  document: str | None = None,
                  states: tuple[str, ...] = ("active", "archived")) -> list[StoredClaim]:
    """Claims with their final verdicts; only 'reviewed', 'flagged' (contradicted, needs_review, look again)
    or 'all', of one document or of every document in `states` (deleted ones are left out), in document order."""
    marks = ",".join("?" * len(states))
    where, params = f" WHERE d.state IN ({marks})", list(states)
    if document is not None:
        where, params = where + " AND d.name = ?", [*params, document]
    rows = conn.execute(CLAIMS_QUERY + where + " ORDER BY d.name, c.position", params).fetchall()
    result = []
    for r in rows:
        final = r["new_verdict"] or r["auto_verdict"]
        claim = StoredClaim(r["document"], r["pub_date"], r["claim_id"], json.loads(r["record"]), r["auto_verdict"],
                            final, r["status"], bool(r["look_again"]), r["reviewer"], r["reviewed_at"], r["note"],
                            r["title"], r["url"])
        if claim.status == "gone" and not include_gone:
            continue
        if only == "reviewed" and claim.reviewer is None:
            continue
        if only == "flagged" and not (final in FLAGGED or claim.look_again):
            continue
        result.append(claim)
    return result
