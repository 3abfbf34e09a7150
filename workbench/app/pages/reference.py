"""Reference data: each table with its sources and editions, searchable; what failed to load; a new edition of a
table uploaded, checked and confirmed."""

import pandas as pd
import streamlit as st

from workbench.app.shared import reference_and_rules, reviewer_name, store
from workbench.store import reference_changes

st.title("Reference data")
pack, rules = reference_and_rules()
for problem in pack.errors:
    st.error(f"A reference table was not loaded and is not used for checking: {problem}")
for problem in rules.errors:
    st.error(f"A rule file was not loaded and is not used for checking: {problem}")
if not pack.tables:
    st.warning("No reference table could be loaded: every claim will be unverifiable until one is fixed.")
    st.stop()
name = st.selectbox("Table", list(pack.tables), format_func=lambda n: pack.tables[n].title, key="table")
table = pack.tables[name]
st.caption(f"`{table.path.name}` · {len(table.frame):,} rows")
for source in table.sources:
    st.markdown(f"- Source: [{source.get('title', source.get('path'))}]({source.get('path')})")
query = st.text_input("Search this table", key="search").strip().lower()
frame = table.frame
if query:
    rows_text = frame.astype("string").fillna("").agg(" ".join, axis=1).str.lower()
    frame = frame[rows_text.str.contains(query, regex=False)]
st.dataframe(frame, hide_index=True, width="stretch",
             column_config={"source_url": st.column_config.LinkColumn("source_url")})
st.caption(f"{len(frame):,} rows shown. Rules in use: " + ", ".join(r.id for r in rules.rules))

st.subheader("Upload a new edition of this table")
st.caption("The CSV replaces the table's file. It is validated exactly as at load, compared with the table in use, "
           "and the stored claims whose automatic verdict it would change are listed; nothing is replaced until "
           "you confirm, and every replacement is logged (who, when, which file).")
upload = st.file_uploader("New CSV for this table", type=["csv"], key="reference_upload")
if upload is not None and st.button("Check the upload", key="reference_check"):
    from workbench.reference_update import propose

    st.session_state["reference_proposal"] = propose(store(), name, upload.name, upload.getvalue(), rules)
proposal = st.session_state.get("reference_proposal")
if proposal is not None and proposal.table == name:
    if proposal.errors:
        for problem in proposal.errors:
            st.error(f"Refused, as it would be at load: {problem}")
    else:
        st.write(f"**{len(proposal.added):,} rows added, {len(proposal.removed):,} removed** "
                 f"(a changed row counts as one of each).")
        for label, rows in (("Added", proposal.added), ("Removed", proposal.removed)):
            if len(rows):
                st.caption(label)
                st.dataframe(rows, hide_index=True, width="stretch", height=200)
        if proposal.affected:
            st.caption(f"{len(proposal.affected)} stored claims would get another automatic verdict "
                       "(reviewed ones are flagged to look at again):")
            st.dataframe(proposal.affected, hide_index=True, width="stretch")
        else:
            st.caption("No stored claim would get another automatic verdict.")
        actor = reviewer_name()
        if st.button(f"Confirm: replace {table.path.name}", key="reference_confirm", type="primary",
                     disabled=not actor):
            from workbench.reference_update import apply

            flagged = apply(store(), proposal, actor, rules)
            st.session_state.pop("reference_proposal")
            reference_and_rules.clear()
            st.session_state["reference_done"] = (f"{table.path.name} replaced; the stored drafts were checked "
                                                  f"again; {flagged} reviewed claims flagged to look at again.")
            st.rerun()
        if not actor:
            st.info("Enter your name in the sidebar to confirm: the change is logged under it.")
if "reference_done" in st.session_state:
    st.success(st.session_state.pop("reference_done"))
changes = reference_changes(store())
if changes:
    with st.expander("Reference tables replaced from the app"):
        st.dataframe(pd.DataFrame([vars(c) for c in changes]), hide_index=True, width="stretch")
