"""Entry point: `streamlit run workbench/app/main.py` (what `make run` does).

The pages live in views/, not pages/: with a pages/ folder beside this script Streamlit starts in its old
multipage mode until st.navigation first runs, and the first request after a start, if it names a page
(/review), runs that page's script alone, without the access gate below."""

from pathlib import Path

import streamlit as st

from workbench.app.access import gate
from workbench.app.seed import seed_samples
from workbench.app.shared import store

st.set_page_config(page_title="Fact-check workbench", page_icon="🔎", layout="wide")
st.session_state["identity"] = gate()  # stops here unless the page may be shown
PAGES = Path(__file__).parent / "views"
navigation = st.navigation([
    st.Page(PAGES / "check.py", title="Check a draft", icon=":material/edit_note:", default=True),
    st.Page(PAGES / "review.py", title="Review queue", icon=":material/fact_check:"),
    st.Page(PAGES / "documents.py", title="Documents", icon=":material/folder_open:"),
    st.Page(PAGES / "reference.py", title="Reference data", icon=":material/menu_book:"),
    st.Page(PAGES / "export.py", title="Export", icon=":material/download:"),
])
if "seeded" not in st.session_state:
    with st.spinner("First visit: checking the sample drafts…"):
        st.session_state["seeded"] = seed_samples(store())
navigation.run()
