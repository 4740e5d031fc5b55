"""The classroom's session logic: saved runs, challenges and class links on the Playground, submissions, and the
teacher's and board panels. Pages stay thin: they call the functions here.

Playground URL parameters (each read once per session and value):
- `?run=<id>`: restore a saved run (configuration, weights, optimizer state, history, `pg.edits`),
- `?challenge=<id>`: open a built-in challenge (ui/challenges.py) as a trimmed Playground,
- `?lesson=<id>`: open a teacher's class link (hidden and locked controls, start state, task, goal, class).

Session keys: "pg.challenge" and "pg.challenge_start" (the active goal and the configuration it started from),
"pg.task" (a class link's task text), "pg.class_code" (the class a link submits to), "pg._opened" (the last
link parameter applied), "cls.*" (this module's widgets and results). A saved run is JSON read back with
`engine.serialization.loads` and `ui.state.config_from_values`: never pickle, never repaired, all or nothing.
"""

import math

import pandas as pd
import sqlalchemy
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from engine.serialization import ModelFileError, dumps, loads
from ui import challenges as ch
from ui import db
from ui.i18n import current_language, plain, t
from ui.state import (
    CONTROLS,
    FIELDS_BY_NAME,
    PLAYGROUND_PATH,
    config_from_values,
    current_config,
    mark_url_seen,
    session_key,
    set_controls,
)

RUN_FORMAT = "nn-playground-run"
RUN_VERSION = 1
MAX_EDITS = 5000
HISTORY_KEYS = ("epoch", "loss", "val_loss", "accuracy", "val_accuracy")
LATEST_KEYS = ("loss", "accuracy", "val_loss", "val_accuracy")
PLAYGROUND_PAGE = "pages/1_Playground.py"


class RunError(ValueError):
    """A saved run or link that cannot be used: `code` names its text `classroom.err.<code>`."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


def message(error: Exception) -> str:
    """The plain text of a refused input or a database failure, in the current language."""
    if isinstance(error, db.DBInputError | RunError):
        return t(f"classroom.err.{error.code}", **{k: plain(str(v)) for k, v in error.params.items()})
    return t("classroom.err.db", detail=type(error).__name__)


DB_ERRORS = (db.DBInputError, RunError, sqlalchemy.exc.SQLAlchemyError, OSError)


def _jsonable(value):
    """Tuples as lists, NaN as null (JSON has no NaN)."""
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


# ----- saved runs ---------------------------------------------------------------------------------------

def run_payload() -> dict:
    """The session's run as a JSON object (RunError("run_upload") for uploaded data, which is not stored)."""
    config = current_config()
    if config["dataset"] == "upload":
        raise RunError("run_upload")
    model = st.session_state.get("pg.model")
    history = st.session_state.get("pg.history") or {}
    return {
        "format": RUN_FORMAT, "version": RUN_VERSION,
        "config": {name: _jsonable(value) for name, value in config.items()},
        "model": dumps(model, metadata={}) if model is not None and model.built else None,
        "history": {**{k: _jsonable(list(history.get(k, []))) for k in HISTORY_KEYS},
                    "stride": int(history.get("stride", 1))},
        "latest": {k: _jsonable(v) for k, v in (st.session_state.get("pg.latest") or {}).items() if k in LATEST_KEYS},
        "edits": st.session_state.get("pg.edits") or [],
        "challenge": st.session_state.get("pg.challenge"),
        "challenge_start": {n: _jsonable(v) for n, v in (st.session_state.get("pg.challenge_start") or {}).items()},
    }


def save_run() -> str:
    return db.store().save_run(run_payload())


def _number_or_nan(value, what: str) -> float:
    if value is None:
        return float("nan")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RunError("run_damaged", detail=what)
    return float(value)


def _history(saved) -> dict:
    from ui.playground import HISTORY_CAP

    if not isinstance(saved, dict):
        raise RunError("run_damaged", detail="history")
    out = {}
    for key in HISTORY_KEYS:
        values = saved.get(key, [])
        if not isinstance(values, list) or len(values) > HISTORY_CAP + 1:
            raise RunError("run_damaged", detail="history")
        out[key] = [_number_or_nan(v, "history") for v in values]
    out["epoch"] = [int(e) for e in out["epoch"] if e == e]
    stride = saved.get("stride", 1)
    if not isinstance(stride, int) or isinstance(stride, bool) or not 1 <= stride <= 2**40:
        raise RunError("run_damaged", detail="history")
    out["stride"] = stride
    return out


def _same_structure(model, expected) -> bool:
    def shape(m):
        return (m.input_dim, m.normalization is not None, [(layer.units, layer.activation) for layer in m.layers],
                None if m.loss is None else m.loss.get_config())
    return shape(model) == shape(expected)


def checked_run(payload: dict) -> dict:
    """Everything a restore needs, all checked first: RunError (nothing applied) when any part is wrong."""
    from ui import playground as pg

    if payload.get("format") != RUN_FORMAT or payload.get("version") != RUN_VERSION:
        raise RunError("run_damaged", detail="format")
    try:
        config = config_from_values(payload.get("config"))
    except (ValueError, TypeError):
        raise RunError("run_damaged", detail="config") from None
    if config["dataset"] == "upload":
        raise RunError("run_upload")
    model = None
    if payload.get("model") is not None:
        try:
            model = loads(payload["model"])
        except ModelFileError as error:
            raise RunError("run_damaged", detail=str(error)) from None
        except Exception:  # anything else a hostile model text provokes (e.g. nesting) is as damaged
            raise RunError("run_damaged", detail="model") from None
        ds = pg.current_dataset(config)
        data = pg.make_bundle(ds, config)
        try:
            expected = pg.build_model(config, data)
        except ValueError:
            raise RunError("run_damaged", detail="config") from None
        if not _same_structure(model, expected):
            raise RunError("run_damaged", detail="model")
    edits = payload.get("edits", [])
    if not isinstance(edits, list) or len(edits) > MAX_EDITS or not all(isinstance(e, dict) for e in edits):
        raise RunError("run_damaged", detail="edits")
    latest = payload.get("latest", {})
    if not isinstance(latest, dict) or set(latest) - set(LATEST_KEYS):
        raise RunError("run_damaged", detail="latest")
    challenge = payload.get("challenge")
    start = None
    if challenge is not None:
        if challenge not in ch.CHALLENGES:
            raise RunError("run_damaged", detail="challenge")
        try:
            start = config_from_values(payload.get("challenge_start") or {})
        except (ValueError, TypeError):
            raise RunError("run_damaged", detail="challenge") from None
    return {"config": config, "model": model, "history": _history(payload.get("history", {})),
            "latest": {k: _number_or_nan(v, "latest") for k, v in latest.items()}, "edits": edits,
            "challenge": challenge, "challenge_start": start}


def restore_run(payload: dict) -> None:
    """Make the saved run the session's Playground (RunError and no change when the run is not valid)."""
    from ui import playground as pg

    run = checked_run(payload)
    _set_config(run["config"])
    st.session_state["pg.edits"] = run["edits"]
    set_controls()
    _set_goal(run["challenge"], run["challenge_start"], task=None, class_code=None)
    if run["challenge"] is not None:
        challenge = ch.CHALLENGES[run["challenge"]]
        set_controls(challenge.hidden, {n: run["challenge_start"][n] for n in challenge.locked})
    st.session_state["pg.model"] = run["model"]
    st.session_state["pg.model_key"] = pg.model_key(current_config()) if run["model"] is not None else None
    st.session_state["pg.history"] = run["history"]
    st.session_state["pg.latest"] = run["latest"]
    st.session_state["pg.playing"] = False
    st.session_state["pg.diverged"] = None
    st.session_state["pg.build_error"] = None


# ----- challenges and class links on the Playground -------------------------------------------------------

def _set_config(config: dict) -> None:
    for name, value in config.items():
        st.session_state[session_key(name)] = value


def _set_goal(challenge_id, start, task, class_code) -> None:
    st.session_state["pg.challenge"] = challenge_id
    st.session_state["pg.challenge_start"] = start
    st.session_state["pg.task"] = task
    st.session_state["pg.class_code"] = class_code
    st.session_state.pop("pg.verdict", None)


def open_challenge(challenge_id: str) -> None:
    """Start challenge `challenge_id` on the Playground: its start state, locked and hidden controls, a new model."""
    challenge = ch.CHALLENGES[challenge_id]
    start = ch.start_config(challenge)
    set_controls()
    _set_config(start)
    _set_goal(challenge_id, start, task=None, class_code=None)
    set_controls(challenge.hidden, {n: start[n] for n in challenge.locked})
    st.session_state["pg.model_key"] = None
    st.session_state["pg.playing"] = False


def link_payload(config: dict, hidden, locked, task: str, challenge_id: str | None) -> dict:
    """A class link's settings, checked (db.DBInputError for a bad task, ValueError for bad names)."""
    task = db.clean_text(task or "", db.MAX_TASK_CHARS, "task", required=False)
    if challenge_id is not None and challenge_id not in ch.CHALLENGES:
        raise db.DBInputError("challenge_unknown")
    if not set(hidden) <= set(CONTROLS) or not set(locked) <= set(CONTROLS):
        raise db.DBInputError("link_unknown")
    return {"config": {n: _jsonable(v) for n, v in config_from_values(
                {n: _jsonable(v) for n, v in config.items()}).items()},
            "hidden": list(hidden), "locked": list(locked), "task": task, "challenge": challenge_id}


def open_link(payload: dict, class_code: str | None) -> None:
    """Apply a class link (RunError("link_unknown") and no change when its settings are not valid)."""
    try:
        config = config_from_values(payload.get("config"))
        hidden, locked = payload.get("hidden", []), payload.get("locked", [])
        task = db.clean_text(payload.get("task") or "", db.MAX_TASK_CHARS, "task", required=False)
        challenge_id = payload.get("challenge")
        valid = (isinstance(hidden, list) and isinstance(locked, list) and set(hidden) <= set(CONTROLS)
                 and set(locked) <= set(CONTROLS) and (challenge_id is None or challenge_id in ch.CHALLENGES))
    except (ValueError, TypeError, AttributeError):
        valid = False
    if not valid:
        raise RunError("link_unknown")
    set_controls()
    _set_config(config)
    _set_goal(challenge_id, config if challenge_id else None, task=task, class_code=class_code)
    set_controls(hidden, {n: config.get(n, st.session_state.get(n)) for n in locked})
    st.session_state["pg.model_key"] = None
    st.session_state["pg.playing"] = False


def open_from_url() -> None:
    """The Playground's first call: apply `?run=`, `?challenge=` or `?lesson=` once per value (plain messages
    for unknown or damaged ones; the session keeps what it had)."""
    for param in ("run", "lesson", "challenge"):
        value = st.query_params.get(param)
        if value is None:
            continue
        if st.session_state.get("pg._opened") == (param, value):
            return
        st.session_state["pg._opened"] = (param, value)
        try:
            if param == "challenge":
                if value not in ch.CHALLENGES:
                    raise db.DBInputError("challenge_unknown")
                open_challenge(value)
            elif param == "run":
                restore_run(db.store().load_run(value))
                model = st.session_state.get("pg.model")
                st.toast(t("classroom.resumed", epochs=0 if model is None else model.epochs_trained))
            else:
                open_link(*db.store().load_link(value))
            mark_url_seen()
        except DB_ERRORS as error:
            st.error(message(error), icon=":material/error:")
        return


def _leave() -> None:
    set_controls()
    _set_goal(None, None, None, None)
    for param in ("run", "lesson", "challenge"):
        st.query_params.pop(param, None)


def _goal_text(challenge: ch.Challenge) -> str:
    op = "≤" if challenge.lower_is_better() else "≥"
    return t("classroom.goal", metric=t(f"classroom.metric.{challenge.metric}"), op=op, target=f"{challenge.target:g}")


def budget_text(challenge: ch.Challenge) -> str:
    items = [t("classroom.budget_item.epochs", n=challenge.max_epochs)]
    for name in ("params", "layers", "units"):
        limit = getattr(challenge, f"max_{name}")
        if limit is not None:
            items.append(t(f"classroom.budget_item.{name}", n=limit))
    if challenge.features is not None:
        items.append(t("classroom.budget_item.features", names=", ".join(challenge.features)))
    if challenge.acts is not None:
        items.append(t("classroom.budget_item.acts", names=", ".join(challenge.acts)))
    if challenge.head is not None:
        items.append(t("classroom.budget_item.head", name=t(f"widgets.head.{challenge.head}")))
    return t("classroom.budgets", items="; ".join(items))


def verdict_lines(challenge: ch.Challenge, verdict: ch.Verdict) -> tuple[str, str]:
    """(kind, text): kind "passed", "failed" or "progress", the text with the numbers."""
    value = "–" if verdict.metric is None else f"{verdict.metric:.4g}"
    numbers = {"metric": t(f"classroom.metric.{challenge.metric}"), "value": value, "params": verdict.params,
               "epochs": verdict.epochs}
    if verdict.passed:
        return "passed", t("classroom.passed", **numbers)
    if verdict.broken:
        reasons = "; ".join(t(f"classroom.budget.{code}", **params) for code, params in verdict.broken)
        return "failed", t("classroom.failed", reasons=reasons) + " " + t("classroom.progress", **numbers)
    return "progress", t("classroom.progress", **numbers)


def task_banner() -> None:
    """The task and goal at the top of a trimmed Playground, the verdict with its numbers, hints, and Submit."""
    challenge, task = ch.active(), st.session_state.get("pg.task")
    if challenge is None and not task:
        return
    with st.container(border=True, key="cls_task"):
        if challenge is not None:
            st.markdown(f"**{t(f'classroom.ch.{challenge.id}.title')}**")
            st.markdown(t(f"classroom.ch.{challenge.id}.task"))
        if task:
            st.text(task)  # the teacher's own words: shown as text, never Markdown or HTML
        if challenge is not None:
            st.caption(_goal_text(challenge) + " " + budget_text(challenge))
            verdict = ch.session_verdict()
            if verdict is not None and verdict.epochs > 0:
                kind, text = verdict_lines(challenge, verdict)
                {"passed": st.success, "failed": st.warning, "progress": st.caption}[kind](text)
                stuck = not verdict.passed and verdict.epochs >= challenge.max_epochs // 3
                if not verdict.passed and verdict.epochs >= challenge.max_epochs:
                    st.warning(t("classroom.out_of_epochs"))
                if stuck:
                    st.info(t(f"classroom.ch.{challenge.id}.hint"), icon=":material/lightbulb:")
                    if challenge.has_why:
                        with st.expander(t("classroom.why")):
                            st.markdown(t(f"classroom.ch.{challenge.id}.why"))
                if verdict.within_budget and verdict.metric is not None:
                    submit_panel(challenge, verdict)
        if st.session_state.get("pg.controls", {}).get("locked"):
            st.caption(t("classroom.locked_note"))
        st.button(t("classroom.leave"), key="cls_leave", on_click=_leave, icon=":material/close:")


def submit_panel(challenge: ch.Challenge, verdict: ch.Verdict) -> None:
    """Join a class (or the link's class) with a nickname and submit the session's run."""
    with st.expander(t("classroom.submit"), icon=":material/send:"):
        with st.form("cls_submit", border=False):
            linked = st.session_state.get("pg.class_code")
            code = linked or st.text_input(t("classroom.join_code"), max_chars=64, key="cls_join_code")
            nickname = st.text_input(t("classroom.nickname"), max_chars=db.MAX_NICKNAME * 4, key="cls_nickname")
            sent = st.form_submit_button(t("classroom.submit_button"))
    if sent:  # the outcome below the (possibly collapsed) expander, where it is seen
        try:
            store = db.store()
            klass = store.class_by_join_code((code or "").strip())
            student = store.join(klass["join_code"], nickname)
            run_id = store.save_run(run_payload())
            store.submit(klass["join_code"], student, challenge.id, run_id, verdict.metric, verdict.passed,
                         verdict.params, verdict.epochs)
        except DB_ERRORS as error:
            st.error(message(error))
        else:
            st.success(t("classroom.submitted", name=plain(klass["name"]),
                         metric=t(f"classroom.metric.{challenge.metric}"), value=f"{verdict.metric:.4g}"))


def save_popover() -> None:
    """The Playground's "Save run" popover: save to the database, show the resume link."""
    # Stretched in the Playground's row and capped in width so it opens right of the sidebar (ui.presenter).
    with st.popover(t("classroom.save"), icon=":material/save:", width="stretch", wrap=True), \
            st.container(key="cls_save_body"):
        st.caption(t("classroom.save_help"))
        if st.button(t("classroom.save_button"), key="cls_save"):
            try:
                st.session_state["cls.saved"] = save_run()
            except DB_ERRORS as error:
                st.error(message(error))
        saved = st.session_state.get("cls.saved")
        if saved:
            st.caption(t("classroom.saved"))
            st.code(resume_link(saved), language=None)


def resume_link(run_id: str) -> str:
    lang = current_language()
    return f"{PLAYGROUND_PATH}?run={run_id}" + (f"&lang={lang}" if lang != "en" else "")


def _playground_button(label: str, query: dict, key: str) -> None:
    if current_language() != "en":
        query = {**query, "lang": current_language()}
    try:
        st.page_link(PLAYGROUND_PAGE, label=label, icon=":material/science:", query_params=query)
    except StreamlitPageNotFoundError:  # a page run alone under AppTest has no page registry
        st.link_button(label, PLAYGROUND_PATH + "?" + "&".join(f"{k}={v}" for k, v in query.items()),
                       icon=":material/science:")


# ----- the Challenges page ----------------------------------------------------------------------------------

def challenges_panel() -> None:
    st.markdown(t("classroom.challenges_intro"))
    for challenge in ch.CHALLENGES.values():
        with st.container(border=True, key=f"cls_ch_{challenge.id}"):
            st.markdown(f"**{t(f'classroom.ch.{challenge.id}.title')}**")
            st.markdown(t(f"classroom.ch.{challenge.id}.task"))
            st.caption(_goal_text(challenge) + " " + budget_text(challenge))
            _playground_button(t("classroom.open_challenge"), {"challenge": challenge.id}, f"cls_open_{challenge.id}")


# ----- the Teacher page -------------------------------------------------------------------------------------

def _create_class() -> None:
    try:
        st.session_state["cls.class"] = db.store().create_class(st.session_state.get("cls_class_name", ""))
        st.session_state["cls.class_error"] = None
        st.session_state["cls_link_class"] = st.session_state["cls.class"]["teacher_key"]  # links go to it
    except DB_ERRORS as error:
        st.session_state["cls.class_error"] = message(error)


def _control_label(name: str) -> str:
    return name if name in FIELDS_BY_NAME else t(f"classroom.control.{name}")


def teacher_panel() -> None:
    """Create a class (join code + board key), and make a class link (hidden/locked controls, start, task, goal)."""
    st.subheader(t("classroom.class_section"))
    st.text_input(t("classroom.class_name"), max_chars=db.MAX_CLASS_NAME, key="cls_class_name")
    st.button(t("classroom.create_class"), key="cls_create", on_click=_create_class)
    if st.session_state.get("cls.class_error"):
        st.error(st.session_state["cls.class_error"])
    klass = st.session_state.get("cls.class")
    if klass:
        st.success(t("classroom.class_created", name=plain(klass["name"])))
        st.caption(t("classroom.join_code_is"))
        st.code(klass["join_code"], language=None)
        st.caption(t("classroom.board_link"))
        st.code(f"/Class_Board?key={klass['teacher_key']}", language=None)

    st.subheader(t("classroom.link_section"))
    goal = st.selectbox(t("classroom.goal_pick"), [None, *ch.CHALLENGES], key="cls_goal",
                        format_func=lambda c: t("classroom.no_goal") if c is None else t(f"classroom.ch.{c}.title"))
    start_options = ["playground", "challenge"] if goal else ["playground"]
    start = st.radio(t("classroom.start_from"), start_options, key="cls_start", horizontal=True,
                     format_func=lambda s: t(f"classroom.start_{s}"))
    hidden = st.multiselect(t("classroom.hide"), CONTROLS, key="cls_hide", format_func=_control_label)
    locked = st.multiselect(t("classroom.lock"), [c for c in CONTROLS if c not in hidden], key="cls_lock",
                            format_func=_control_label)
    task = st.text_area(t("classroom.task_text"), max_chars=db.MAX_TASK_CHARS, key="cls_task_text")
    class_key = st.text_input(t("classroom.link_class"), max_chars=64, key="cls_link_class")
    if st.button(t("classroom.make_link"), key="cls_make_link", type="primary"):
        config = ch.start_config(ch.CHALLENGES[goal]) if goal and start == "challenge" else current_config()
        try:
            payload = link_payload(config, hidden, locked, task, goal)
            st.session_state["cls.link"] = db.store().save_link(payload, class_key.strip() or None)
        except DB_ERRORS as error:
            st.error(message(error))
    if st.session_state.get("cls.link"):
        st.caption(t("classroom.link_made"))
        st.code(f"{PLAYGROUND_PATH}?lesson={st.session_state['cls.link']}", language=None)


# ----- the Class board page ---------------------------------------------------------------------------------

def _csv_safe(value):
    # A spreadsheet runs a cell that starts with = + - @ as a formula: a nickname must stay text.
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def board_frame(rows: list[dict]) -> pd.DataFrame:
    """Each student's best submission per challenge, ranked by the challenge's metric (best first)."""
    columns = ["challenge", "rank", "nickname", "metric", "passed", "params", "epochs", "open"]
    best: dict[tuple, dict] = {}
    for row in rows:
        challenge = ch.CHALLENGES.get(row["challenge"])
        if challenge is None:
            continue
        key = (row["challenge"], row["nickname"])
        sign = 1 if challenge.lower_is_better() else -1
        if key not in best or sign * row["metric"] < sign * best[key]["metric"]:
            best[key] = row
    out = []
    for challenge_id, challenge in ch.CHALLENGES.items():
        sign = 1 if challenge.lower_is_better() else -1
        ranked = sorted((r for (c, _), r in best.items() if c == challenge_id), key=lambda r: sign * r["metric"])
        for rank, row in enumerate(ranked, start=1):
            out.append({"challenge": t(f"classroom.ch.{challenge_id}.title"), "rank": rank,
                        "nickname": row["nickname"], "metric": row["metric"], "passed": bool(row["passed"]),
                        "params": row["params"], "epochs": row["epochs"], "open": resume_link(row["run_id"])})
    return pd.DataFrame(out, columns=columns)


def board_panel() -> None:
    """The class board of the `?key=` (or typed) board key: live ranking, links to each run, CSV download."""
    key = st.query_params.get("key") or ""
    typed = st.text_input(t("classroom.board_key"), value=key, max_chars=64, key="cls_board_key")
    key = (typed or "").strip()
    if not key:
        return
    try:
        klass = db.store().class_by_teacher_key(key)
    except DB_ERRORS as error:
        st.error(message(error))
        return
    st.subheader(plain(klass["name"]))
    st.caption(t("classroom.board_intro"))
    st.caption(t("classroom.join_code_is"))
    st.code(klass["join_code"], language=None)

    @st.fragment(run_every=5)
    def live_board() -> None:
        try:
            frame = board_frame(db.store().submissions(key))
        except DB_ERRORS as error:
            st.error(message(error))
            return
        if frame.empty:
            st.info(t("classroom.board_empty"))
            return
        config = {c: st.column_config.Column(t(f"classroom.col.{c}")) for c in frame.columns}
        config["open"] = st.column_config.LinkColumn(t("classroom.col.open"), display_text=t("classroom.col.open"))
        st.dataframe(frame, column_config=config, hide_index=True, key="cls_board")
        st.download_button(t("classroom.board_download"), frame.map(_csv_safe).to_csv(index=False).encode("utf-8"),
                           file_name="class_board.csv", mime="text/csv", key="cls_board_csv")

    with st.container(key="cls_board_live"):
        live_board()

