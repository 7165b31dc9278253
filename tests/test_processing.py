"""Running one event (processing.py): inputs in, the function of any kind, outputs out, errors as toasts."""

import asyncio

import pytest

import wasmblocks as gr
from wasmblocks import Client


def test_tuple_return_goes_to_several_outputs():
    with gr.Blocks() as demo:
        x = gr.Number()
        y = gr.Number()
        r = gr.Number()
        d = gr.Textbox()
        dep = gr.Button().click(lambda a, b: (a + b, f"{a}+{b}"), [x, y], [r, d])
    assert Client(demo).run(dep.id, 2, 3) == [5, "2+3"]  # Gradio: without precision a number passes as sent


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


def test_wrong_number_of_inputs_is_refused_before_the_function_runs():
    calls = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        dep = gr.Button().click(lambda x: calls.append(x), t, t)
    h = Client(demo)
    status = h.settle(h.fire(dep.id, "a", "b"))
    assert status["stage"] == "error" and "expects 1 input values, got 2" in status["message"] and calls == []


def test_error_becomes_toast_and_app_keeps_working():
    with gr.Blocks() as demo:
        t = gr.Textbox()

        def fail(x):
            raise gr.Error("bad thing", title="Oops", duration=3)

        bad = gr.Button().click(fail, t, t)
        good = gr.Button().click(lambda x: x + "!", t, t)
    h = Client(demo)
    status = h.settle(h.fire(bad.id, "a"))
    assert status["stage"] == "error" and status["success"] is False
    (toast,) = h.of_type("toast")
    assert (toast["level"], toast["message"], toast["title"], toast["duration"]) == ("error", "bad thing", "Oops", 3)
    assert h.run(good.id, "a") == ["a!"]


def test_plain_exception_message_is_shown_and_invisible_errors_are_not():
    with gr.Blocks() as demo:
        dep = gr.Button().click(lambda: 1 / 0, None, None)

        def quiet():
            raise gr.Error("hidden", visible=False)

        hidden = gr.Button().click(quiet, None, None)
    h = Client(demo)
    h.settle(h.fire(dep.id))
    assert "ZeroDivisionError" in h.of_type("toast")[0]["message"]
    assert h.settle(h.fire(hidden.id))["message"] == "hidden" and len(h.of_type("toast")) == 1


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
    stages = [m["stage"] for m in h.of_type("status", e1)]
    assert stages == ["pending", "streaming", "complete"]


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


@pytest.mark.parametrize("value", [1, 2.5, None])
def test_number_values_pass_through(value):
    with gr.Blocks() as demo:
        n = gr.Number()
        dep = gr.Button().click(lambda x: x, n, n)
    assert Client(demo).run(dep.id, value) == [None if value is None else float(value)]


def test_time_limit_stops_a_slow_coroutine():
    with gr.Blocks() as demo:
        async def slow():
            await asyncio.Event().wait()  # never set: only the time limit ends it

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


def test_preprocess_false_hands_over_the_raw_value():
    with gr.Blocks() as demo:
        n = gr.Number()
        o = gr.Textbox()
        dep = gr.Button().click(lambda x: type(x).__name__, n, o, preprocess=False)
    assert Client(demo).run(dep.id, "7") == ["str"]


def test_server_function_arguments_follow_gradio_and_spread_where_gradio_would_fail():
    from wasmblocks.processing import server_function_arguments

    def one(items): ...
    def two(a, b): ...
    def none(): ...
    def optional(a, b=1): ...
    def with_request(a, b, request: gr.Request): ...

    assert server_function_arguments(one, [5]) == [5]
    assert server_function_arguments(one, [1, 2]) == [[1, 2]]  # Gradio: several arguments arrive as one list
    assert server_function_arguments(two, [1, 2]) == [1, 2]
    assert server_function_arguments(none, []) == []
    assert server_function_arguments(optional, [1, 2]) == [[1, 2]]
    assert server_function_arguments(with_request, [1, 2]) == [1, 2]
    assert server_function_arguments(print, [1, 2]) == [[1, 2]]  # no signature to read: Gradio's rule


def test_a_parameter_annotated_with_a_component_gets_its_props_and_value():
    import wasmblocks as gr
    from wasmblocks import Client

    seen = {}
    with gr.Blocks() as demo:
        box = gr.Textbox("hi", label="Words", max_lines=3)
        number = gr.Number(2)

        def read(t: gr.Textbox, n):
            seen.update(value=t.value, label=t.label, lines=t.max_lines, at=getattr(t, "caret", None), n=n)

        dep = gr.Button().click(read, [box, number], None)
        plain = gr.Button().click(lambda t, n: None, [box, number], None)
    # Gradio's component_prop_inputs: the page sends those inputs as {...props, value}.
    assert dep.fn.config()["component_prop_inputs"] == [0] and "component_prop_inputs" not in plain.fn.config()
    h = Client(demo)
    h.send({"type": "init", "base_url": "", "session_hash": "s", "url": ""})
    h.settle(h.fire(dep.id, {"value": "typed", "label": "Words", "caret": 4}, 5))
    assert seen == {"value": "typed", "label": "Words", "lines": 3, "at": 4, "n": 5}
