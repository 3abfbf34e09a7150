"""Who may use the app, and under which name their reviews are recorded.

- With an OIDC provider configured in .streamlit/secrets.toml (`[auth]`), Streamlit's `st.login` guards
  every page and each review records the signed-in identity (e-mail, else name), never a typed name.
- Without it, the app serves only on localhost: bound to any other address it refuses to open, unless
  the operator sets WORKBENCH_ALLOW_REMOTE=1 (a private network they trust). `make run` checks the same
  before it starts the server: `python -m workbench.app.access ADDRESS`.
"""

from __future__ import annotations

import os
import sys

LOCAL_ADDRESSES = {"localhost", "127.0.0.1", "::1"}


def is_local(address: str | None) -> bool:
    """None or an empty address means every interface: not local."""
    return bool(address) and address in LOCAL_ADDRESSES


def refusal(address: str | None, auth_configured: bool, allow_remote: bool) -> str | None:
    """Why the app must not serve, or None when it may."""
    if is_local(address) or auth_configured or allow_remote:
        return None
    shown = address or "every network interface"
    return (f"The workbench is set to serve on {shown} without sign-in. Configure an OIDC provider in "
            ".streamlit/secrets.toml ([auth], see README), or serve on localhost, or set "
            "WORKBENCH_ALLOW_REMOTE=1 if this network is private and trusted.")


def remote_allowed() -> bool:
    return os.environ.get("WORKBENCH_ALLOW_REMOTE") == "1"


def _auth_configured() -> bool:
    import streamlit as st

    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _user() -> dict:
    import streamlit as st

    return st.user.to_dict() if hasattr(st.user, "to_dict") else dict(st.user)


def gate() -> str | None:
    """Stop the page unless it may be shown; return the signed-in identity when sign-in is configured."""
    import streamlit as st

    configured = _auth_configured()
    reason = refusal(st.get_option("server.address"), configured, remote_allowed())
    if reason:
        st.error(reason)
        st.stop()
    if not configured:
        return None
    user = _user()
    if not user.get("is_logged_in"):
        st.title("Fact-check workbench")
        st.write("Sign in to check drafts and record reviews.")
        st.button("Sign in", on_click=st.login, key="sign_in")
        st.stop()
    return str(user.get("email") or user.get("name") or user.get("sub"))


if __name__ == "__main__":  # used by `make run` before it starts the server
    from pathlib import Path

    address = sys.argv[1] if len(sys.argv) > 1 else "localhost"
    secrets = Path(".streamlit/secrets.toml")
    configured = secrets.is_file() and "[auth" in secrets.read_text(encoding="utf-8")
    reason = refusal(address, configured, remote_allowed())
    if reason:
        print(f"workbench: {reason}", file=sys.stderr)
        sys.exit(1)
