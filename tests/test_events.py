"""The page's rules for what runs when (events.EventFlow), table by table, as web/src/client/events.ts has them."""

import pytest

from wasmblocks.events import Cancel, EventFlow, Start

BUTTON, BOX = 1, 2


def dep(dep_id, targets=((BUTTON, "click"),), *, after=None, success=False, failure=False, mode="once", cancels=(),
        backend=True):
    """A protocol.Dependency with the fields the rules read."""
    return {"id": dep_id, "targets": list(targets), "inputs": [], "outputs": [], "backend_fn": backend, "js": None,
            "trigger_after": after, "trigger_only_on_success": success, "trigger_only_on_failure": failure,
            "cancels": list(cancels), "trigger_mode": mode, "show_progress": "full", "queue": True,
            "api_name": None, "scroll_to_output": False, "show_progress_on": None, "every": None,
            "types": {"generator": False, "cancel": False}}


def started(actions):
    return [(a.dep["id"], a.event_name, a.event_data) for a in actions if isinstance(a, Start)]


@pytest.mark.parametrize(("mode", "while_running", "after_it_ends"), [
    ("once", [], []),                                          # triggers while it runs are dropped
    ("multiple", [(0, "click", "b"), (0, "click", "c")], []),  # every trigger runs
    ("always_last", [], [(0, "click", "c")]),                  # one more run, with the last trigger's data
])
def test_trigger_modes(mode, while_running, after_it_ends):
    flow = EventFlow.of([dep(0, mode=mode)])
    assert started(flow.fire(BUTTON, "click", "a")) == [(0, "click", "a")]
    assert started([*flow.fire(BUTTON, "click", "b"), *flow.fire(BUTTON, "click", "c")]) == while_running
    assert started(flow.ended(dep(0, mode=mode), "complete")) == after_it_ends


@pytest.mark.parametrize(("kind", "complete", "error", "cancelled"), [
    ("then", True, True, False),
    ("success", True, False, False),
    ("failure", False, True, False),
])
def test_chains_follow_how_the_event_ended(kind, complete, error, cancelled):
    first = dep(0)
    nxt = dep(1, targets=(), after=0, success=kind == "success", failure=kind == "failure")
    for stage, runs in (("complete", complete), ("error", error), ("cancelled", cancelled)):
        flow = EventFlow.of([first, nxt])
        flow.fire(BUTTON, "click")
        assert started(flow.ended(first, stage)) == ([(1, "then", None)] if runs else []), stage


def test_a_chained_event_runs_with_its_own_trigger_mode():
    first, nxt = dep(0), dep(1, targets=(), after=0)
    flow = EventFlow.of([first, nxt])
    flow.fire(BUTTON, "click")
    assert started(flow.ended(first, "complete")) == [(1, "then", None)]
    flow.fire(BUTTON, "click")
    assert started(flow.ended(first, "complete")) == []  # 1 is still running: once drops the second run
    assert flow.running() == {1}


def test_cancels_go_out_before_the_event_and_a_js_only_listener_ends_at_once():
    run, stop = dep(0), dep(1, targets=((BOX, "click"),), cancels=[0], backend=False)
    reset = dep(2, targets=(), after=1)
    flow = EventFlow.of([run, stop, reset])
    flow.fire(BUTTON, "click")
    actions = flow.fire(BOX, "click")
    assert actions[0] == Cancel([0]) and started(actions) == [(2, "then", None)]
    assert flow.running() == {0, 2}
    assert flow.ended(run, "cancelled") == [] and flow.running() == {2}


def test_a_cancelled_run_frees_its_dependency_and_drops_its_rerun():
    flow = EventFlow.of([dep(0, mode="always_last")])
    flow.fire(BUTTON, "click", "a")
    flow.fire(BUTTON, "click", "b")
    assert flow.ended(dep(0), "cancelled") == []
    assert started(flow.fire(BUTTON, "click", "c")) == [(0, "click", "c")]


def test_a_refused_event_ends_as_a_failure():
    first, on_error = dep(0), dep(1, targets=(), after=0, failure=True)
    flow = EventFlow.of([first, on_error])
    flow.fire(BUTTON, "click")
    assert started(flow.ended(first, "error")) == [(1, "then", None)]


def test_render_dependencies_come_and_go():
    flow = EventFlow.of([dep(0)])
    flow.add([dep(1_000_000, targets=((BOX, "submit"),)), dep(1_000_001, targets=(), after=0)])
    assert flow.listens(BOX, "submit")
    assert started(flow.fire(BOX, "submit")) == [(1_000_000, "submit", None)]
    flow.remove([1_000_000, 1_000_001])
    assert not flow.listens(BOX, "submit") and flow.fire(BOX, "submit") == []
    flow.fire(BUTTON, "click")
    assert flow.ended(dep(0), "complete") == []  # the removed chain no longer runs


def test_one_trigger_runs_every_listener_in_order():
    flow = EventFlow.of([dep(0), dep(1), dep(2, targets=((BOX, "change"),))])
    assert started(flow.fire(BUTTON, "click", {"index": 1})) == [(0, "click", {"index": 1}), (1, "click", {"index": 1})]
    assert flow.fire(BUTTON, "submit") == []


def test_gradio_events_names_are_importable_from_here():
    from wasmblocks import events

    assert {"EventData", "SelectData", "LikeData", "on", "Dependency"} <= set(events.__all__)
