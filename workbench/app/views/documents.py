"""Documents: every checked draft with its status, reviewers and when it was checked; the article's URL for the
ClaimReview export; archive, restore or delete (nothing is erased: reviews and this page's actions stay logged)."""

import pandas as pd
import streamlit as st

from workbench.app.shared import reviewer_name, store
from workbench.store import StoreError, document_events, documents, set_document_state, set_document_url

st.title("Documents")
actor = reviewer_name()
conn = store()
states = ("active", "archived") if st.checkbox("Show archived drafts", key="show_archived") else ("active",)
drafts = documents(conn, states=states)
if not drafts:
    st.info("No checked draft yet: check one on 'Check a draft'.")
    st.stop()
st.dataframe(pd.DataFrame([{
    "Title": d.title, "Status": d.status, "Decided": f"{d.decided} of {d.claims}",
    "Reviewers": ", ".join(d.reviewers), "Checked": d.checked_at[:16].replace("T", " "), "Published": d.pub_date,
    "Article URL": d.url, "Archived": d.state == "archived"} for d in drafts]),
    hide_index=True, width="stretch", column_config={"Article URL": st.column_config.LinkColumn("Article URL")})

by_name = {d.name: d for d in drafts}
name = st.selectbox("Draft", list(by_name), key="document", format_func=lambda n: by_name[n].title)
draft = by_name[name]
st.page_link("views/review.py", label=f"Review this draft ({draft.claims - draft.decided} undecided)",
             icon=":material/fact_check:", query_params={"doc": name})
if not actor:
    st.info("Enter your name in the sidebar to set the URL, archive or delete: each change is logged under it.")
with st.form("article_url"):
    url = st.text_input("Article URL (where the story is published; ClaimReview names it)", value=draft.url or "",
                        key=f"url:{name}")
    if st.form_submit_button("Save URL", disabled=not actor):
        try:
            set_document_url(conn, name, url, actor)
            st.rerun()
        except StoreError as error:
            st.error(str(error))
left, right = st.columns(2)
if draft.state == "archived":
    left.button("Restore to the queue", key="restore", disabled=not actor,
                on_click=lambda: set_document_state(store(), name, "active", actor))
else:
    left.button("Archive (out of the queue; exports keep it)", key="archive", disabled=not actor,
                on_click=lambda: set_document_state(store(), name, "archived", actor))
sure = right.checkbox("Delete: I understand it leaves the queue and the exports", key="sure")
right.button("Delete", key="delete", disabled=not (actor and sure),
             on_click=lambda: set_document_state(store(), name, "deleted", actor))
st.caption("Deleting keeps every review in the audit trail; checking the draft again brings it back with them.")
with st.expander("What was done to this draft"):
    events = document_events(conn, name)
    st.write("\n".join(f"- {at[:19].replace('T', ' ')} · {who}: {action} {detail}" for at, who, action, detail
                       in events) if events else "Nothing yet.")
