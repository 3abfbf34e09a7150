"""What every page shares: the reference data and rules (loaded once per process), the store and the
reviewer's name. Heavy modules are imported where they are first needed, so the first page draws fast."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import streamlit as st

from workbench.store import StoreError, connect, default_path

MAX_DRAFT_CHARACTERS = 500_000  # about 80,000 words; larger texts belong to the batch command


@st.cache_resource(show_spinner="Loading reference data and rules…")
def reference_and_rules():
    from workbench.cache import load_checking
    from workbench.extract import warm_up

    warm_up()
    return load_checking()


def store() -> sqlite3.Connection:
    """A connection for this run of the page (SQLite connections stay on their thread). When the
    database cannot be used the page says why and stops; nothing is lost by stopping."""
    try:
        return connect(default_path())
    except StoreError as error:
        st.error(f"The review database cannot be used: {error}. Decisions already stored are safe; "
                 "ask the operator to fix the database, then reload the page.")
        st.stop()


def reviewer_name() -> str:
    """The signed-in identity when sign-in is configured; else asked in the sidebar and kept for the session and
    in the page's address (a reload keeps it, and so does a move to another page: a widget's own state does not
    follow it there, so the name is put back into the box on every run)."""
    identity = st.session_state.get("identity")
    if identity:
        st.sidebar.write(f"Signed in as **{identity}**")
        st.sidebar.button("Sign out", on_click=st.logout, key="sign_out")
        return identity
    name = (st.query_params.get("reviewer") or st.session_state.get("reviewer_name", "")).strip()
    st.session_state["reviewer"] = name
    st.sidebar.text_input("Your name (recorded with each review)", key="reviewer", on_change=_name_typed)
    st.session_state["reviewer_name"] = name
    keep_in_address({"reviewer": name} if name else {}, {"reviewer"})
    return name


def _name_typed() -> None:
    """A name typed (or cleared) in the box replaces the one in the session and the address."""
    name = st.session_state["reviewer"].strip()
    st.session_state["reviewer_name"] = name
    keep_in_address({"reviewer": name} if name else {}, {"reviewer"})


def keep_in_address(values: dict[str, str], managed: Iterable[str]) -> None:
    """Write `values` into the page's query parameters and drop the other `managed` ones; others are left alone."""
    for key in managed:
        if key in values:
            if st.query_params.get(key) != values[key]:
                st.query_params[key] = values[key]
        elif key in st.query_params:
            del st.query_params[key]
