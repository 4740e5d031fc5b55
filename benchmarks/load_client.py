"""Headless Streamlit clients: each speaks Streamlit's own websocket protocol, no browser.

A `Session` does what a browser tab does, message for message:
1. GET the page over HTTP first (a load balancer sets its sticky cookie there; the websocket then carries it);
2. opens `ws://host/_stcore/stream` (subprotocol "streamlit") and sends the first `BackMsg.rerun_script`
   (`ClientState`: the URL's query string, the page's name from its path);
3. reads `ForwardMsg`s: `new_session` (`metadata.run` names the fragments this run runs), `navigation` (the
   script hash of the page that ran, sent back with every later request), `delta`s (elements:
   buttons with their widget ids, Markdown text), `auto_rerun` / `stop_auto_rerun` (a fragment's `run_every`
   timer, which runs in the client), `script_finished`;
4. presses a button: one `rerun_script` whose `WidgetStates` hold `trigger_value=True` for the button's id;
5. runs each fragment timer as Streamlit's front end does (`setInterval(interval)` sending a fragment-scoped,
   `is_auto_rerun` request): pace "timer" sends on every beat (the server coalesces a request that arrives while
   the fragment runs into one queued run); pace "arrival" (the default) sends on a beat only once the previous
   run's `script_finished` has arrived, as a browser whose main thread is busy drawing the last tick does.

Per session it counts fragment runs finished and the Markdown texts they sent (the Playground's status line
starts with the epoch counter: `epoch_of`). A fragment run that the next one overtook before its elements were
sent (Streamlit then drops the unsent elements and reports FINISHED_EARLY_FOR_RERUN; it happens when requests
queue up, pace "timer") is counted as dropped, not as an update. Run by `benchmarks/bench_load.py`; tested in `tests/test_load_client.py`
against a small app whose fragment counts its runs.
"""

import asyncio
import json
import re
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FRAGMENT_DONE = ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
SCRIPT_DONE = (ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY, FRAGMENT_DONE)
_EPOCH = re.compile(r"\*\*(\d+)\*\*")


def epoch_of(markdown: str) -> int | None:
    """The Playground's epoch counter from its status line ("#### Epoch **1234** · ..."), or None."""
    if not markdown.startswith("#### "):
        return None
    found = _EPOCH.search(markdown)
    return int(found.group(1)) if found else None


def live_view_of(payload: str) -> tuple[int | None, int]:
    """(epoch counter, updates it carries) of the Playground's live-view component data (ui/live_canvas: the
    status line's first part is the epoch; `frames`, the earlier updates of the tick), or (None, 0)."""
    try:
        data = json.loads(payload)
        epoch = int(data["status"]["parts"][0][1])
    except (ValueError, KeyError, IndexError, TypeError):
        return None, 0
    return epoch, 1 + len(data.get("frames") or [])


@dataclass
class Tick:
    """One fragment run as the client saw it: when its `script_finished` arrived (monotonic s), its texts, and
    the updates (frames of the model) its live view carried (1 without a live view)."""

    at: float
    texts: list[str]
    views: int = 1


@dataclass
class Session:
    """One headless client of a Streamlit app at `base` ("http://host:port"), opening `path` ("/Page?query")."""

    base: str
    path: str
    pace: str = "arrival"  # "arrival" or "timer", see the module docstring
    cookie: str = ""
    replica: str = ""  # the load balancer's sticky cookie value (which replica this session landed on)
    page_hash: str = ""
    buttons: dict[str, str] = field(default_factory=dict)  # widget id -> label, from the deltas
    texts: list[str] = field(default_factory=list)  # Markdown bodies of the run in progress
    ticks: list[Tick] = field(default_factory=list)  # fragment runs finished, every element delivered
    dropped: int = 0  # fragment runs whose end never arrived: the server dropped their unsent elements
    epoch_log: list[tuple[float, int]] = field(default_factory=list)  # (arrival, epoch) of every status line
    runs_finished: int = 0  # full script runs finished
    requests_sent: int = 0
    timers: dict[str, asyncio.Task] = field(default_factory=dict)
    _ws: object = None
    _in_flight: bool = False  # a request sent whose script_finished has not arrived yet
    _views: int = 0  # updates the live views of the run in progress carried
    _finished: asyncio.Event = field(default_factory=asyncio.Event)
    _reader: asyncio.Task | None = None

    # ----- connection ------------------------------------------------------------------------------------

    def _get_page(self) -> None:
        """The page over HTTP, as a browser loads it before opening the websocket; keeps any cookie set."""
        with urllib.request.urlopen(self.base + self.path, timeout=30) as response:
            response.read()
            cookies = [value.split(";", 1)[0] for key, value in response.headers.items()
                       if key.lower() == "set-cookie"]
        if cookies:
            self.cookie = "; ".join(cookies)
            self.replica = cookies[0].split("=", 1)[1] if "=" in cookies[0] else ""

    async def connect(self) -> None:
        await asyncio.to_thread(self._get_page)
        url = "ws" + self.base[len("http"):] + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else None
        self._ws = await websockets.connect(url, subprotocols=["streamlit"], additional_headers=headers,
                                            max_size=None, open_timeout=60, ping_interval=None)
        self._reader = asyncio.create_task(self._read())
        parsed = urllib.parse.urlsplit(self.path)
        await self._rerun(page_name=parsed.path.strip("/"))

    async def close(self) -> None:
        for task in self.timers.values():
            task.cancel()
        self.timers.clear()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, websockets.ConnectionClosed):
                pass

    # ----- sending -----------------------------------------------------------------------------------------

    async def _rerun(self, *, page_name: str = "", fragment_id: str = "", triggers: tuple[str, ...] = (),
                     auto: bool = False) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = urllib.parse.urlsplit(self.path).query
        state.page_script_hash = self.page_hash
        state.page_name = "" if self.page_hash else page_name
        if fragment_id:
            state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        for widget_id in triggers:
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            widget.trigger_value = True
        self._in_flight = True
        self._finished.clear()
        self.requests_sent += 1
        await self._ws.send(msg.SerializeToString())

    async def press(self, key: str) -> None:
        """Click the button whose widget key is `key` (its id ends with "-<key>"): a full rerun."""
        ids = [widget_id for widget_id in self.buttons if widget_id.endswith("-" + key)]
        if not ids:
            raise LookupError(f"no button with key {key!r} among {sorted(self.buttons)}")
        await self._rerun(triggers=(ids[0],))

    async def wait_idle(self, timeout: float = 120) -> None:
        """Wait until the last request's run has finished."""
        await asyncio.wait_for(self._finished.wait(), timeout)

    # ----- receiving ---------------------------------------------------------------------------------------

    async def _read(self) -> None:
        async for data in self._ws:
            msg = ForwardMsg()
            msg.ParseFromString(data)
            self._handle(msg)

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.texts = []
            if not msg.metadata.run.fragment_ids:
                self._stop_timers(list(self.timers))  # a full run: the browser clears every timer
        elif kind == "navigation":
            self.page_hash = msg.navigation.page_script_hash  # the page that ran (new_session's is the main)
        elif kind == "delta":
            self._on_delta(msg)
        elif kind == "auto_rerun":
            self._start_timer(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            self._stop_timers(list(msg.stop_auto_rerun.fragment_ids))
        elif kind == "script_finished":
            if msg.script_finished == FRAGMENT_DONE:
                self.ticks.append(Tick(time.monotonic(), self.texts, max(self._views, 1)))
            elif msg.script_finished in SCRIPT_DONE:
                self.runs_finished += 1
            elif msg.metadata.run.fragment_ids:
                self.dropped += 1
            self.texts = []
            self._views = 0
            self._in_flight = False
            self._finished.set()

    def _on_delta(self, msg: ForwardMsg) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "button":
            self.buttons[element.button.id] = element.button.label
        elif kind == "markdown":
            self.texts.append(element.markdown.body)
            epoch = epoch_of(element.markdown.body)
            if epoch is not None:
                self.epoch_log.append((time.monotonic(), epoch))
        elif kind == "bidi_component":
            component = element.bidi_component
            epoch, views = live_view_of(component.json or component.mixed.json)
            if epoch is not None:
                self.epoch_log.append((time.monotonic(), epoch))
                self._views += views

    def _start_timer(self, fragment_id: str, interval: float) -> None:
        if fragment_id and fragment_id not in self.timers:
            self.timers[fragment_id] = asyncio.create_task(self._beat(fragment_id, interval))

    def _stop_timers(self, fragment_ids: list[str]) -> None:
        for fragment_id in fragment_ids:
            task = self.timers.pop(fragment_id, None)
            if task is not None:
                task.cancel()

    async def _beat(self, fragment_id: str, interval: float) -> None:
        next_beat = time.monotonic() + interval
        while True:
            await asyncio.sleep(max(0.0, next_beat - time.monotonic()))
            next_beat += interval
            if next_beat < time.monotonic():  # a late beat is not made up for (setInterval drops them too)
                next_beat = time.monotonic() + interval
            if self.pace == "arrival" and self._in_flight:
                continue
            try:
                await self._rerun(fragment_id=fragment_id, auto=True)
            except websockets.ConnectionClosed:
                return

    # ----- reading what arrived ----------------------------------------------------------------------------

    def epoch_at(self, when: float) -> int | None:
        """The last epoch counter that had arrived by `when` (monotonic s), or None."""
        value = None
        for at, epoch in self.epoch_log:
            if at > when:
                break
            value = epoch
        return value


def tick_count(sessions: list[Session]) -> list[int]:
    return [len(s.ticks) for s in sessions]


async def open_sessions(base: str, paths: list[str], pace: str = "arrival") -> list[Session]:
    """Connect one Session per path and wait for each first run to finish."""
    sessions = [Session(base, path, pace=pace) for path in paths]
    await asyncio.gather(*(s.connect() for s in sessions))
    await asyncio.gather(*(s.wait_idle() for s in sessions))
    return sessions
