"""gr.load and gr.load_chat in the browser: the page itself calls the other server (CORS), here a loopback
stand-in (tests/remote_stub.py); a Space that cannot be reached is a clear boot error naming it."""

import textwrap

import pytest
from playwright.sync_api import expect
from remote_stub import start_stub


@pytest.fixture(scope="module")
def stub():
    server = start_stub()
    yield server
    server.shutdown()
    server.server_close()


def test_an_unreachable_space_is_a_clear_error_after_asking_hugging_face(open_app, source_url):
    app = "import gradio as gr\n\ndemo = gr.load('spaces/abidlabs/en2fr')\n"
    url = source_url("load_space.py", app)
    asked = []
    page = open_app(url, wait_for=None)

    def refuse(route):
        asked.append(route.request.url)
        route.abort()

    page.context.route("https://huggingface.co/**", refuse)
    page.reload()
    page.wait_for_selector('#wasmblocks-app[data-state="error"]', timeout=90_000)
    text = page.locator("#wasmblocks-app").inner_text()
    assert "gr.load('spaces/abidlabs/en2fr') could not read" in text
    assert "https://huggingface.co/api/spaces/abidlabs/en2fr/host" in text and "CORS" in text
    assert asked == ["https://huggingface.co/api/spaces/abidlabs/en2fr/host"]


def test_a_loaded_gradio_app_runs_through_its_api(open_app, source_url, stub):
    url = source_url("load_url.py", f"import gradio as gr\n\ndemo = gr.load({stub.url!r})\n")
    page = open_app(url)
    page.get_by_label("Text").fill("wasmblocks")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Reversed")).to_have_value("skcolbmsaw")
    posts = [r for r in stub.requests if r["method"] == "POST" and r["path"] == "/gradio_api/call/reverse"]
    assert posts[-1]["json"] == {"data": ["wasmblocks"]}
    assert not page.wasmblocks_errors


def test_load_chat_streams_the_endpoints_reply_into_the_chat(open_app, source_url, stub):
    app = textwrap.dedent(f'''
        import gradio as gr

        demo = gr.load_chat({stub.url + "/v1/"!r}, model="stub-model", token="sk-test",
                            system_message="Be brief")
    ''')
    page = open_app(source_url("load_chat.py", app))
    box = page.get_by_test_id("textbox")
    box.fill("hello there")
    box.press("Enter")
    expect(page.get_by_test_id("user")).to_contain_text("hello there")
    expect(page.get_by_test_id("bot")).to_have_text("2 messages, system Be brief: you said hello there")
    sent = [r for r in stub.requests if r["method"] == "POST" and r["path"] == "/v1/chat/completions"][-1]
    assert sent["json"]["stream"] is True and sent["json"]["model"] == "stub-model"
    assert sent["headers"]["authorization"] == "Bearer sk-test"
    assert sent["json"]["messages"][0] == {"role": "system", "content": "Be brief"}
    assert not page.wasmblocks_errors
