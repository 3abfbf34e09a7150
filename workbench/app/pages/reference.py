"""Reference data: each table with its sources and editions, searchable; and what failed to load."""

import streamlit as st

from workbench.app.shared import reference_and_rules

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
