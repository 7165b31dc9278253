"""gr.load and gr.load_chat (external.py) against loopback stand-ins for the remote servers."""

import asyncio

import pytest
from remote_stub import start_stub

import wasmblocks as gr
from wasmblocks.external import conversation, sse_events


@pytest.fixture(scope="module")
def stub():
    server = start_stub()
    yield server
    server.shutdown()
    server.server_close()


def test_load_builds_the_remote_app_and_calls_its_api(stub):
    demo = gr.load(stub.url)
    assert [c.label for c in demo.input_components] == ["Text"]
    assert [c.label for c in demo.output_components] == ["Reversed"]
    assert demo("abc", api_name="/reverse") == "cba"
    posted = [r for r in stub.requests if r["method"] == "POST" and r["path"] == "/gradio_api/call/reverse"]
    assert posted[-1]["json"] == {"data": ["abc"]}


def test_models_need_a_server_and_say_so():
    with pytest.raises(ValueError, match=r"gr.load\('models/gpt2'\) cannot run in a browser.*token"):
        gr.load("models/gpt2")
    with pytest.raises(ValueError, match="say what to load"):
        gr.load("gpt2")


def test_an_unreachable_app_is_a_clear_error_naming_the_url(stub):
    dead = stub.url.rsplit(":", 1)[0] + ":9"  # the discard port: nothing listens
    with pytest.raises(ConnectionError, match=r"could not read http://127.0.0.1:9/config.*CORS"):
        gr.load(dead)
    with pytest.raises(ConnectionError, match="is not a Gradio app|did not answer with JSON|HTTP 404"):
        gr.load(stub.url + "/nothing-here")


def test_server_sent_events_are_split_and_named():
    async def chunks():
        for part in ["event: generating\ndata: [1]\n", "\nevent: complete\nda", "ta: [2]\n\n", "data: tail"]:
            yield part

    async def collect():
        return [e async for e in sse_events(chunks())]

    assert asyncio.run(collect()) == [("generating", "[1]"), ("complete", "[2]"), ("message", "tail")]


def test_load_chat_streams_from_an_openai_compatible_endpoint(stub):
    chat = gr.load_chat(stub.url + "/v1/", model="stub-model", token="sk-test", system_message="Be brief",
                        file_types=None)
    client = gr.Client(chat)
    client.values[chat.textbox.id] = "hello"
    client.trigger(chat.textbox, "submit")
    history = client.values[chat.chatbot.id]
    assert history[-1]["content"] == [{"text": "2 messages, system Be brief: you said hello", "type": "text"}]
    sent = [r for r in stub.requests if r["path"] == "/v1/chat/completions"][-1]
    assert sent["json"]["model"] == "stub-model" and sent["json"]["stream"] is True
    assert sent["headers"]["authorization"] == "Bearer sk-test"
    # The reply grew word by word: the chatbot got more than one streamed value.
    grown = [m for m in client.messages if "you said" in str(m) and "2 messages" in str(m)]
    assert len(grown) > 1


def test_load_chat_without_streaming_and_the_conversation_format(stub, tmp_path):
    chat = gr.load_chat(stub.url + "/v1", model="m", streaming=False)
    assert chat.multimodal  # text files may be attached (file_types="text_encoded")
    notes = tmp_path / "notes.txt"
    notes.write_text("remember milk")
    messages = conversation([{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}],
                            {"text": "see file", "files": [str(notes)]})
    assert messages[-1] == {"role": "user", "content": "see file\n## notes.txt\nremember milk"}
    with pytest.raises(ValueError, match="Invalid file type"):
        gr.load_chat(stub.url, model="m", file_types="video")
    with pytest.raises(ValueError, match="http"):
        gr.load_chat("localhost:11434", model="m")
