"""Calling events from Python without a page, plus listener options the client makes easy to check."""

import asyncio
import time

import pytest

import wasmblocks as gr
from wasmblocks import Client


def make_app():
    with gr.Blocks() as demo:
        name = gr.Textbox()
        greeting = gr.Textbox()
        count = gr.State(0)
        shown = gr.Number()

        def greet(x):
            return f"Hello {x}"

        def fail(x):
            raise gr.Error("no")

        gr.Button().click(greet, name, greeting).then(lambda c: (c + 1, c + 1), count, [count, shown])
        gr.Button().click(fail, name, greeting, api_name="fail")
    return demo, count, shown


def test_call_by_api_name_with_chain_and_state():
    demo, count, shown = make_app()
    assert demo("Ada", api_name="/greet") == "Hello Ada"
    assert demo("Bob", api_name="greet") == "Hello Bob"
    assert demo._client.session.state[count.id] == 2
    assert demo._client.values[shown.id] == 2


def test_sessions_are_separate_and_errors_raise():
    demo, count, _ = make_app()
    one, two = gr.Client(demo), gr.Client(demo)
    one.predict("a", api_name="/greet")
    one.predict("a", api_name="/greet")
    two.predict("b", api_name="/greet")
    assert one.session.state[count.id] == 2 and two.session.state[count.id] == 1
    with pytest.raises(RuntimeError, match="no"):
        one.predict("x", api_name="/fail")
    with pytest.raises(ValueError, match="/fail, /greet"):
        one.predict("x", api_name="/missing")


def test_time_limit_stops_a_slow_coroutine():
    with gr.Blocks() as demo:
        async def slow():
            await asyncio.sleep(5)

        dep = gr.Button().click(slow, None, None, time_limit=0.05)
    h = Client(demo)
    status = h.settle(h.fire(dep.id))
    assert status["stage"] == "error" and "time limit of 0.05 s" in status["message"]


def test_batch_function_gets_lists():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        o = gr.Textbox()
        dep = gr.Button().click(lambda xs: [[x.upper() for x in xs]], t, o, batch=True, max_batch_size=8)
    assert Client(demo).run(dep.id, "abc") == ["ABC"]


def test_value_function_with_every_becomes_a_load_listener():
    with gr.Blocks() as demo:
        clock = gr.Textbox(value=lambda: time.strftime("%H"), every=1)
        same = gr.Textbox(value=lambda: "static")
    (fn,) = demo.fns.values()
    config = fn.config()
    assert config["targets"] == [[demo.id, "load"]] and config["every"] == 1 and config["outputs"] == [clock.id]
    assert same.initial_value() == "static"


def test_timer_tick_listener():
    with gr.Blocks() as demo:
        timer = gr.Timer(0.5, active=False)
        out = gr.Number()
        dep = timer.tick(lambda: 1, None, out)
    assert demo.fns[dep.id].targets == [(timer.id, "tick")]
    assert timer.get_props()["active"] is False and timer.value == 0.5
