"""gr.Blocks (blocks.py): the root of an app, its app-level settings, and `demo(…)` through a page session."""

import time

import pytest

import wasmblocks as gr
from wasmblocks.blocks import Blocks


def test_value_function_with_every_becomes_a_load_listener():
    with gr.Blocks() as demo:
        clock = gr.Textbox(value=lambda: time.strftime("%H"), every=1)
        same = gr.Textbox(value=lambda: "static")
    (fn,) = demo.fns.values()
    config = fn.config()
    assert config["targets"] == [(demo.id, "load")] and config["every"] == 1 and config["outputs"] == [clock.id]
    assert same.initial_value() == "static"


def test_value_function_with_inputs_and_a_timer_reruns_on_their_events():
    # Gradio's `timer` demo: random.randint over two Numbers, recomputed on every tick of a gr.Timer.
    import random

    from wasmblocks.client import Client

    with gr.Blocks() as demo:
        low, high = gr.Number(1), gr.Number(10)
        timer = gr.Timer(1)
        number = gr.Number(lambda a, b: random.randint(a, b), inputs=[low, high], every=timer)
    (fn,) = demo.fns.values()
    config = fn.config()
    assert config["targets"] == [(low.id, "change"), (high.id, "change"), (timer.id, "tick"), (demo.id, "load")]
    assert not config["every"] and config["outputs"] == [number.id]
    (result,) = Client(demo).run(fn.id, low.value, high.value)
    assert isinstance(low.value, int) and isinstance(result, int) and 1 <= result <= 10


def test_queue_sets_the_limits_of_the_page_sessions():
    with gr.Blocks() as demo:
        pass
    assert demo.queue(max_size=3, default_concurrency_limit=None) is demo
    assert (demo.max_size, demo.default_concurrency_limit) == (3, None)
    demo.queue()
    assert (demo.max_size, demo.default_concurrency_limit) == (None, None)


def test_calling_the_app_runs_one_page_session(monkeypatch):
    with gr.Blocks() as demo:
        box = gr.Textbox()
        gr.Button().click(lambda x: x[::-1], box, box, api_name="flip")
    assert demo("abc", api_name="/flip") == "cba"
    client = demo._client
    assert demo("xy", api_name="/flip") == "yx" and demo._client is client
    monkeypatch.setattr(Blocks, "python_caller", None)
    with gr.Blocks() as other:
        pass
    with pytest.raises(RuntimeError, match="needs wasmblocks.client"):
        other()


def test_a_nested_blocks_shares_the_outer_dependencies():
    with gr.Blocks() as outer:
        with gr.Blocks() as inner:
            gr.Button().click(lambda: None)
    assert inner.fns is outer.fns and len(outer.fns) == 1 and inner.root is outer


def test_blocks_takes_gradios_parameters_in_gradios_positions():
    demo = gr.Blocks(None, "interface", "My app", True)
    assert (demo.mode, demo.title, demo.fill_height) == ("interface", "My app", True)


def test_a_blocks_rendered_into_another_one_keeps_its_block_parameters():
    inner = gr.Blocks(elem_id="inner", elem_classes=["card"], visible=False, key="part", preserved_by_key=["visible"])
    with inner:
        gr.Textbox()
    with gr.Blocks() as outer:
        inner.render()
    (child,) = [b for b in outer.children if b is inner]
    props = child.get_props()
    assert (props["elem_id"], props["elem_classes"], props["visible"], props["preserved_by_key"]) == (
        "inner", ["card"], False, ["visible"])
    with pytest.raises(TypeError):
        gr.Blocks(not_a_parameter=1)
