"""Reference data: each table with where its figures come from (the primary source, then where they were read) and
an entity's series across editions; searchable rows; what failed to load; a new edition of a table, or a new table
with its description, uploaded, checked and confirmed."""

import re
from pathlib import Path

import pandas as pd
import streamlit as st

from workbench.app.shared import reference_and_rules, reviewer_name, store
from workbench.reference import PERIODS
from workbench.reference_view import edition_column, edition_series, editions_in_order, most_revised, provenance
from workbench.store import reference_changes

UNITS = ["count", "percent", "percentage_point", "USD", "EUR", "GBP", "year", "tonne", "kilometre", "fraction"]

st.title("Reference data")
pack, rules = reference_and_rules()
actor = reviewer_name()
for problem in pack.errors:
    st.error(f"A reference table was not loaded and is not used for checking: {problem}")
for problem in rules.errors:
    st.error(f"A rule file was not loaded and is not used for checking: {problem}")
if "reference_done" in st.session_state:
    st.success(st.session_state.pop("reference_done"))


def words(text: str) -> tuple[str, ...]:
    """A comma-separated list typed in the form."""
    return tuple(w.strip() for w in text.split(",") if w.strip())


def show_proposal(proposal, confirm_label: str) -> None:
    """What an upload would change, and the button that writes it (nothing is written before)."""
    if proposal.errors:
        for problem in proposal.errors:
            st.error(f"Refused, as it would be at load: {problem}")
        return
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
    if st.button(confirm_label, key="reference_confirm", type="primary", disabled=not actor):
        from workbench.reference_update import apply

        try:
            flagged = apply(store(), proposal, actor, rules)
        except ValueError as error:
            st.error(str(error))
            return
        st.session_state.pop("reference_proposal")
        reference_and_rules.clear()
        done = "added" if proposal.resource else "replaced"
        st.session_state["reference_done"] = (f"{proposal.table} {done}; the stored drafts were checked again; "
                                              f"{flagged} reviewed claims flagged to look at again.")
        if proposal.resource:
            st.session_state["reference_open"] = proposal.table  # the table picker opens on it after the rerun
        st.rerun()
    if not actor:
        st.info("Enter your name in the sidebar to confirm: the change is logged under it.")


proposal = st.session_state.get("reference_proposal")
if pack.tables:
    if st.session_state.get("reference_open") in pack.tables:
        st.session_state["table"] = st.session_state.pop("reference_open")
    name = st.selectbox("Table", list(pack.tables), format_func=lambda n: pack.tables[n].title, key="table")
    table = pack.tables[name]
    st.caption(f"`{table.path.name}` · {len(table.frame):,} rows")
    st.markdown("**Where the figures come from**: the primary source first, then where it was read when that was "
                "a copy.")
    st.dataframe(provenance(table), hide_index=True, width="stretch", column_config={
        "Primary source": st.column_config.LinkColumn("Primary source", width="medium"),
        "Read from": st.column_config.TextColumn(width="medium"), "Title": st.column_config.TextColumn(width="medium"),
        "Rows": st.column_config.NumberColumn(width="small")})

    if edition_column(table) and table.description:
        st.subheader("Revisions across editions")
        metrics = list(table.description.measures)
        metric = st.selectbox("Measure", metrics, key=f"edition_metric:{name}",
                              format_func=lambda m: table.description.measures[m].label) if len(metrics) > 1 \
            else metrics[0]
        entity = st.selectbox("Entity", most_revised(table, metric), key=f"edition_entity:{name}",
                              help="Those found in the most editions come first.")
        series = edition_series(table, metric, entity)
        if not series.empty:
            import altair as alt

            order = [e for e in editions_in_order(table) if e in set(series["edition"])]
            chart = alt.Chart(series).mark_line(point=True).encode(
                x=alt.X("period:O", title="Period"),
                y=alt.Y("value:Q", title=table.description.measures[metric].label, scale=alt.Scale(zero=False)),
                color=alt.Color("edition:N", sort=order, title="Edition",
                                legend=alt.Legend(orient="bottom", columns=1, labelLimit=700)),
                tooltip=["edition", "period", "value"])
            st.altair_chart(chart, width="stretch", height=360 + 24 * len(order),  # room for the legend below
                            alt=f"{entity}: one line per edition")
            st.caption(f"{entity}: one line per edition ({len(order)}), oldest first in the legend.")
            with st.expander("The same figures as a table"):
                st.dataframe(series.pivot_table(index="period", columns="edition", values="value", sort=False)
                             [order], width="stretch")

    query = st.text_input("Search this table", key="search").strip().lower()
    frame = table.frame
    if query:
        rows_text = frame.astype("string").fillna("").agg(" ".join, axis=1).str.lower()
        frame = frame[rows_text.str.contains(query, regex=False)]
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={"source_url": st.column_config.LinkColumn("source_url")})
    st.caption(f"{len(frame):,} rows shown. Rules in use: " + ", ".join(r.id for r in rules.rules))

    st.subheader("Upload a new edition of this table")
    st.caption("The CSV replaces the table's file. It is validated exactly as at load, compared with the table in "
               "use, and the stored claims whose automatic verdict it would change are listed; nothing is replaced "
               "until you confirm, and every replacement is logged (who, when, which file).")
    upload = st.file_uploader("New CSV for this table", type=["csv"], key="reference_upload")
    if upload is not None and st.button("Check the upload", key="reference_check"):
        from workbench.reference_update import propose

        proposal = st.session_state["reference_proposal"] = propose(store(), name, upload.name, upload.getvalue(),
                                                                    rules)
    if proposal is not None and proposal.resource is None and proposal.table == name:
        show_proposal(proposal, f"Confirm: replace {table.path.name}")
else:
    st.warning("No reference table could be loaded: every claim will be unverifiable until one is fixed.")

st.subheader("Add a new table")
st.caption("A tidy CSV, one figure per row, and what the checker needs to know about it. The upload is validated "
           "exactly as at load (with the description below), the stored claims whose automatic verdict it would "
           "change are listed, and nothing is written until you confirm; the addition is logged (who, when, which "
           "file, the description). How a description works: reference_data/README.md.")
new = st.file_uploader("CSV of the new table", type=["csv"], key="new_table_upload")
header: list[str] = []
if new is not None:
    try:
        header = list(pd.read_csv(new, nrows=0, dtype=str, encoding="utf-8").columns)
    except (ValueError, UnicodeDecodeError) as error:
        st.error(f"{new.name} cannot be read as a UTF-8 CSV table: {error}")
if new is not None and header:
    optional = ["", *header]
    stem = re.sub(r"[^a-z0-9_]+", "_", Path(new.name).stem.lower()).strip("_")
    with st.form("new_table"):
        left, right = st.columns(2)
        table_name = left.text_input("Table id (letters, digits, _)", value=stem, key="nt_name")
        title = right.text_input("Title", key="nt_title", placeholder="What the table holds, for whom, when")
        source_title = left.text_input("Primary source: title", key="nt_source_title",
                                       placeholder="Who published the figures, which document")
        source_url = right.text_input("Primary source: address (https://...)", key="nt_source_url")
        retrieved_from = left.text_input("Read from, if a copy (optional)", key="nt_retrieved_from",
                                         help="Written on every row unless the CSV has a retrieved_from column.")
        publisher = right.text_input("Publisher, as an explanation names it (optional)", key="nt_publisher",
                                     placeholder="the statistics office")
        entity_column = left.selectbox("Who each figure is about: column", header, key="nt_entity")
        period_column = right.selectbox("When: column", header, index=min(1, len(header) - 1), key="nt_period")
        value_column = left.selectbox("The figure: column", header, index=min(2, len(header) - 1), key="nt_value")
        period = right.selectbox("Periods are", PERIODS, key="nt_granularity",
                                 help="year: 2024 · quarter: 2024-Q3 · month: 2024-03")
        metric = left.text_input("Measure id (letters, digits, _)", key="nt_metric", placeholder="unemployment_rate")
        label = right.text_input("Measure label, as explanations name it", key="nt_label",
                                 placeholder="unemployment rate")
        measure_words = left.text_input("What news copy calls the measure (comma-separated)", key="nt_words",
                                        placeholder="unemployment rate, jobless rate")
        context_words = right.text_input("Words that support it without naming it (optional, comma-separated)",
                                         key="nt_context_words")
        unit = left.selectbox("Unit of the figures", UNITS, key="nt_unit", accept_new_options=True,
                              help="As the extractor names units: an ISO currency code, percent, count, year...")
        singular = right.text_input("One entity is called", value="country", key="nt_singular")
        plural = left.text_input("Several are called", value="countries", key="nt_plural")
        entity_words = right.text_input("Nouns news copy counts them by (comma-separated, optional)",
                                        key="nt_entity_words", placeholder="countries, nations")
        edition = left.selectbox("Edition column (optional)", optional, key="nt_edition",
                                 help="Where the source revises its figures: which edition a row is from.")
        edition_date = right.selectbox("Edition date column (optional)", optional, key="nt_edition_date",
                                       help="The day (YYYY-MM-DD) or month (YYYY-MM) each edition was published: "
                                            "claims are checked against the editions out by a draft's date.")
        st.caption("Other columns are kept as text, for reviewers and the search.")
        if st.form_submit_button("Check the new table"):
            from workbench.reference_update import NewTable, propose_table

            form = NewTable(table_name.strip(), title, source_title, source_url.strip(), entity_column,
                            period_column, value_column, metric.strip(), label, unit or "", words(measure_words),
                            period, words(context_words), publisher, singular, plural, words(entity_words),
                            edition, edition_date, retrieved_from)
            proposal = st.session_state["reference_proposal"] = propose_table(store(), form, new.name,
                                                                              new.getvalue(), rules)
    if proposal is not None and proposal.resource is not None:
        show_proposal(proposal, f"Confirm: add {proposal.table}")

changes = reference_changes(store())
if changes:
    with st.expander("Reference tables added or replaced from the app"):
        st.dataframe(pd.DataFrame([vars(c) for c in changes]), hide_index=True, width="stretch")
