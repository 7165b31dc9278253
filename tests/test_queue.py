"""The asyncio queue: concurrency limits, shared ids, max_size, and cancelling queued or running events."""

import asyncio
import time

import wasmblocks as gr
from wasmblocks import Client


def _sleeper(seconds):
    async def sleep(x):
        await asyncio.sleep(seconds)
        return x

    return sleep


def test_default_limit_runs_one_at_a_time_and_reports_position():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        dep = gr.Button().click(_sleeper(0.1), t, t)
    h = Client(demo)
    started = time.perf_counter()
    events = [h.fire(dep.id, str(i)) for i in range(3)]
    for e in events:
        assert h.settle(e)["stage"] == "complete"
    assert time.perf_counter() - started >= 0.29
    queued = [m for m in h.of_type("status", events[2]) if m["stage"] == "queued"]
    assert queued[0]["position"] == 1 and queued[-1]["position"] == 0


def test_concurrency_limit_three_overlaps():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        dep = gr.Button().click(_sleeper(0.3), t, t, concurrency_limit=3)
    h = Client(demo)
    started = time.perf_counter()
    events = [h.fire(dep.id, str(i)) for i in range(3)]
    for e in events:
        h.settle(e)
    assert time.perf_counter() - started < 0.85  # generous: serial would be 0.9


def test_sync_functions_run_concurrently_under_cpython():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        dep = gr.Button().click(lambda x: time.sleep(0.3) or x, t, t, concurrency_limit=None)
    h = Client(demo)
    started = time.perf_counter()
    for e in [h.fire(dep.id, "a") for _ in range(3)]:
        h.settle(e)
    assert time.perf_counter() - started < 0.85


def test_shared_concurrency_id_and_queue_max_size():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        a = gr.Button().click(_sleeper(0.2), t, t, concurrency_id="gpu")
        b = gr.Button().click(_sleeper(0.2), t, t, concurrency_id="gpu")
    demo.queue(max_size=1)
    h = Client(demo)
    first, second, third = h.fire(a.id, "1"), h.fire(b.id, "2"), h.fire(a.id, "3")
    assert h.settle(third)["stage"] == "error"
    assert "queue is full" in h.of_type("toast", third)[0]["message"]
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
    assert demo.fns[stop.id].cancels == [run.id]
    h = Client(demo)
    running, waiting = h.fire(run.id), h.fire(run.id)
    h.wait(0.05)
    h.send({"type": "cancel", "dep_ids": [run.id]})
    assert h.settle(running)["stage"] == "cancelled"
    assert h.settle(waiting)["stage"] == "cancelled"
    count = len(h.of_type("update", running))
    h.wait(0.05)
    assert len(h.of_type("update", running)) == count  # nothing after the cancel
