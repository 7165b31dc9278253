"""Declaring listeners (listeners.py): dependencies, chains, gr.on, the decorator form, and EVENTS methods."""

import pytest

import wasmblocks as gr
from wasmblocks.block import Block
from wasmblocks.components.button import Button
from wasmblocks.layouts.accordion import Accordion
from wasmblocks.layouts.tabs import Tab, Tabs


def test_listener_config_and_chain_ids():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()
        first = b.click(lambda x: x, t, t)
        then = first.then(lambda: None)
        ok = first.success(lambda: None)
        bad = first.failure(lambda: None)
    deps = {fn.id: fn.config() for fn in demo.fns.values()}
    assert deps[first.id]["targets"] == [(b.id, "click")]
    assert deps[then.id]["trigger_after"] == first.id and not deps[then.id]["trigger_only_on_success"]
    assert deps[ok.id]["trigger_only_on_success"] and deps[bad.id]["trigger_only_on_failure"]
    assert deps[first.id]["trigger_mode"] == "once"
    assert first == {"id": first.id}  # Gradio's Dependency is a dict too


def test_change_defaults_to_always_last_and_decorator_form():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        o = gr.Textbox()

        @t.change(inputs=t, outputs=o)
        def echo(x):
            return x

    (fn,) = demo.fns.values()
    assert fn.fn is echo and fn.trigger_mode == "always_last" and fn.api_name == "echo"


def test_gr_on_with_several_triggers_and_none():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Button()
        gr.on([a.submit, b.click], lambda x: x, a, a)
        gr.on(None, lambda x: x, a, a)
    first, second = demo.fns.values()
    assert first.targets == [(a.id, "submit"), (b.id, "click")]
    assert (demo.id, "load") in second.targets and (a.id, "change") in second.targets


def test_rendering_a_blocks_into_another_renumbers_chains_and_cancels():
    with gr.Blocks() as inner:
        t = gr.Textbox()
        start = gr.Button().click(lambda x: x, t, t)
        start.then(lambda x: x, t, t)
        gr.Button().click(None, None, None, cancels=[start])
    with gr.Blocks() as outer:
        gr.Button().click(lambda: None)
        gr.Button().click(lambda: None)
        inner.render()
    fns = list(outer.fns.values())
    assert [f.id for f in fns] == [0, 1, 2, 3, 4]
    assert fns[3].trigger_after == 2 and fns[4].cancels == [2]


def test_timer_tick_listener():
    with gr.Blocks() as demo:
        timer = gr.Timer(0.5, active=False)
        out = gr.Number()
        dep = timer.tick(lambda: 1, None, out)
    assert demo.fns[dep.id].targets == [(timer.id, "tick")]
    assert timer.get_props()["active"] is False and timer.value == 0.5


def _block_classes():
    found, pending = [], [Block]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        found.append(cls)
    return found


def test_every_name_in_events_is_an_event_method():
    """The EVENTS tuple is the one declaration: each name becomes a method that gr.on can take as a trigger."""
    classes = [c for c in _block_classes() if c.EVENTS and c.__module__.startswith("wasmblocks.")]
    assert {Button, Tabs, Tab, Accordion} <= set(classes)
    for cls in classes:
        for name in cls.EVENTS:
            method = getattr(cls, name)
            assert callable(method) and getattr(method, "event_name", name) == name, (cls, name)


def test_layouts_get_their_listeners_from_events():
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A") as tab:
                pass
        with gr.Accordion("Acc") as acc:
            pass
        tabs.select(lambda: None)
        tab.select(lambda: None)
        acc.expand(lambda: None)
        gr.on([acc.collapse], lambda: None)
    assert [fn.targets for fn in demo.fns.values()] == [
        [(tabs.id, "select")], [(tab.id, "select")], [(acc.id, "expand")], [(acc.id, "collapse")]]


def test_bad_declarations_are_clear_errors():
    with pytest.raises(RuntimeError, match="inside a `with gr.Blocks"):
        gr.Button(render=False).click(lambda: None)
    with gr.Blocks():
        b = gr.Button()
        with pytest.raises(ValueError, match="trigger_mode='sometimes' is not one of 'once', 'multiple'"):
            b.click(lambda: None, trigger_mode="sometimes")
        with pytest.raises(ValueError, match="show_progress='loud'"):
            b.click(lambda: None, show_progress="loud")
        with pytest.raises(TypeError, match="cancels= takes the values that event listeners return"):
            b.click(lambda: None, cancels=[3])
        with pytest.raises(TypeError, match="gr.on triggers are event methods"):
            gr.on([b], lambda: None)
