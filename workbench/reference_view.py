"""What the Reference data page shows of a table beyond its rows: where its figures come from (the primary source
first, then where they were read, when that was a copy), and one entity's series in each edition, so a reviewer
sees at a glance how a source revised its figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.reference import ReferenceTable, period_key

if TYPE_CHECKING:
    import pandas as pd

NO_EDITION = "(no edition)"


def provenance(table: ReferenceTable) -> pd.DataFrame:
    """One row per primary source (`source_url`) and the copy it was read from (`retrieved_from`), with the title the
    rows give and how many rows rest on it, most first; the descriptor's sources for a table whose rows name none."""
    import pandas as pd

    frame = table.frame
    if "source_url" not in frame:
        read = "; ".join(dict.fromkeys(v for v in frame.get("retrieved_from", pd.Series(dtype=str)) if v))
        return pd.DataFrame([{"Primary source": s.get("path", ""), "Read from": read, "Title": s.get("title", ""),
                              "Rows": len(frame)} for s in table.sources])
    parts = {"Primary source": frame["source_url"], "Read from": frame.get("retrieved_from", ""),
             "Title": frame.get("source_title", "")}
    found = pd.DataFrame(parts).astype("string").fillna("")
    counted = found.groupby(list(parts), sort=False).size().reset_index(name="Rows")
    return counted.sort_values("Rows", ascending=False, kind="stable").reset_index(drop=True)


def edition_column(table: ReferenceTable) -> str | None:
    """The column naming the edition a row belongs to, where the table's description has one."""
    return table.description.vintage if table.description else None


def editions_in_order(table: ReferenceTable) -> list[str]:
    """The table's editions, oldest first (by their publication date where the table gives it)."""
    column = edition_column(table)
    if column is None:
        return []
    dated = {}
    for row in table.rows:
        label = str(row.get(column) or NO_EDITION)
        published = table.published(row)
        dated[label] = min(filter(None, (dated.get(label), published)), default=None)
    return sorted(dated, key=lambda label: (dated[label] is None, dated[label] or 0, label))


def most_revised(table: ReferenceTable, metric: str) -> list[str]:
    """The entities of `metric`, those found in the most editions first: where a revision shows."""
    column = edition_column(table)
    seen: dict[str, set[str]] = {}
    for row in table.rows:
        if row["metric"] == metric:
            seen.setdefault(str(row["entity"]), set()).add(str(row.get(column) or NO_EDITION) if column else "")
    return sorted(seen, key=lambda entity: (-len(seen[entity]), entity))


def edition_series(table: ReferenceTable, metric: str, entity: str) -> pd.DataFrame:
    """One entity's figures of one measure: period, value and edition, one line per edition when charted."""
    import pandas as pd

    column = edition_column(table)
    order = {label: index for index, label in enumerate(editions_in_order(table))}
    rows = [{"period": period_key(row["period"]), "value": float(row["value"]),
             "edition": str(row.get(column) or NO_EDITION) if column else NO_EDITION}
            for row in table.series.get((metric, entity), [])]
    frame = pd.DataFrame(rows, columns=["period", "value", "edition"])
    return frame.sort_values(["edition", "period"], key=lambda s: s.map(order) if s.name == "edition" else s,
                             kind="stable").reset_index(drop=True)
