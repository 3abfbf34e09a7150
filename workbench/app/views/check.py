"""Check a draft: paste or upload, see every number and date marked by its final verdict (the reviewer's where
one has decided, else the checker's). Results come first; the form sits beside them."""

from collections import Counter

import streamlit as st

from workbench.app.desk import Filters
from workbench.app.render import VERDICT_LABELS, claims_table, highlighted_draft, legend
from workbench.app.shared import MAX_DRAFT_CHARACTERS, reference_and_rules, store
from workbench.documents import UPLOAD_TYPES, DocumentError, first_line_title, read_upload
from workbench.model import FLAGGED
from workbench.store import (
    StoreError,
    context_records,
    documents,
    latest_document,
    matching_document,
    save_check,
    stored_claims,
    stored_text,
)

TITLE_LENGTH = 120

st.title("Check a draft")
conn = store()
form, results = st.columns([1, 2], gap="large")
with form:
    pasted = st.text_area("Draft text", height=200, key="draft_text", placeholder="Paste the draft here…")
    uploaded = st.file_uploader("…or upload a file", type=list(UPLOAD_TYPES), key="draft_file")
    title = st.text_input("Title", key="draft_title", help="Re-checking a draft under the same title (or with the "
                          "same text) updates it and keeps the decisions on unchanged claims. Left empty: the "
                          "file's name, or the first line of the pasted text.")
    pub_date = st.date_input("Publication date", value=None, key="pub_date", format="YYYY-MM-DD",
                             help="Relative dates ('last year', 'on Tuesday'), and which editions of the reference "
                                  "data were out, are read as of this date.")
    clicked = st.button("Check", type="primary", key="check")

if clicked:
    try:
        if uploaded is not None and pasted.strip():
            raise DocumentError("There is both pasted text and an uploaded file: remove one, so it is clear which "
                                "draft to check.")
        if uploaded is not None:
            upload = read_upload(uploaded.name, uploaded.getvalue())
            text, fallback = upload.text, uploaded.name
            if upload.notice:
                st.session_state["check_notice"] = upload.notice
        elif pasted.strip():
            text = pasted
            fallback = first_line_title(text, TITLE_LENGTH)
        else:
            raise DocumentError("The draft is empty: paste some text or upload a file.")
        if pub_date is None:
            raise DocumentError("Set the publication date first: relative dates and reference editions are read "
                                "as of it.")
        if len(text) > MAX_DRAFT_CHARACTERS:
            raise DocumentError(f"This draft has {len(text):,} characters; the app checks up to "
                                f"{MAX_DRAFT_CHARACTERS:,} at once. Split it, or use `python -m workbench batch`.")
        from workbench.check import check_text

        chosen = title.strip() or fallback
        name = matching_document(conn, chosen, text) or chosen
        pack, rules = reference_and_rules()
        counts = save_check(conn, name, text, pub_date, check_text(text, pub_date, pack, rules), title=chosen)
        st.session_state["shown"] = name
        if counts["kept"]:
            st.session_state["check_notice"] = (
                f"Updated the stored draft '{name}': {counts['kept']} claims unchanged (decisions kept), "
                f"{counts['added']} new, {counts['gone']} gone.")
    except (DocumentError, StoreError) as error:
        form.error(str(error))

with results:
    if "check_notice" in st.session_state:
        st.info(st.session_state.pop("check_notice"))
    shown = st.session_state.get("shown")
    if shown not in {d.name for d in documents(conn)}:  # never checked here, or deleted since
        shown = latest_document(conn)
        st.session_state.pop("shown", None)
    if not shown:
        st.info("Paste or upload a draft: it comes back here with every number and date marked.")
        st.stop()
    claims = stored_claims(conn, document=shown)
    if "shown" not in st.session_state:
        st.caption("The latest draft checked. Paste or upload one to check it.")
    records = [{**c.record, "verdict": c.final_verdict, "auto_verdict": c.auto_verdict, "reviewer": c.reviewer,
                "aside": c.aside} for c in claims]
    queued = [c for c in claims if not c.aside]
    decided = sum(c.decided for c in queued)
    st.subheader(f"{claims[0].title if claims else shown}")
    final = Counter(c.final_verdict for c in queued)
    st.caption(f"{sum(final[v] for v in FLAGGED)} flagged (contradicted or needs review), {final['supported']} "
               f"supported, {final['unverifiable']} without reference data · {decided} decided by a reviewer · "
               "marks show the final verdict; "
               "dotted ones are part of another claim. Hover, click or Tab to a mark for why.")
    # st.html, not st.markdown: the draft is shown as it is written, neither as HTML nor as Markdown
    st.html(legend(Counter(r["verdict"] for r in records)))
    # an editor's next step: straight to this draft's flagged claims still to decide, in the queue
    flagged = sum(c.auto_verdict in FLAGGED and not c.decided for c in queued)
    target = Filters(shown, FLAGGED, "undecided") if flagged else Filters(shown)
    st.page_link("views/review.py", icon=":material/fact_check:", query_params=target.to_params(),
                 label=f"Review the {flagged} undecided flagged claims (contradicted, needs review)" if flagged
                 else "Open this draft in the Review queue")
    context = [{**r, "verdict": "context"} for r in context_records(conn, shown)]
    st.html(highlighted_draft(stored_text(conn, shown), records + context))
    if records:
        with st.expander("Every claim, with its reading"):
            st.html(claims_table(records))
    st.caption("Decisions are made in the Review queue. Verdicts: "
               + ", ".join(VERDICT_LABELS.values()) + ".")
