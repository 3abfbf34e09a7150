"""Serving beyond localhost: sign-in through Streamlit's OIDC when configured, refusal otherwise."""

import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from workbench import PROJECT_DIR
from workbench.app import access
from workbench.store import connect, stored_claims

MAIN = str(PROJECT_DIR / "workbench" / "app" / "main.py")
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32, "client_id": "id",
        "client_secret": "secret", "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}


@pytest.mark.parametrize(("address", "auth", "allow", "refused"), [
    ("localhost", False, False, False), ("127.0.0.1", False, False, False), ("::1", False, False, False),
    ("0.0.0.0", False, False, True), (None, False, False, True), ("10.1.2.3", False, False, True),
    ("0.0.0.0", True, False, False), ("0.0.0.0", False, True, False),
])
def test_who_may_serve_where(address, auth, allow, refused):
    assert (access.refusal(address, auth, allow) is not None) == refused


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "app.db"))
    st.cache_resource.clear()
    yield AppTest.from_file(MAIN, default_timeout=60)
    st.config.set_option("server.address", "localhost")


def test_beyond_localhost_without_sign_in_the_app_refuses_to_open(app, monkeypatch):
    monkeypatch.delenv("WORKBENCH_ALLOW_REMOTE", raising=False)
    st.config.set_option("server.address", "0.0.0.0")
    app.run()
    assert [e.value[:60] for e in app.error] == [access.refusal("0.0.0.0", False, False)[:60]]
    assert not app.text_area


def test_with_sign_in_configured_the_pages_wait_for_it(app):
    app.secrets["auth"] = AUTH
    app.run()
    assert not app.exception and app.button(key="sign_in").label == "Sign in" and not app.text_area


def test_a_signed_in_reviewer_is_recorded_by_identity_not_by_typed_name(app, tmp_path, monkeypatch):
    app.secrets["auth"] = AUTH
    monkeypatch.setattr(access, "_user", lambda: {"is_logged_in": True, "email": "ana@desk.example"})
    st.config.set_option("server.address", "0.0.0.0")
    app.run()
    app.switch_page("views/review.py").run()
    assert not app.exception and not [t for t in app.sidebar.text_input if t.key == "reviewer"]
    app.button(key="decide:needs_review").click().run()
    [again] = [c for c in stored_claims(connect(tmp_path / "app.db")) if c.reviewer]
    assert again.reviewer == "ana@desk.example"


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed")
def test_a_page_named_in_the_first_request_after_a_start_is_guarded_too(tmp_path, monkeypatch):
    """Streamlit ran a page's script alone (no gate) on the first request after a start while the pages sat in a
    folder named pages/."""
    from scripts.app_browser import browser_page, running_app

    monkeypatch.delenv("WORKBENCH_ALLOW_REMOTE", raising=False)
    with running_app(tmp_path / "app.db", address="0.0.0.0") as url, browser_page() as page:
        page.goto(f"{url}/review")
        page.get_by_text("without sign-in").wait_for(timeout=60_000)
        assert page.get_by_text("Review queue", exact=True).count() == 0


def test_make_run_checks_the_address_before_starting():
    def check(address, **env):
        return subprocess.run([sys.executable, "-m", "workbench.app.access", address], cwd=PROJECT_DIR,
                              capture_output=True, text=True, env={"PYTHONPATH": str(PROJECT_DIR), **env})

    refused = check("0.0.0.0")
    assert refused.returncode == 1 and "without sign-in" in refused.stderr
    assert check("0.0.0.0", WORKBENCH_ALLOW_REMOTE="1").returncode == 0
    assert check("localhost").returncode == 0
