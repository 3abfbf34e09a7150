"""HTML for the app: the draft with its claims highlighted. Everything from a draft is escaped here;
only the markup this module writes itself is left as HTML."""

from __future__ import annotations

from html import escape

VERDICT_COLOURS = {"supported": "#c8ecc9", "contradicted": "#f8c4c4", "needs_review": "#fde6a8",
                   "unverifiable": "#e3e3e3"}
VERDICT_LABELS = {"supported": "Supported", "contradicted": "Contradicted", "needs_review": "Needs review",
                  "unverifiable": "Unverifiable"}


def _mark(text: str, verdict: str, tooltip: str) -> str:
    return (f'<mark class="claim {escape(verdict)}" style="background:{VERDICT_COLOURS.get(verdict, "#eee")};'
            f'padding:0 2px;border-radius:3px" title="{escape(tooltip, quote=True)}">{escape(text)}</mark>')


def tooltip_for(record: dict) -> str:
    """What hovering a highlight shows: verdict, explanation and the first source."""
    evidence = record.get("evidence") or []
    source = f"\nSource: {evidence[0]['source_title']} ({evidence[0]['source_url']})" if evidence else ""
    return f"{VERDICT_LABELS.get(record['verdict'], record['verdict'])}: {record['explanation']}{source}"


def highlighted_draft(text: str, records: list[dict]) -> str:
    """The draft as HTML, each claim marked in its verdict's colour; paragraphs kept."""
    pieces, cursor = [], 0
    for record in sorted(records, key=lambda r: r["start"]):
        if record["start"] < cursor:
            continue
        pieces.append(escape(text[cursor:record["start"]]))
        pieces.append(_mark(text[record["start"]:record["end"]], record["verdict"], tooltip_for(record)))
        cursor = record["end"]
    pieces.append(escape(text[cursor:]))
    body = "".join(pieces).replace("\r\n", "\n").replace("\n", "<br>")
    return f'<div class="draft" style="line-height:1.7">{body}</div>'


def marked_sentence(sentence: str, start: int, end: int, verdict: str) -> str:
    """One sentence with its claim marked (offsets into the sentence)."""
    return (escape(sentence[:start]) + _mark(sentence[start:end], verdict, VERDICT_LABELS.get(verdict, verdict))
            + escape(sentence[end:]))


def legend(counts: dict[str, int]) -> str:
    return " ".join(_mark(f"{VERDICT_LABELS[v]}: {counts.get(v, 0)}", v, VERDICT_LABELS[v]) for v in VERDICT_LABELS)


def frame_of(record: dict) -> str:
    """The claim's frame as the checker read it: who, what, when, and the figure it rests on."""
    parts = [str(record.get(k)) for k in ("entity", "measure", "period") if record.get(k)]
    if record.get("reference_value") is not None:
        parts.append(f"reference {record['reference_value']:g}")
    return " · ".join(parts) or "—"


def claims_table(records: list[dict]) -> str:
    """The claims of a draft as an HTML table: claim, verdict, explanation (all escaped)."""
    rows = "".join(
        f"<tr><td>{_mark(r['text'], r['verdict'], VERDICT_LABELS.get(r['verdict'], r['verdict']))}</td>"
        f"<td>{escape(VERDICT_LABELS.get(r['verdict'], r['verdict']))}</td><td>{escape(frame_of(r))}</td>"
        f"<td>{escape(r['explanation'])}</td></tr>"
        for r in records)
    return ('<table class="claims" style="width:100%;border-collapse:collapse;font-size:0.9em">'
            "<thead><tr><th align=left>Claim</th><th align=left>Verdict</th><th align=left>Who · what · when</th>"
            "<th align=left>Why</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")
