"""Export: the verified CSV and ClaimReview JSON-LD of one draft or all, from the store (the same code as the CLI)."""

import streamlit as st

from workbench.app.shared import store
from workbench.export import publishable, to_claimreview, to_csv
from workbench.store import documents, stored_claims

st.title("Export")
conn = store()
drafts = {d.name: d for d in documents(conn)}
document = st.selectbox("Draft", ["", *drafts], key="export_document",
                        format_func=lambda n: drafts[n].title if n else "All drafts")
only = st.radio("Claims", ["all", "flagged", "reviewed"], horizontal=True, key="only",
                format_func={"all": "All", "flagged": "Flagged (contradicted, needs review)",
                             "reviewed": "Reviewed"}.get)
claims = stored_claims(conn, only, document=document or None)
slug = "".join(ch if ch.isalnum() else "-" for ch in drafts[document].title)[:40] if document else "all"
st.caption(f"{len(claims)} claims.")
bom = st.checkbox("For Excel (UTF-8 with byte-order mark)", key="bom")
st.download_button("Download verified CSV", to_csv(claims, bom=bom), file_name=f"claims-{slug}-{only}.csv",
                   mime="text/csv", key="csv")
st.subheader("ClaimReview (schema.org JSON-LD)")
organisation = st.text_input("Publishing organisation", value="Fact-check desk", key="organisation")
site_url = st.text_input("URL of the published fact-check page", key="site_url",
                         help="Google shows ClaimReview only with the url of the page that publishes it.")
missing = sorted({c.title for c in claims if not c.url})
if missing:
    st.caption("No article URL yet (set it on the Documents page): " + "; ".join(missing))
reviewed = [c for c in claims if publishable(c)]
st.caption(f"{len(reviewed)} decided claims become ClaimReview objects; claims not yet decided, or decided as "
           "needs review, are left out.")
st.download_button("Download ClaimReview JSON-LD", to_claimreview(claims, organisation, site_url or None),
                   file_name=f"claimreview-{slug}.json", mime="application/ld+json", key="claimreview")
