"""Check and store the sample drafts when the store is empty, so a first visit shows verdicts.

`make run` calls this before it starts the server: `python -m workbench.app.seed`.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from workbench import SAMPLES_DIR
from workbench.documents import first_line_title
from workbench.store import connect

SAMPLE_PUB_DATE = date(2025, 7, 1)


def seed_samples(conn: sqlite3.Connection) -> int:
    """How many sample drafts were checked and stored (none when the store has documents already)."""
    if conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]:
        return 0
    from workbench.cache import load_checking
    from workbench.check import check_text
    from workbench.store import save_check

    pack, rules = load_checking()
    drafts = sorted(SAMPLES_DIR.glob("*.txt"))
    for path in drafts:
        text = path.read_text(encoding="utf-8")
        save_check(conn, f"samples/{path.name}", text, SAMPLE_PUB_DATE,
                   check_text(text, SAMPLE_PUB_DATE, pack, rules), title=first_line_title(text, 80))
    return len(drafts)


if __name__ == "__main__":
    count = seed_samples(connect())
    print(f"Checked and stored {count} sample drafts." if count else "The store already has drafts.")
