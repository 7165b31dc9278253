"""gr.ChatInterface: the events it wires, run through a page session on CPython (wasmblocks.Client)."""

import asyncio

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.chat_interface import response_messages, user_messages, conversation_title


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


def texts(history):
    """Each message's text, from Gradio 6's content parts."""
    return ["".join(p["text"] for p in m["content"] if p["type"] == "text") for m in history]


def test_plain_function_gets_message_and_history():
    seen = []

    def reply(message, history):
        seen.append((message, list(history)))
        return f"echo {message}"

    app = gr.ChatInterface(reply)
    h = Client(app)
    steps = run_turn(h, app, "one")
    assert texts(steps[-1]) == ["one", "echo one"]
    run_turn(h, app, "two")
    assert seen[0] == ("one", [])
    # Gradio 6 hands fn the history in its normalised form (Message.model_dump()).
    assert seen[1] == ("two", [
        {"role": "user", "metadata": None, "content": [{"text": "one", "type": "text"}], "options": None},
        {"role": "assistant", "metadata": None, "content": [{"text": "echo one", "type": "text"}], "options": None},
    ])


def test_streaming_generator_yields_growing_replies_with_additional_input():
    def stream(message, history, suffix):
        for i in range(3):
            yield message + suffix * (i + 1)

    app = gr.ChatInterface(stream, additional_inputs=[gr.Textbox("!")])
    h = Client(app)
    steps = run_turn(h, app, "hi", "!")
    assert [texts(s)[-1] for s in steps] == ["hi!", "hi!!", "hi!!!"]
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
        assert texts(run_turn(h, app, "x")[-1])[-1] == expected


def test_stop_button_in_the_box_cancels_the_response():
    app = gr.ChatInterface(lambda m, h: "x")
    # Gradio 6: Submit and Stop are the message box's own buttons; Stop is drawn only while fn runs.
    assert (app.textbox.submit_btn, app.textbox.stop_btn) == (True, False)
    stop_deps = [f for f in app.fns.values() if (app.textbox.id, "stop") in f.targets]
    respond_ids = {f.id for f in app.fns.values() if getattr(f.fn, "__name__", "") == "respond"}
    assert stop_deps and respond_ids <= set(stop_deps[0].cancels)
    busy = app._clear_and_save("hi")[0]
    assert (busy["submit_btn"], busy["stop_btn"], busy["interactive"], busy["value"]) == (False, True, False, "")
    idle = app._idle()
    assert (idle["submit_btn"], idle["stop_btn"], idle["interactive"]) == (True, False, True)
    named = gr.ChatInterface(lambda m, h: "x", submit_btn="Send", stop_btn=False)
    assert (named.textbox.submit_btn, named._clear_and_save("")[0]["stop_btn"]) == ("Send", False)


def test_retry_undo_and_edit_cut_the_conversation():
    app = gr.ChatInterface(lambda m, h: "x", editable=True)
    history = gr.Chatbot(render=False).preprocess(gr.Chatbot(render=False).postprocess([
        {"role": "user", "content": "a"}, {"role": "assistant", "content": "1"},
        {"role": "user", "content": "b"}, {"role": "user", "content": "c"}, {"role": "assistant", "content": "2"}]))
    # Gradio's _pop_last_user_message: the last run of user messages goes, their texts joined.
    assert app._undo(history, None) == (history[:2], "bc")
    kept, message, box = app._retry(history, None)
    assert (kept, message, box["stop_btn"]) == (history[:2], "bc", True)
    # Gradio's _edit_message: the conversation before the edited message, which is sent again.
    kept, message, _ = app._edit(history, gr.EditData(None, {"index": 2, "value": "B", "previous_value": "b"}))
    assert (kept, message) == (history[:2], "B")
    multi = gr.ChatInterface(lambda m, h: "x", multimodal=True)
    assert multi._undo([], None) == ([], {"text": "", "files": []})


def test_examples_with_additional_inputs_are_a_table_below_the_chat():
    # Gradio 6: examples that give additional inputs values are a gr.Examples (labelled examples_label)
    # below the chat, filling the message box and the inputs; the chatbot shows none.
    app = gr.ChatInterface(lambda m, h, p: p, additional_inputs=[gr.Textbox(label="Persona")],
                           examples=[["hello", "pirate"]], examples_label="Try these")
    assert app.chatbot.examples is None
    (dataset,) = [b for b in app.blocks().values() if isinstance(b, gr.Dataset) and b.label == "Try these"]
    assert dataset.raw_samples == [["hello", "pirate"]]
    client = gr.Client(app)
    client.values[dataset.id] = 0  # what the page sets when the first sample is clicked
    client.trigger(dataset, "click", {"index": 0, "value": ["hello", "pirate"]})
    assert client.values[app.textbox.id] == "hello"
    assert client.values[app.additional_inputs[0].id] == "pirate"
    plain = gr.ChatInterface(lambda m, h, p: p, additional_inputs=[gr.Textbox()], examples=[["hi", None]],
                             example_labels=["Greet"], example_icons=["https://example.com/i.png"])
    assert plain.chatbot.examples == [{"text": "hi", "files": [], "display_text": "Greet",
                                       "icon": "https://example.com/i.png"}]
    message, extra, *_ = plain._example(gr.SelectData(None, {"index": 0}))
    assert (message, extra) == ("hi", None)


def test_response_and_user_message_shapes():
    assert response_messages("hi") == [{"role": "assistant", "content": "hi"}]
    assert response_messages(None) == []
    assert response_messages([{"role": "assistant", "content": "a"}, gr.ChatMessage("b")])[1].content == "b"
    # Gradio 6: a multimodal turn is one message, files first.
    assert user_messages({"text": "t", "files": ["/x.png"]}) == [
        {"role": "user", "content": [{"path": "/x.png"}, "t"]}]
    assert user_messages({"text": "", "files": []}) == []
    # Every reply is the assistant's, and a list is a list of replies.
    assert response_messages([{"role": "user", "content": "a"}, "b"]) == [
        {"role": "user", "content": "a"} | {"role": "assistant"}, {"role": "assistant", "content": "b"}]


def _say(app, client, text):
    client.values[app.textbox.id] = text
    client.trigger(app.textbox, "submit")


def test_save_history_keeps_conversations_and_new_chat_starts_one():
    app = gr.ChatInterface(lambda m, h: f"echo {m}", save_history=True)
    assert app.new_chat_button.value == "New chat"
    client = gr.Client(app)
    _say(app, client, "first question that is quite a bit longer than forty characters")
    saved = client.values[app.saved_conversations.id]
    assert len(saved) == 1 and texts(saved[0])[-1] == "echo first question that is quite a bit longer than forty characters"
    titles = client.values.get(app.chat_history_dataset.id)
    samples = [m for m in client.messages if "first question" in str(m) and "samples" in str(m)]
    assert samples, "the history list got the conversation's title"
    assert conversation_title(saved[0]) == "first question that is quite a bit longe..."
    _say(app, client, "more")  # the same conversation grows in its slot
    assert len(client.values[app.saved_conversations.id]) == 1
    client.trigger(app.new_chat_button)
    assert client.values[app.chatbot.id] == []
    _say(app, client, "second")
    saved = client.values[app.saved_conversations.id]
    assert [conversation_title(c) for c in saved] == ["second", "first question that is quite a bit longe..."]
    client.values[app.chat_history_dataset.id] = 1
    client.trigger(app.chat_history_dataset, "click")
    assert texts(client.values[app.chatbot.id])[:1] == texts(saved[1])[:1]
    del titles


def test_chatbot_value_set_by_another_event_shows_in_the_chatbot():
    with gr.Blocks() as demo:
        radio = gr.Radio(["Greeting", "Blank"])
        chat = gr.ChatInterface(lambda m, h: "ok", api_name="chat")
        radio.change(lambda c: [{"role": "user", "content": "Hi!"}] if c == "Greeting" else [], radio,
                     chat.chatbot_value)
    client = gr.Client(demo)
    client.values[radio.id] = "Greeting"
    client.trigger(radio, "change")
    assert texts(client.values[chat.chatbot.id]) == ["Hi!"]


def test_validator_keeps_an_invalid_message_in_the_box():
    def not_error(message):
        return {"__type__": "validate", "is_valid": message != "error", "message": "Can't be error"}

    app = gr.ChatInterface(lambda m, h: f"You typed: {m}", validator=not_error)
    client = gr.Client(app)
    _say(app, client, "error")
    assert client.values[app.chatbot.id] in (None, [])
    assert client.values[app.textbox.id] == "error"
    # As Gradio 6.31: the message shows on the box (the listener's validator=), not as a toast.
    shown = [u for m in client.of_type("update") for u in m["updates"] if u["id"] == app.textbox.id]
    assert shown[-1]["props"]["validation_error"] == "Can't be error" and not client.of_type("toast")
    _say(app, client, "hello")
    assert texts(client.values[app.chatbot.id])[-1] == "You typed: hello"


def test_manual_flagging_saves_likes_as_gradio_chat_csv(tmp_path):
    import csv

    app = gr.ChatInterface(lambda m, h: "yes", flagging_mode="manual", flagging_options=["Like", "Spam"],
                           flagging_dir=str(tmp_path))
    assert app.chatbot.feedback_options == ["Like", "Spam"]
    client = gr.Client(app)
    _say(app, client, "q")
    client.trigger(app.chatbot, "like", {"index": 1, "value": "yes", "liked": "Spam"})
    rows = list(csv.reader(open(tmp_path / "log.csv", encoding="utf-8")))
    assert rows[0] == ["conversation", "index", "value", "flag", "timestamp"]
    assert rows[1][1:3] == ["1", "Spam"] and '"text": "q"' in rows[1][0]
    assert client.values[app.flag_download.id]["path"].endswith("log.csv")
    assert gr.ChatInterface(lambda m, h: m).flagging_mode == "never"


def test_api_endpoint_is_named_after_fn_unless_private():
    def echo(message, history):
        return message

    assert any(f.api_name == "echo" for f in gr.ChatInterface(echo).fns.values())
    private = gr.ChatInterface(echo, api_visibility="private")
    assert not any(f.api_name == "echo" for f in private.fns.values())


def test_saved_conversations_are_listed_at_load_inside_blocks_too():
    with gr.Blocks() as demo:
        gr.Markdown("outer")
        chat = gr.ChatInterface(lambda m, h: m, save_history=True)
    assert not [fn for fn in demo.fns.values() if (chat.id, "load") in fn.targets]
    client = gr.Client(demo)
    client.values[chat.saved_conversations.id] = [[{"role": "user", "content": "kept from last visit"}]]
    client.trigger(demo, "load")
    assert "kept from last visit" in str([m for m in client.messages if "samples" in str(m)])


def test_multimodal_turn_is_one_message_and_history_has_file_parts(tmp_path):
    from wasmblocks.files import file_data

    note = tmp_path / "note.txt"
    note.write_text("hi")
    seen = []
    app = gr.ChatInterface(lambda m, h: seen.append((m, h)) or "ok", multimodal=True)
    client = gr.Client(app)
    client.values[app.textbox.id] = {"text": "see", "files": [dict(file_data(str(note)))]}
    client.trigger(app.textbox, "submit")
    client.values[app.textbox.id] = {"text": "again", "files": []}
    client.trigger(app.textbox, "submit")
    assert seen[0][0] == {"text": "see", "files": [str(note)]}
    # Gradio 6: the turn is one user message, its files first; fn gets each file part's full FileData.
    first = seen[1][1][0]
    assert [p["type"] for p in first["content"]] == ["file", "text"]
    assert first["content"][0]["file"] == {"path": str(note), "url": None, "size": 2, "orig_name": "note.txt",
                                           "mime_type": "text/plain", "is_stream": False,
                                           "meta": {"_type": "gradio.FileData"}}
    # Retry sends the turn again as Gradio does: its text, and its files as FileData.
    client.trigger(app.chatbot, "retry", {"index": 2, "value": "again"})
    assert seen[-1][0] == {"text": "again", "files": []}
    client.trigger(app.chatbot, "undo", {"index": 2, "value": "again"})
    client.trigger(app.chatbot, "retry", {"index": 0, "value": "see"})
    assert seen[-1][0]["text"] == "see" and seen[-1][0]["files"][0]["orig_name"] == "note.txt"


def test_multimodal_example_message_always_has_files():
    seen = []
    app = gr.ChatInterface(lambda m, h: seen.append(m) or f"{len(m['files'])} files", multimodal=True,
                           examples=[{"text": "hello"}])
    client = gr.Client(app)
    client.trigger(app.chatbot, "example_select", {"index": 0, "value": {"text": "hello"}})
    assert seen == [{"text": "hello", "files": []}]
