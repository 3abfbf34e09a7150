"""Review queue: every claim reachable (one card at a time, and the whole queue as a sortable, searchable table),
progress per draft, one-key verdicts that move on to the next undecided claim, bulk decisions on a selection.
Filters, the reviewer and the claim on screen live in the page's address, so a reload comes back to them."""

import pandas as pd
import streamlit as st

from workbench.app.desk import ORDERS, SHOW, Filters, claim_key, current, next_undecided, queue
from workbench.app.render import VERDICT_ICONS, VERDICT_LABELS, escape_markdown, marked_sentence
from workbench.app.shared import keep_in_address, reviewer_name, store
from workbench.model import VERDICTS
from workbench.store import StoreError, add_reviews, documents, history, stored_claims

# one key per decision (X for contradicted: Streamlit keeps C and R); A accepts the automatic verdict, J and K step
SHORTCUTS = {"supported": "s", "contradicted": "x", "needs_review": "n", "unverifiable": "u", "auto": "a"}
DECISION_LABELS = {**VERDICT_LABELS, "auto": "Accept automatic verdict"}
DECISION_ICONS = {"supported": ":material/check:", "contradicted": ":material/close:",
                  "needs_review": ":material/help:", "unverifiable": ":material/remove:",
                  "auto": ":material/done_all:"}
# the evidence fields a reviewer reads, in order, under the headers a newsroom uses
EVIDENCE_HEADERS = {"value": "Reference figure", "as_of": "As of", "source_title": "Source", "source_url": "Link",
                    "dataset": "Table", "row": "Row"}
MANAGED = {"doc", "verdicts", "show", "q", "order", "at", "asides"}  # the query parameters of Filters.to_params

st.title("Review queue")
reviewer = reviewer_name()
conn = store()


def remember(filters: Filters) -> None:
    """Keep the filters in the address, then note what was written: an address unlike that note is news."""
    keep_in_address(filters.to_params(), MANAGED)
    st.session_state["desk_address"] = filters.to_params()
    st.session_state["desk_filters"] = filters


# the address wins when it says something new (a reload, a link from the documents page); else the widgets keep
# their state, or take back the session's last filters after a visit to another page
address = {k: v for k, v in st.query_params.items() if k in MANAGED}
news = address != st.session_state.get("desk_address") and (address or "desk_filters" not in st.session_state)
saved = Filters.from_params(address) if news else st.session_state.get("desk_filters", Filters())
for widget, value in (("f_document", saved.document), ("f_verdicts", list(saved.verdicts)), ("f_show", saved.show),
                      ("f_search", saved.search), ("f_order", saved.order), ("f_asides", saved.asides)):
    if news:
        st.session_state[widget] = value
    else:
        st.session_state.setdefault(widget, value)

drafts = documents(conn, states=("active",))
titles = {d.name: d.title for d in drafts}
if st.session_state["f_document"] not in ("", *titles):
    st.session_state["f_document"] = ""
with st.sidebar:
    st.selectbox("Draft", ["", *titles], key="f_document", format_func=lambda n: titles.get(n, "All drafts"))
    st.multiselect("Automatic verdict", VERDICTS, key="f_verdicts", format_func=VERDICT_LABELS.get)
    st.radio("Show", SHOW, key="f_show", horizontal=True, format_func=str.capitalize)
    st.text_input("Search (sentence, who, what, when, note)", key="f_search")
    st.radio("Order", ORDERS, key="f_order", horizontal=True,
             format_func={"flagged": "Flagged first", "draft": "As in the draft"}.get)
    st.checkbox("Show asides too ('today', bare small counts such as 'the two powers')", key="f_asides",
                help="Mentions the checker tied to nothing that only say when the story is told, or count in "
                     "passing. They are marked on the draft but not queued or counted in the progress.")
    include_gone = st.checkbox("Show claims gone from their draft", key="gone")
filters = Filters(st.session_state["f_document"], tuple(st.session_state["f_verdicts"]) or VERDICTS,
                  st.session_state["f_show"], st.session_state["f_search"], st.session_state["f_order"], saved.at,
                  st.session_state["f_asides"])

claims = stored_claims(conn, include_gone=include_gone, states=("active",))
shown = queue(claims, filters)
for draft in drafts if not filters.document else [d for d in drafts if d.name == filters.document]:
    done = draft.claims and draft.decided == draft.claims
    st.progress(draft.decided / draft.claims if draft.claims else 1.0,
                text=f"{draft.title}: " + ("all decided ✓" if done else f"{draft.decided} of {draft.claims} decided · "
                                                                      f"{draft.flagged_left} flagged left"))

index = current(shown, filters.at)
if index is not None:
    filters = filters.moved_to(claim_key(shown[index]))
remember(filters)
if index is None:
    st.info("No claim matches these filters." if claims else "No checked draft yet: check one on 'Check a draft'.")
    st.stop()
if not reviewer:
    st.info("Enter your name in the sidebar to record decisions.")


def decide(keys: list[tuple[str, str]], verdict: str, note_key: str | None, then: str) -> None:
    """Store one decision on `keys` (with the note typed under `note_key`) and move the queue to `then`."""
    note = st.session_state.get(note_key, "") if note_key else ""
    try:  # a callback runs before the page does, maybe on another thread: its own connection
        add_reviews(store(), keys, verdict, reviewer, note)
    except StoreError as error:
        st.session_state["desk_error"] = str(error)
        return
    remember(st.session_state["desk_filters"].moved_to(then))
    st.session_state["desk_saved"] = f"Saved {len(keys)}: {DECISION_LABELS[verdict]}"


def move(key: str) -> None:
    remember(st.session_state["desk_filters"].moved_to(key))


if "desk_error" in st.session_state:
    st.error(st.session_state.pop("desk_error"))
if "desk_saved" in st.session_state:
    st.toast(st.session_state.pop("desk_saved"))

claim = shown[index]
r = claim.record
key = claim_key(claim)
following = next_undecided(shown, index)
then = claim_key(following) if following else key
undecided = sum(not c.decided for c in shown)
st.caption(f"Claim {index + 1} of {len(shown)} in this queue · {undecided} undecided in it · keys: "
           + ", ".join(f"{k.upper()} {DECISION_LABELS[v].lower()}" for v, k in SHORTCUTS.items())
           + ", J next, K previous")
with st.container(border=True, key="claim_card"):
    offset = r["start"] - r["sentence_start"]
    st.html(marked_sentence(r["sentence"], offset, offset + len(r["text"]), claim.final_verdict))
    reference = "—" if r.get("reference_value") is None else f"{r['reference_value']:g}"
    st.markdown("| Who | What | When | Claimed | Reference |\n| --- | --- | --- | --- | --- |\n"
                + " | ".join(escape_markdown(str(part)) for part in (
                    r.get("entity") or "—", r.get("measure") or "—", r.get("period") or "—", r["text"], reference))
                + " |")
    status = (f"{VERDICT_ICONS[claim.auto_verdict]} Automatic: **{VERDICT_LABELS[claim.auto_verdict]}** · "
              f"{VERDICT_ICONS[claim.final_verdict]} Final: **{VERDICT_LABELS[claim.final_verdict]}**")
    status += f" (by {claim.reviewer})" if claim.reviewer else " (undecided)"
    if claim.look_again:
        status += " · ⚠️ the automatic verdict changed since it was reviewed"
    if claim.aside:
        status += " · an aside: not queued or counted unless asked for"
    st.markdown(status + f" · {escape_markdown(claim.title)}")
    st.text(r["explanation"])
    if r["evidence"]:
        st.caption("The reference rows behind it:")
        st.dataframe(pd.DataFrame(r["evidence"])[list(EVIDENCE_HEADERS)].rename(columns=EVIDENCE_HEADERS),
                     hide_index=True, width="stretch", column_config={"Link": st.column_config.LinkColumn()})
    with st.form(f"decision:{key}", border=False, enter_to_submit=False):  # the note goes with the click
        st.text_input("Note (optional, kept with the decision)", key=f"note:{key}")
        for column, (verdict, shortcut) in zip(st.columns(len(SHORTCUTS)), SHORTCUTS.items(), strict=True):
            column.form_submit_button(
                DECISION_LABELS[verdict], key=f"decide:{verdict}", shortcut=shortcut, disabled=not reviewer,
                icon=DECISION_ICONS[verdict], width="stretch", type="primary" if verdict == "auto" else "secondary",
                on_click=decide, args=([(claim.document, claim.claim_id)], verdict, f"note:{key}", then))
    back, forward, _ = st.columns([1, 1, 3])
    back.button("Previous", key="previous", shortcut="k", width="stretch", on_click=move,
                args=(claim_key(shown[index - 1]),))
    forward.button("Next", key="next", shortcut="j", width="stretch", on_click=move,
                   args=(claim_key(shown[(index + 1) % len(shown)]),))
    with st.expander("History"):
        trail = history(conn, claim.claim_id, claim.document)
        if not trail:
            st.write("No decisions yet.")
        for step in trail:
            st.write(f"{step.reviewed_at[:19].replace('T', ' ')} · {step.reviewer}: "
                     f"{VERDICT_LABELS[step.previous_verdict]} → {VERDICT_LABELS[step.new_verdict]}"
                     + (f" — {step.note}" if step.note else ""))

st.subheader("The whole queue")
if filters.document:
    supported = [(c.document, c.claim_id) for c in shown if c.auto_verdict == "supported" and not c.decided]
    st.button(f"Accept all {len(supported)} undecided supported claims of this draft", key="accept_supported",
              disabled=not (reviewer and supported), on_click=decide, args=(supported, "auto", None, then))
table = pd.DataFrame([{
    "#": number, "Draft": c.title, "Claim": c.record["text"], "Automatic": VERDICT_LABELS[c.auto_verdict],
    "Final": VERDICT_LABELS[c.final_verdict], "Decided": c.decided, "Reviewer": c.reviewer,
    "Who": c.record.get("entity"), "What": c.record.get("measure"), "When": c.record.get("period"),
    "Sentence": c.record["sentence"]} for number, c in enumerate(shown, start=1)])
generation = st.session_state.setdefault("desk_table", 0)
picked = st.dataframe(table, hide_index=True, width="stretch", height=360, on_select="rerun",
                      selection_mode="multi-row", key=f"queue_table:{generation}").selection.rows
if picked:
    keys = [(shown[i].document, shown[i].claim_id) for i in picked]
    left, middle, right = st.columns([2, 2, 1])
    verdict = left.selectbox(f"Decision for the {len(keys)} selected", ["auto", *VERDICTS], key="bulk_verdict",
                             format_func=DECISION_LABELS.get)
    if middle.button(f"Apply to {len(keys)} selected", key="bulk_apply", disabled=not reviewer):
        decide(keys, verdict, None, then)
        st.session_state["desk_table"] = generation + 1  # a new table: the selection is cleared
        st.rerun()
    right.button("Open the first selected", key="bulk_open", on_click=move, args=(claim_key(shown[picked[0]]),))
