"""HTML for the app: the draft with its claims highlighted. Everything from a draft is escaped here;
only the markup this module writes itself is left as HTML."""

from __future__ import annotations

import re
from html import escape

VERDICT_COLOURS = {"supported": "#c8ecc9", "contradicted": "#f8c4c4", "needs_review": "#fde6a8",
                   "unverifiable": "#e3e3e3"}
VERDICT_LABELS = {"supported": "Supported", "contradicted": "Contradicted", "needs_review": "Needs review",
                  "unverifiable": "Unverifiable"}
# verdicts told apart without colour too: an icon in every mark
VERDICT_ICONS = {"supported": "✓", "contradicted": "✗", "needs_review": "?", "unverifiable": "–"}
# a mark's explanation opens on focus: a click, a tap or Tab pins it, Escape or a click elsewhere closes it
STYLE = """<style>
.draft { line-height: 1.7; white-space: pre-wrap; }
mark.claim { padding: 0 2px; border-radius: 3px; cursor: pointer; color: inherit; }
mark.claim:focus { outline: 2px solid #1f4e79; }
mark.claim.context { background: none !important; border-bottom: 2px dotted #8a8a8a; border-radius: 0; }
span.why { display: none; white-space: normal; }
mark.claim:focus + span.why { display: block; margin: 4px 0; padding: 6px 10px; border-left: 4px solid #1f4e79;
  background: #f4f6f8; font-size: 0.9em; }
</style>"""


def escape_markdown(text: str) -> str:
    """Text from a draft or a table, shown literally inside Markdown the page writes (a table cell, a status line)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$])", r"\\\1", text)


def _mark(text: str, verdict: str, tooltip: str, focusable: bool = False) -> str:
    """A claim in its verdict's colour and icon; a focusable one opens its explanation (the span after it)."""
    focus = ' tabindex="0"' if focusable else ""
    return (f'<mark class="claim {escape(verdict)}"{focus} style="background:'
            f'{VERDICT_COLOURS.get(verdict, "#eee")}" title="{escape(tooltip, quote=True)}">'
            f'<span class="icon" aria-hidden="true" style="font-size:0.8em;margin-right:2px">'
            f'{VERDICT_ICONS.get(verdict, "")}</span>{escape(text)}</mark>')


def tooltip_for(record: dict) -> str:
    """What a highlight tells (on hover, focus or tap): the final verdict and who decided it, the explanation, the
    first source. Plain text: the page escapes it."""
    if record["verdict"] == "context":  # a date that only gives another claim its period (DESIGN.md)
        return f"Part of another claim: {record['explanation']}"
    verdict = VERDICT_LABELS.get(record["verdict"], record["verdict"])
    if record.get("reviewer"):
        verdict += (f" (decided by {record['reviewer']}; automatic: "
                    f"{VERDICT_LABELS.get(record['auto_verdict'], record['auto_verdict'])})")
    evidence = record.get("evidence") or []
    source = f"\nSource: {evidence[0]['source_title']} ({evidence[0]['source_url']})" if evidence else ""
    aside = "\nAn aside: not queued for review." if record.get("aside") else ""
    return f"{verdict}: {record['explanation']}{source}{aside}"


def highlighted_draft(text: str, records: list[dict]) -> str:
    """The draft as HTML, each claim marked with its verdict's colour and icon; each mark followed by its
    explanation, shown when the mark has focus; line breaks kept by the style, not by markup."""
    pieces, cursor = [], 0
    for record in sorted(records, key=lambda r: r["start"]):
        if record["start"] < cursor:
            continue
        tooltip = tooltip_for(record)
        pieces.append(escape(text[cursor:record["start"]]))
        pieces.append(_mark(text[record["start"]:record["end"]], record["verdict"], tooltip, focusable=True))
        pieces.append(f'<span class="why" role="note">{escape(tooltip)}</span>')
        cursor = record["end"]
    pieces.append(escape(text[cursor:]))
    return f'{STYLE}<div class="draft">{"".join(pieces)}</div>'


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
