"""Export: the verified CSV and ClaimReview JSON-LD, from the store (the same code as the CLI)."""

import streamlit as st

from workbench.app.shared import store
from workbench.export import to_claimreview, to_csv
from workbench.store import stored_claims

st.title("Export")
only = st.radio("Claims", ["all", "flagged", "reviewed"], horizontal=True, key="only",
                format_func={"all": "All", "flagged": "Flagged (contradicted, needs review)",
                             "reviewed": "Reviewed"}.get)
claims = stored_claims(store(), only)
st.caption(f"{len(claims)} claims.")
bom = st.checkbox("For Excel (UTF-8 with byte-order mark)", key="bom")
st.download_button("Download verified CSV", to_csv(claims, bom=bom), file_name=f"claims-{only}.csv",
                   mime="text/csv", key="csv")
st.subheader("ClaimReview (schema.org JSON-LD)")
organisation = st.text_input("Publishing organisation", value="Fact-check desk", key="organisation")
site_url = st.text_input("URL of the published fact-check page", key="site_url",
                         help="Google shows ClaimReview only with the url of the page that publishes it.")
reviewed = [c for c in claims if c.reviewer]
st.caption(f"{len(reviewed)} reviewed claims become ClaimReview objects.")
st.download_button("Download ClaimReview JSON-LD", to_claimreview(claims, organisation, site_url or None),
                   file_name="claimreview.json", mime="application/ld+json", key="claimreview")
