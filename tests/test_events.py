"""Listeners, chains, return values, alerts and injection — the engine under CPython."""

import asyncio

import pytest

import wasmblocks as gr
from wasmblocks import Client


def test_listener_config_and_chain_ids():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()
        first = b.click(lambda x: x, t, t)
        then = first.then(lambda: None)
        ok = first.success(lambda: None)
        bad = first.failure(lambda: None)
    deps = {fn.id: fn.config() for fn in demo.fns.values()}
    assert deps[first.id]["targets"] == [[b.id, "click"]]
    assert deps[then.id]["trigger_after"] == first.id and not deps[then.id]["trigger_only_on_success"]
    assert deps[ok.id]["trigger_only_on_success"] and deps[bad.id]["trigger_only_on_failure"]
    assert deps[first.id]["trigger_mode"] == "once"


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


def test_tuple_return_goes_to_several_outputs():
    with gr.Blocks() as demo:
        x = gr.Number()
        y = gr.Number()
        r = gr.Number()
        d = gr.Textbox()
        dep = gr.Button().click(lambda a, b: (a + b, f"{a}+{b}"), [x, y], [r, d])
    h = Client(demo)
    assert h.run(dep.id, 2, 3) == [5.0, "2.0+3.0"]


def test_too_few_values_is_a_clear_error():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Textbox()

        def one():
            return "only one"

        dep = gr.Button().click(one, None, [a, b])
    h = Client(demo)

    status = h.settle(h.fire(dep.id))
    assert status["stage"] == "error"
    assert "one" in status["message"] and "2 outputs" in status["message"]


def test_update_skip_component_and_dict_returns():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Textbox()
        c = gr.Textbox()
        dep = gr.Button().click(
            lambda: (gr.update(visible=False), gr.skip(), gr.Textbox(label="New", value="v")), None, [a, b, c]
        )
        dep2 = gr.Button().click(lambda: {b: "only b"}, None, {a, b})
    h = Client(demo)
    event = h.fire(dep.id)
    h.settle(event)
    (update,) = h.of_type("update", event)
    assert update["updates"] == [{"id": a.id, "props": {"visible": False}}, {"id": c.id, "value": "v", "props": {"label": "New"}}]
    assert h.run(dep2.id) == ["only b"]


def test_error_becomes_toast_and_app_keeps_working():
    with gr.Blocks() as demo:
        t = gr.Textbox()

        def fail(x):
            raise gr.Error("bad thing", title="Oops", duration=3)

        bad = gr.Button().click(fail, t, t)
        good = gr.Button().click(lambda x: x + "!", t, t)
    h = Client(demo)
    status = h.settle(h.fire(bad.id, "a"))
    assert status["stage"] == "error"
    (toast,) = h.of_type("toast")
    assert (toast["level"], toast["message"], toast["title"], toast["duration"]) == ("error", "bad thing", "Oops", 3)
    assert h.run(good.id, "a") == ["a!"]


def test_plain_exception_message_is_shown():
    with gr.Blocks() as demo:
        dep = gr.Button().click(lambda: 1 / 0, None, None)
    h = Client(demo)
    h.settle(h.fire(dep.id))
    assert "ZeroDivisionError" in h.of_type("toast")[0]["message"]


def test_info_warning_success_toasts_while_running():
    with gr.Blocks() as demo:
        def chatty():
            gr.Info("i")
            gr.Warning("w")
            gr.Success("s")
            return "done"

        o = gr.Textbox()
        dep = gr.Button().click(chatty, None, o)
    h = Client(demo)
    assert h.run(dep.id) == ["done"]
    assert [(t["level"], t["message"]) for t in h.of_type("toast")] == [("info", "i"), ("warning", "w"), ("success", "s")]


def test_generators_stream_every_yield():
    with gr.Blocks() as demo:
        o = gr.Textbox()

        async def agen():
            for i in range(3):
                yield str(i)
                await asyncio.sleep(0)

        def gen():
            yield from ("a", "b")

        d1 = gr.Button().click(agen, None, o)
        d2 = gr.Button().click(gen, None, o)
    h = Client(demo)
    e1, e2 = h.fire(d1.id), h.fire(d2.id)

    h.settle(e1)
    h.settle(e2)
    assert [u["updates"][0]["value"] for u in h.of_type("update", e1)] == ["0", "1", "2"]
    assert [u["updates"][0]["value"] for u in h.of_type("update", e2)] == ["a", "b"]
    assert any(m["stage"] == "streaming" for m in h.of_type("status", e1))


def test_injection_of_request_event_data_and_progress():
    seen = {}
    with gr.Blocks() as demo:
        o = gr.Textbox()

        def fn(x, request: gr.Request, evt: gr.SelectData, progress=gr.Progress()):
            progress(0.5, desc="half")
            seen.update(x=x, q=request.query_params, index=evt.index, session=request.session_hash)
            return "ok"

        dep = gr.Button().click(fn, o, o)
    h = Client(demo)
    h.send({"type": "init", "url": "http://h/app/?lang=fr", "session_hash": "s1"})

    h.send({"type": "event", "event_id": "e", "dep_id": dep.id, "trigger_id": None,
                     "event_name": "select", "data": ["v"], "event_data": {"index": 2, "value": "b"}})
    assert h.settle("e")["stage"] == "complete"
    assert seen == {"x": "v", "q": {"lang": "fr"}, "index": 2, "session": "s1"}
    progress = [m for m in h.of_type("status", "e") if m.get("progress")]
    assert progress[0]["progress"][0]["progress"] == 0.5 and progress[0]["progress"][0]["desc"] == "half"


def test_bad_messages_get_errors_and_change_nothing():
    with gr.Blocks() as demo:
        n = gr.Number(label="N")
        dep = gr.Button().click(lambda x: x, n, n)
    h = Client(demo)
    h.send({"type": "bogus"})
    h.send("not a dict")
    h.send({"type": "event", "event_id": "x", "dep_id": 42, "data": []})
    h.send({"type": "cancel", "dep_ids": [77]})
    errors = h.of_type("error")
    assert len(errors) == 4
    assert "No event function with id 42" in errors[2]["message"] and errors[2]["ref"] == "x"
    status = h.settle(h.fire(dep.id, "seven"))
    assert status["stage"] == "error" and 'Number "N" expects a number' in status["message"]


@pytest.mark.parametrize("value", [1, 2.5, None])
def test_number_values_pass_through(value):
    with gr.Blocks() as demo:
        n = gr.Number()
        dep = gr.Button().click(lambda x: x, n, n)
    assert Client(demo).run(dep.id, value) == [None if value is None else float(value)]


def test_unload_functions_run_when_the_page_leaves():
    calls = []
    with gr.Blocks() as demo:
        demo.unload(lambda: calls.append("bye"))
        demo.unload(lambda: 1 / 0)  # a failing one does not stop the others or raise
        demo.unload(lambda: calls.append("again"))
    h = Client(demo)
    h.send({"type": "unload"})
    assert calls == ["bye", "again"] and not h.of_type("error")


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
