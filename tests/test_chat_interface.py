"""gr.ChatInterface: the events it wires, run through a page session on CPython (wasmblocks.Client)."""

import asyncio

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.chat_interface import response_messages, user_messages


def fn_by_name(app, name, after=None):
    return next(f for f in app.fns.values() if getattr(f.fn, "__name__", "") == name and (after is None or f.trigger_after == after))


def run_turn(h, app, message, *extra):
    """What the page does on submit: save+clear, show the user's message, then respond."""
    save = fn_by_name(app, "_clear_and_save")
    h.run(save.id, message)
    show = fn_by_name(app, "_append_user", after=save.id)
    history = h.run(show.id, None, current(h, app))[0]
    respond = next(f for f in app.fns.values() if f.trigger_after == show.id)
    event = h.fire(respond.id, None, history, *extra)
    h.settle(event)
    return [u["updates"][0]["value"] for u in h.of_type("update", event)]


def current(h, app):
    """The chatbot's latest value as the page would hold it."""
    bot = app.chatbot
    values = [u["value"] for m in h.of_type("update") for u in m["updates"] if u["id"] == bot.id and "value" in u]
    return values[-1] if values else []


def test_plain_function_gets_message_and_history():
    seen = []

    def reply(message, history):
        seen.append((message, list(history)))
        return f"echo {message}"

    app = gr.ChatInterface(reply)
    h = Client(app)
    steps = run_turn(h, app, "one")
    assert steps[-1][-1]["content"] == "echo one"
    run_turn(h, app, "two")
    assert seen[1][0] == "two"
    assert [m["content"] for m in seen[1][1]] == ["one", "echo one"]


def test_streaming_generator_yields_growing_replies_with_additional_input():
    def stream(message, history, suffix):
        for i in range(3):
            yield message + suffix * (i + 1)

    app = gr.ChatInterface(stream, additional_inputs=[gr.Textbox("!")])
    h = Client(app)
    steps = run_turn(h, app, "hi", "!")
    assert [s[-1]["content"] for s in steps] == ["hi!", "hi!!", "hi!!!"]
    assert app.fns[0].fn is not None and app.is_generator


def test_async_function_and_async_generator():
    async def areply(message, history):
        await asyncio.sleep(0)
        return "async " + message

    async def astream(message, history):
        for word in ("a", "b"):
            yield word

    for fn, expected in ((areply, "async x"), (astream, "b")):
        app = gr.ChatInterface(fn)
        h = Client(app)
        assert run_turn(h, app, "x")[-1][-1]["content"] == expected


def test_stop_button_cancels_the_response():
    app = gr.ChatInterface(lambda m, h: "x")
    stop_deps = [f for f in app.fns.values() if (app.stop_btn.id, "click") in f.targets]
    respond_ids = {f.id for f in app.fns.values() if getattr(f.fn, "__name__", "") == "respond"}
    assert stop_deps and respond_ids <= set(stop_deps[0].cancels)


def test_retry_and_undo_cut_the_last_turn():
    app = gr.ChatInterface(lambda m, h: "x")
    history = [{"role": "user", "content": "a"}, {"role": "assistant", "content": "1"},
               {"role": "user", "content": "b"}, {"role": "assistant", "content": "2"}]
    kept, message = app._turn(history)
    assert (kept, message) == (history[:2], "b")
    assert app._undo(history, None) == (history[:2], "b")


def test_examples_with_additional_inputs():
    app = gr.ChatInterface(lambda m, h, p: p, additional_inputs=[gr.Textbox()], examples=[["hello", "pirate"]],
                           example_labels=["Greet"])
    assert app.chatbot.examples == [{"text": "hello", "files": [], "display_text": "Greet"}]
    message, extra, *_ = app._example(gr.SelectData(None, {"index": 0}))
    assert (message, extra) == ("hello", "pirate")


def test_response_and_user_message_shapes():
    assert response_messages("hi") == [{"role": "assistant", "content": "hi"}]
    assert response_messages(None) == []
    assert response_messages([{"role": "assistant", "content": "a"}, gr.ChatMessage("b")])[1].content == "b"
    assert user_messages({"text": "t", "files": ["/x.png"]}) == [
        {"role": "user", "content": {"path": "/x.png"}}, {"role": "user", "content": "t"}]
