"""Playing the page from Python (client.py): predict and trigger follow the page's rules; raw messages do not."""

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
    with pytest.raises(ValueError, match="No event function with index 9"):
        one.predict(fn_index=9)


def test_the_values_start_as_the_page_shows_them_and_inputs_take_what_predict_sends():
    with gr.Blocks() as demo:
        box = gr.Textbox(value="start")
        out = gr.Textbox()
        gr.Button().click(lambda x: x * 2, box, out, api_name="double")
    client = Client(demo)
    assert client.values[box.id] == "start" and client.values[out.id] == ""
    assert client.predict("ab", api_name="/double") == "abab"
    assert (client.values[box.id], client.values[out.id]) == ("ab", "abab")


def test_trigger_runs_success_or_failure_as_the_event_ended():
    ran = []
    with gr.Blocks() as demo:
        box = gr.Textbox(value="x")
        good, bad = gr.Button(), gr.Button()
        for button, fn in ((good, lambda x: x), (bad, lambda x: 1 / 0)):
            run = button.click(fn, box, box)
            run.success(lambda: ran.append("success"))
            run.failure(lambda: ran.append("failure"))
            run.then(lambda: ran.append("then"))
    client = Client(demo)
    client.trigger(good)
    assert sorted(ran) == ["success", "then"]
    ran.clear()
    client.trigger(bad)
    assert sorted(ran) == ["failure", "then"]


def test_a_new_output_value_fires_its_change_and_an_equal_one_does_not():
    changes = []
    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.change(lambda x: changes.append(x), box, None)
        set_a = gr.Button()
        set_a.click(lambda: "a", None, box)
    client = Client(demo)
    client.trigger(set_a)
    client.trigger(set_a)
    assert changes == ["a"]


def test_cancels_reach_the_worker_and_a_js_only_listener_ends_at_once():
    ran = []
    with gr.Blocks() as demo:
        run = gr.Button().click(lambda: None)
        stop = gr.Button()
        stop.click(None, None, None, cancels=[run], js="() => null").then(lambda: ran.append("after js"))
    client = Client(demo)
    client.trigger(stop)
    assert client.of_type("error") == [] and ran == ["after js"]
    assert sum(1 for m in client.messages if m["type"] == "status") == 2  # only the .then ran in the worker


def test_a_render_brings_its_listeners_to_the_page():
    with gr.Blocks() as demo:
        count = gr.Number(value=1, precision=0)
        out = gr.Textbox()

        @gr.render(inputs=count)
        def boxes(n):
            for i in range(int(n)):
                gr.Button(f"b{i}").click(lambda i=i: f"clicked {i}", None, out)

    client = Client(demo)
    client.trigger(demo, "load")
    (render,) = client.of_type("render")
    button_id = render["node"]["children"][0]["id"]
    client.trigger(button_id)
    assert client.values[out.id] == "clicked 0"


def test_raw_events_skip_the_page_rules():
    ran = []
    with gr.Blocks() as demo:
        dep = gr.Button().click(lambda: "x", None, None)
        dep.then(lambda: ran.append("then"))
    client = Client(demo)
    assert client.settle(client.fire(dep.id))["stage"] == "complete" and ran == []
    with pytest.raises(TimeoutError):
        client.wait_until(lambda: False, timeout=0)


def make_streaming_app():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text")
        out = gr.Textbox(label="Out")

        def spell(word):
            shown = ""
            for letter in word:
                shown += letter
                yield shown

        gr.Button().click(spell, text, out, api_name="spell")
    return demo


def test_submit_returns_a_job_with_gradio_clients_names():
    from wasmblocks.client_job import Status

    client = Client(make_streaming_app())
    job = client.submit("abc", api_name="/spell")
    assert job.result(timeout=30) == "abc"
    assert job.outputs() == ["a", "ab", "abc"]
    assert job.status().code is Status.FINISHED and job.status().success is True
    assert list(client.submit(word="xy", api_name="/spell")) == ["x", "xy"]  # by parameter name, iterated
    with pytest.raises(TypeError, match="has no parameter 'nope'"):
        client.submit(nope=1, api_name="/spell")


def test_view_api_prints_usage_and_returns_the_dict(capsys):
    client = Client(make_streaming_app())
    info = client.view_api(return_format="dict")
    assert list(info["named_endpoints"]) == ["/spell"]
    printed = capsys.readouterr().out
    assert 'predict(word, api_name="/spell") -> Out' in printed
    assert "[Textbox] word: str" in printed
