"""gr.Chatbot and gr.MultimodalTextbox pre/postprocess on CPython."""

import pytest

import wasmblocks as gr
from wasmblocks.alerts import Error


def text(t):
    return {"text": t, "type": "text"}


def test_messages_and_chat_message_are_normalised():
    """Gradio 6's form: content a list of typed parts; dict messages keep metadata/options None."""
    bot = gr.Chatbot()
    value = bot.postprocess([
        {"role": "user", "content": "hi"},
        gr.ChatMessage(content="thinking", metadata={"title": "Tool", "status": "done"}),
        {"role": "assistant", "content": 42},
        {"role": "assistant", "content": ["two", "parts"]},
        {"role": "assistant", "content": []},  # nothing to show: dropped, as in Gradio
    ])
    assert value == [
        {"role": "user", "metadata": None, "content": [text("hi")], "options": None},
        {"role": "assistant", "metadata": {"title": "Tool", "status": "done"}, "content": [text("thinking")],
         "options": []},
        {"role": "assistant", "metadata": None, "content": [text("42")], "options": None},
        {"role": "assistant", "metadata": None, "content": [text("two"), text("parts")], "options": None},
    ]
    # Text is dedented as Gradio does (inspect.cleandoc).
    assert bot.postprocess([{"role": "user", "content": "\n    a\n    b"}])[0]["content"] == [text("a\nb")]


def test_file_content_becomes_file_part_and_back(tmp_path):
    image = tmp_path / "cat.png"
    image.write_bytes(b"\x89PNG fake")
    bot = gr.Chatbot()
    shown = bot.postprocess([{"role": "assistant", "content": ["look", {"path": str(image), "alt_text": "a cat"}]}])
    part = shown[0]["content"][1]
    assert (part["type"], part["alt_text"]) == ("file", "a cat")
    assert part["file"]["path"] == str(image)
    assert part["file"]["mime_type"] == "image/png"
    # A function gets Gradio's Message.model_dump(): every FileData key.
    back = bot.preprocess(shown)
    assert back == [{"role": "assistant", "metadata": None, "options": None, "content": [
        text("look"),
        {"file": {"path": str(image), "url": None, "size": 9, "orig_name": "cat.png", "mime_type": "image/png",
                  "is_stream": False, "meta": {"_type": "gradio.FileData"}}, "alt_text": "a cat", "type": "file"},
    ]}]
    assert list(back[0]) == ["role", "metadata", "content", "options"]
    # What preprocess gives back, postprocess takes again (a round trip through the user's function).
    assert bot.preprocess(bot.postprocess(back)) == back


def test_component_content_is_a_component_part(tmp_path):
    image = tmp_path / "cat.png"
    image.write_bytes(b"png")
    shown = gr.Chatbot().postprocess([{"role": "assistant", "content": gr.Image(str(image), render=False)}])
    part = shown[0]["content"][0]
    assert (part["type"], part["component"]) == ("component", "image")
    assert part["value"]["path"] == str(image)


def test_tuple_content_is_a_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x")
    shown = gr.Chatbot().postprocess([{"role": "user", "content": (str(path),)}])
    assert shown[0]["content"][0]["file"]["orig_name"] == "a.txt"


@pytest.mark.parametrize(
    "bad, message",
    [
        (["just text"], "expects dicts with 'role' and 'content'"),
        ([{"role": "user", "content": {"odd": 1}}], "cannot show message content"),
        ([{"role": "robot", "content": "x"}], "role 'robot'"),
        ([{"content": "x"}], 'needs "role" and "content"'),
        ("nope", "expects a list of messages"),
        ([{"role": "user", "content": {"path": "/no/such/file.png"}}], "no file at"),
    ],
)
def test_bad_messages_raise_clear_errors(bad, message):
    with pytest.raises(Error, match=message):
        gr.Chatbot().postprocess(bad)


def test_tuples_format_round_trip():
    bot = gr.Chatbot(type="tuples")
    shown = bot.postprocess([["hi", "hello"], ["more", None]])
    assert [m["role"] for m in shown] == ["user", "assistant", "user"]
    assert bot.preprocess(shown) == [["hi", "hello"], ["more", None]]


def test_retry_undo_like_flags_follow_listeners():
    with gr.Blocks():
        bot = gr.Chatbot()
        plain = gr.Chatbot()
        bot.like(lambda: None)
        bot.retry(lambda: None)
    props = bot.get_props()
    assert (props["likeable"], props["_retryable"], props["_undoable"]) == (True, True, False)
    assert plain.get_props()["likeable"] is False
    assert props["feedback_options"] == ["Like", "Dislike"]


def test_avatar_file_is_inlined(tmp_path):
    avatar = tmp_path / "me.png"
    avatar.write_bytes(b"png")
    bot = gr.Chatbot(avatar_images=(str(avatar), "https://example.com/bot.png"))
    assert bot.avatar_images[0].startswith("data:image/png;base64,")
    assert bot.avatar_images[1] == "https://example.com/bot.png"
    with pytest.raises(ValueError, match="does not exist"):
        gr.Chatbot(avatar_images=("/no/such.png", None))


def test_event_data_classes():
    like = gr.LikeData(None, {"index": 1, "value": ["a"], "liked": False})
    assert (like.index, like.value, like.liked) == (1, ["a"], False)
    edit = gr.EditData(None, {"index": [0, 1], "value": 5, "previous_value": 3})
    assert (edit.index, edit.value, edit.previous_value) == ([0, 1], 5, 3)


def test_multimodal_textbox(tmp_path):
    box = gr.MultimodalTextbox()
    assert box.postprocess("hi") == {"text": "hi", "files": []}
    path = tmp_path / "f.txt"
    path.write_text("x")
    shown = box.postprocess({"text": "see", "files": [str(path)]})
    assert shown["files"][0]["path"] == str(path)
    assert box.preprocess(shown) == {"text": "see", "files": [str(path)]}
    assert box.get_block_name() == "multimodaltextbox"
    with pytest.raises(Error, match="files must be uploaded files"):
        box.preprocess({"text": "x", "files": ["not a FileData"]})


def test_reasoning_tags_split_a_message_into_reasoning_and_prose():
    bot = gr.Chatbot(reasoning_tags=[("<thinking>", "</thinking>")], render=False)
    out = bot.postprocess([
        {"role": "user", "content": "Why?"},
        {"role": "assistant", "content": "<thinking>step one</thinking> Because. <thinking>still going"},
    ])
    assert [m["content"] for m in out] == [[text("Why?")], [text("step one")], [text("Because.")], [text("still going")]]
    assert out[1]["metadata"] == {"title": "Reasoning", "status": "done"}
    assert out[3]["metadata"] == {"title": "Reasoning", "status": "pending"}
    assert out[2]["metadata"] is None
    with pytest.raises(ValueError, match="reasoning_tags"):
        gr.Chatbot(reasoning_tags=["<t>"], render=False)


def test_chatbot_display_params_reach_the_page():
    props = gr.Chatbot(watermark="(AI)", like_user_message=True, allow_file_downloads=False, render=False).get_props()
    assert props["watermark"] == "(AI)" and props["like_user_message"] is True and props["allow_file_downloads"] is False
    assert props["latex_delimiters"] == [{"left": "$$", "right": "$$", "display": True}]
    assert gr.Chatbot(latex_delimiters=[], render=False).get_props()["latex_delimiters"] == []
