"""The asyncio queue (queue.py): concurrency limits, shared ids, max_size, cancelling queued or running events.

Overlap and order are shown by what happened, never by how long it took: functions meet at a barrier that
only opens when enough of them run at once, or wait at a gate the test opens.
"""

import asyncio
import threading

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.client import PATIENCE_S


def _gated():
    """An async function that waits for the test to open its gate, and the gate."""
    gate = asyncio.Event()

    async def wait(x):
        await gate.wait()
        return x

    return wait, gate


def _meeting(count):
    """An async function that returns only once `count` calls of it are running at the same time."""
    arrived = []
    everyone = asyncio.Event()

    async def meet(x):
        arrived.append(x)
        if len(arrived) == count:
            everyone.set()
        await asyncio.wait_for(everyone.wait(), PATIENCE_S)  # a guard: without overlap it fails, never hangs
        return x

    return meet


def _stages(h, event_id):
    return [m["stage"] for m in h.of_type("status", event_id)]


def test_default_limit_runs_one_at_a_time_in_arrival_order_and_reports_positions():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        fn, gate = _gated()
        dep = gr.Button().click(fn, t, t)
    h = Client(demo)
    events = [h.fire(dep.id, str(i)) for i in range(3)]
    h.wait_until(lambda: _stages(h, events[0]) == ["pending"])
    assert (_stages(h, events[1]), _stages(h, events[2])) == (["queued"], ["queued"])
    assert [m["position"] for m in h.of_type("status", events[2])] == [1]
    h.thread.call(gate.set)
    for e in events:
        assert h.settle(e)["stage"] == "complete"
    order = [(m["event_id"], m["stage"]) for m in h.of_type("status") if m["stage"] in ("pending", "complete")]
    assert order == [(e, stage) for e in events for stage in ("pending", "complete")]  # never two at once
    assert [m.get("position") for m in h.of_type("status", events[2])][:2] == [1, 0]


def test_concurrency_limit_three_runs_three_at_once():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        dep = gr.Button().click(_meeting(3), t, t, concurrency_limit=3)
    h = Client(demo)
    events = [h.fire(dep.id, str(i)) for i in range(3)]
    assert [h.settle(e)["stage"] for e in events] == ["complete"] * 3
    assert all(m["stage"] != "queued" for m in h.of_type("status"))


def test_sync_functions_run_concurrently_under_cpython():
    barrier = threading.Barrier(3, timeout=PATIENCE_S)  # opens only when three threads wait at once
    with gr.Blocks() as demo:
        t = gr.Textbox()
        dep = gr.Button().click(lambda x: barrier.wait() is not None and x, t, t, concurrency_limit=None)
    h = Client(demo)
    events = [h.fire(dep.id, "a") for _ in range(3)]
    assert [h.settle(e)["stage"] for e in events] == ["complete"] * 3


def test_shared_concurrency_id_and_queue_max_size():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        fn, gate = _gated()
        a = gr.Button().click(fn, t, t, concurrency_id="gpu")
        b = gr.Button().click(fn, t, t, concurrency_id="gpu")
    demo.queue(max_size=1)
    h = Client(demo)
    first, second, third = h.fire(a.id, "1"), h.fire(b.id, "2"), h.fire(a.id, "3")
    assert _stages(h, second) == ["queued"]  # b waits for a: they share one slot
    assert h.settle(third)["stage"] == "error"
    assert "This application is currently busy" in h.of_type("toast", third)[0]["message"]
    h.thread.call(gate.set)
    assert h.settle(first)["stage"] == "complete" and h.settle(second)["stage"] == "complete"


def test_cancel_running_generator_and_queued_event():
    with gr.Blocks() as demo:
        t = gr.Textbox()

        async def forever():
            i = 0
            while True:
                i += 1
                yield str(i)
                await asyncio.sleep(0.01)

        run = gr.Button().click(forever, None, t)
        stop = gr.Button().click(None, None, None, cancels=[run])
        quick = gr.Button().click(lambda: "done", None, t)
    assert demo.fns[stop.id].cancels == [run.id]
    h = Client(demo)
    running, waiting = h.fire(run.id), h.fire(run.id)
    h.wait_until(lambda: len(h.of_type("update", running)) >= 2)
    h.send({"type": "cancel", "dep_ids": [run.id]})
    assert h.settle(running)["stage"] == "cancelled"
    assert h.settle(waiting)["stage"] == "cancelled" and "pending" not in _stages(h, waiting)
    count = len(h.of_type("update", running))
    assert h.settle(h.fire(quick.id))["stage"] == "complete"  # the loop has moved on since the cancel
    assert len(h.of_type("update", running)) == count  # and the generator sent nothing more
