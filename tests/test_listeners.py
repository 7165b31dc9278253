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


def test_api_name_is_the_fourth_positional_parameter_of_every_listener_and_of_load():
    def greet(name):
        return f"Hi {name}"

    with gr.Blocks() as demo:
        t = gr.Textbox()
        click = gr.Button().click(greet, t, t, "hello")
        loaded = demo.load(greet, t, t, "on_load")
        both = gr.on([t.submit], greet, t, t, api_name="both")
    assert [click.fn.api_name, loaded.fn.api_name, both.fn.api_name] == ["hello", "on_load", "both"]


def test_a_second_endpoint_of_the_same_name_gets_gradios_suffix():
    def greet(name):
        return name

    with gr.Blocks() as demo:
        t = gr.Textbox()
        names = [gr.Button().click(greet, t, t).fn.api_name for _ in range(3)]
        explicit = t.submit(greet, t, t, api_name="greet").fn.api_name
    assert names == ["greet", "greet_1", "greet_2"] and explicit == "greet_3"


def test_api_visibility_follows_gradios_rules():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()
        public = b.click(lambda x: x, t, t)
        hidden = b.click(lambda x: x, t, t, api_visibility="undocumented")
        private = b.click(lambda x: x, t, t, api_visibility="private")
        unnamed = b.click(lambda x: x, t, t, api_name=False)
        js_only = b.click(None, t, t, js="(x) => x")
        legacy = b.click(lambda x: x, t, t, show_api=False)
    seen = [d.fn.api_visibility for d in (public, hidden, private, unnamed, js_only, legacy)]
    assert seen == ["public", "undocumented", "private", "private", "private", "undocumented"]
    assert public.fn.config()["api_visibility"] == "public" and private.fn.config()["api_visibility"] == "private"
    with pytest.raises(ValueError, match="api_visibility='hidden' is not one of"):
        with gr.Blocks():
            gr.Button().click(lambda: None, api_visibility="hidden")


def test_inputs_kwargs_pass_values_by_parameter_name_and_the_validator_gets_them_too():
    seen = []

    def check(first, *, last):
        seen.append((first, last))
        return [gr.validate(True, ""), gr.validate(bool(last), "A last name, please")]

    def full_name(first, greeting="Hello", *, last):
        return f"{greeting} {first} {last}"

    with gr.Blocks() as demo:
        first, last, out = gr.Textbox(), gr.Textbox(), gr.Textbox()
        dep = gr.Button().click(full_name, first, out, inputs_kwargs={"last": last}, validator=check)
    assert [b.id for b in dep.fn.inputs] == [first.id, last.id] and dep.fn.input_keyword_names == ["last"]
    client = gr.Client(demo)
    assert client.run(dep.id, "Ada", "Lovelace") == ["Hello Ada Lovelace"]
    assert seen == [("Ada", "Lovelace")]
    end = client.settle(client.fire(dep.id, "Ada", ""))
    assert end["stage"] == "error" and end["message"] == "A last name, please"


def test_inputs_kwargs_are_checked_as_gradio_checks_them():
    with gr.Blocks():
        t = gr.Textbox()
        button = gr.Button()
        with pytest.raises(ValueError, match="cannot be used when inputs= is a set"):
            button.click(lambda x: x, {t}, t, inputs_kwargs={"y": t})
        with pytest.raises(ValueError, match="must be Gradio components"):
            button.click(lambda x: x, None, t, inputs_kwargs={"x": "text"})
        with pytest.raises(ValueError, match="inputs= cannot be a dict"):
            button.click(lambda x: x, {"x": t}, t)


def test_a_failed_validator_ends_the_chain_as_in_gradio():
    ran = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        first = gr.Button().click(lambda x: ran.append("fn"), t, None,
                                  validator=lambda x: gr.validate(bool(x), "Empty"))
        first.then(lambda: ran.append("then"))
        first.failure(lambda: ran.append("failure"))
    client = gr.Client(demo)
    client.values[t.id] = ""
    client.trigger(demo.fns[first.id].targets[0][0])
    assert ran == []
    client.values[t.id] = "x"
    client.trigger(demo.fns[first.id].targets[0][0])
    assert ran == ["fn", "then"]
