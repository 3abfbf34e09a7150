"""One writer for the tidy CSVs the build scripts make (reference_data/ and the example topics in tests/topics/),
so every table is written the same way: UTF-8, a header, "\n" line ends."""

from __future__ import annotations

import csv
from pathlib import Path

FIELDS = ["entity", "metric", "period", "value", "unit", "source_url", "source_title"]


def write_rows(path: Path, rows: list[dict], fields: list[str] = FIELDS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path.name}: {len(rows)} rows")
