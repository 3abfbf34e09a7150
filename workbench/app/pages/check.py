"""Check a draft: paste or upload, see every number and date highlighted by verdict."""

import hashlib
from collections import Counter
from datetime import date

import streamlit as st

from workbench.app.render import claims_table, highlighted_draft, legend
from workbench.app.shared import MAX_DRAFT_CHARACTERS, reference_and_rules, store
from workbench.documents import UPLOAD_TYPES, DocumentError, document_text
from workbench.store import StoreError, latest_document, save_check, stored_claims, stored_text

st.title("Check a draft")
st.caption("Paste a draft or upload one; every number and date comes back marked with its verdict. "
           "Hover a mark to see why and the source.")
pasted = st.text_area("Draft text", height=220, key="draft_text", placeholder="Paste the draft here…")
uploaded = st.file_uploader("…or upload a file", type=list(UPLOAD_TYPES), key="draft_file")
left, right = st.columns(2)
pub_date = left.date_input("Publication date", value=date.today(), key="pub_date",
                           help="Relative dates, and which editions of the reference data were out, "
                                "are read as of this date.")
title = right.text_input("Title (optional)", key="draft_title")

if st.button("Check", type="primary", key="check"):
    try:
        if uploaded is not None:
            name, text = uploaded.name, document_text(uploaded.name, uploaded.getvalue())
        elif pasted.strip():
            text = pasted
            name = title.strip() or f"pasted draft {hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"
        else:
            raise DocumentError("The draft is empty: paste some text or upload a file.")
        if len(text) > MAX_DRAFT_CHARACTERS:
            raise DocumentError(f"This draft has {len(text):,} characters; the app checks up to "
                                f"{MAX_DRAFT_CHARACTERS:,} at once. Split it, or use `python -m workbench batch`.")
        from workbench.check import check_text

        pack, rules = reference_and_rules()
        checked = check_text(text, pub_date, pack, rules)
        save_check(store(), name, text, pub_date, checked, title=title.strip() or None)
        st.session_state["result"] = (name, text, [c.to_record(name) for c in checked])
    except (DocumentError, StoreError) as error:
        st.session_state.pop("result", None)
        st.error(str(error))

shown = st.session_state.get("result") or latest_document(store())
if shown:
    name = shown[0] if isinstance(shown, tuple) else shown
    text = stored_text(store(), name)
    records = [c.record for c in stored_claims(store(), document=name)]
    if "result" not in st.session_state:
        st.info(f"The latest draft checked: {name}. Paste or upload one above to check it.")
    counts = Counter(r["verdict"] for r in records)
    st.subheader(f"{name}: {len(records)} claims")
    # st.html, not st.markdown: the draft is shown as it is written, neither as HTML nor as Markdown
    st.html(legend(counts))
    st.html(highlighted_draft(text, records))
    if records:
        st.html(claims_table(records))
    st.caption("Decisions on these claims are made in the Review queue.")
