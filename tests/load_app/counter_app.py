"""A tiny app for testing the headless load client: a fragment that counts its own runs per session.

"go" starts the fragment's timer (run_every=INTERVAL); each run adds one to the session's counter and shows it
as "#### Runs **n**" (the Playground's status-line format, so the client's `epoch_of` reads it). A query
parameter `sleep` (seconds) makes each run take that long, to test a timer faster than the runs.
"""

import time

import streamlit as st

INTERVAL = 0.1

st.session_state.setdefault("runs", 0)
st.session_state.setdefault("going", False)


def _go() -> None:
    st.session_state["going"] = True


st.button("go", key="go", on_click=_go)
sleep = float(st.query_params.get("sleep", 0))


@st.fragment(run_every=INTERVAL if st.session_state["going"] else None)
def counter() -> None:
    if st.session_state["going"]:
        time.sleep(sleep)
        st.session_state["runs"] += 1
    st.markdown(f"#### Runs **{st.session_state['runs']}**")


counter()
