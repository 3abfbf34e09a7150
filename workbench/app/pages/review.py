"""Review queue: flagged claims first; set the final verdict with a note; see each claim's history."""

import pandas as pd
import streamlit as st

from workbench.app.render import VERDICT_LABELS, frame_of, marked_sentence
from workbench.app.shared import reviewer_name, store
from workbench.model import VERDICTS
from workbench.store import StoreError, add_review, history, stored_claims

PAGE_SIZE = 25
FLAGGED_FIRST = {"contradicted": 0, "needs_review": 1, "unverifiable": 2, "supported": 3}

st.title("Review queue")
reviewer = reviewer_name()
conn = store()
claims = stored_claims(conn, include_gone=st.sidebar.checkbox("Show claims gone from their draft", key="gone"))
documents = sorted({c.document for c in claims})
with st.sidebar:
    verdicts = st.multiselect("Final verdict", VERDICTS, default=list(VERDICTS), key="verdicts",
                              format_func=VERDICT_LABELS.get)
    document = st.selectbox("Document", ["All documents", *documents], key="document")
    reviewed = st.radio("Reviewed", ["All", "Not yet reviewed", "Reviewed"], key="reviewed")

shown = [c for c in claims if c.final_verdict in verdicts and document in ("All documents", c.document)
         and (reviewed == "All" or (c.reviewer is None) == (reviewed == "Not yet reviewed"))]
shown.sort(key=lambda c: (not c.look_again, FLAGGED_FIRST[c.final_verdict], c.document, c.record["start"]))
st.caption(f"{len(shown)} of {len(claims)} claims; flagged ones first.")
if not reviewer:
    st.info("Enter your name in the sidebar to record decisions.")

for claim in shown[:PAGE_SIZE]:
    r = claim.record
    offset = r["start"] - r["sentence_start"]
    with st.container(border=True):
        st.html(marked_sentence(r["sentence"], offset, offset + len(r["text"]), claim.final_verdict))
        status = (f"Automatic: **{VERDICT_LABELS[claim.auto_verdict]}** · "
                  f"Final: **{VERDICT_LABELS[claim.final_verdict]}**")
        if claim.reviewer:
            status += f" (by {claim.reviewer})"
        if claim.look_again:
            status += " · ⚠️ the automatic verdict changed since it was reviewed"
        st.markdown(status + f" · {claim.document}")
        st.caption(f"Read as: {frame_of(r)}")
        st.write(r["explanation"])
        if r["evidence"]:
            st.dataframe(pd.DataFrame(r["evidence"])[["value", "as_of", "source_title", "source_url", "dataset",
                                                      "row"]],
                         hide_index=True, width="stretch",
                         column_config={"source_url": st.column_config.LinkColumn("source")})
        key = f"{claim.document}:{claim.claim_id}"
        with st.form(key=f"form:{key}"):
            left, right = st.columns([1, 3])
            verdict = left.selectbox("Final verdict", VERDICTS, index=VERDICTS.index(claim.final_verdict),
                                     format_func=VERDICT_LABELS.get, key=f"verdict:{key}")
            note = right.text_input("Note", key=f"note:{key}")
            if st.form_submit_button("Save decision", disabled=not reviewer):
                try:
                    add_review(conn, claim.claim_id, verdict, reviewer, note, claim.document)
                    st.toast(f"Saved: {VERDICT_LABELS[verdict]}")
                    st.rerun()
                except StoreError as error:
                    st.error(str(error))
        with st.expander("History"):
            trail = history(conn, claim.claim_id, claim.document)
            if not trail:
                st.write("No decisions yet.")
            for step in trail:
                st.write(f"{step.reviewed_at[:19].replace('T', ' ')} · {step.reviewer}: "
                         f"{VERDICT_LABELS[step.previous_verdict]} → {VERDICT_LABELS[step.new_verdict]}"
                         + (f" — {step.note}" if step.note else ""))
if len(shown) > PAGE_SIZE:
    st.caption(f"Showing the first {PAGE_SIZE}; narrow the filters to see others.")
