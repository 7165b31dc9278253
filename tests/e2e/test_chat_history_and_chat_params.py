"""A ChatInterface as a visitor sees it with Gradio's parameters: save_history (New chat, the history list,
kept across a reload), example_icons, validator, flagging_mode="manual" (likes saved as a CSV the visitor
downloads), and chatbot_value (another event fills the conversation)."""

import csv
import io
import textwrap

from playwright.sync_api import expect

ICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/%3E"
APP = textwrap.dedent(f'''
    import gradio as gr

    def reply(message, history):
        return "You said: " + message

    def not_error(message):
        # What gr.validate(is_valid, message) returns in Gradio.
        return {{"__type__": "validate", "is_valid": message != "error", "message": "Can't be error"}}

    with gr.Blocks() as demo:
        start = gr.Radio(["Greeting", "Blank"], label="Start with")
        chat = gr.ChatInterface(reply, save_history=True, examples=["Hi there"], example_icons=["{ICON}"],
                                validator=not_error, flagging_mode="manual")
        start.change(lambda c: [{{"role": "user", "content": "Hello bot"}},
                                {{"role": "assistant", "content": "Hello human"}}] if c == "Greeting" else [],
                     start, chat.chatbot_value)
''')


def _send(page, text):
    box = page.get_by_label("Message", exact=True)
    box.fill(text)
    page.locator(".submit-button").click()


def test_history_new_chat_validator_icons_and_flags(open_app, source_url):
    page = open_app(source_url("chat_history.py", APP))
    bot, user = page.get_by_test_id("bot"), page.get_by_test_id("user")
    history = page.locator("tr.tr-body")
    expect(page.get_by_role("button", name="New chat")).to_be_visible()
    expect(history).to_have_count(0)
    icon = page.get_by_role("img", name="Example icon")
    expect(icon).to_have_attribute("src", ICON)

    # An invalid message is refused and stays in the box, the validator's message on it (Gradio 6.31: no toast).
    _send(page, "error")
    box_block = page.locator(".block", has=page.get_by_label("Message", exact=True))
    expect(box_block.get_by_role("alert")).to_have_text("Can't be error")
    expect(page.get_by_label("Message", exact=True)).to_have_value("error")
    expect(user).to_have_count(0)
    expect(page.get_by_test_id("toast-body")).to_have_count(0)

    _send(page, "hello")
    expect(bot).to_have_text("You said: hello")
    expect(box_block.get_by_role("alert")).to_have_count(0)
    expect(history).to_have_count(1)
    expect(history.first).to_have_text("hello")

    page.get_by_role("button", name="Like", exact=True).click()
    expect(page.get_by_role("button", name="Download flags")).to_be_visible()

    page.get_by_role("button", name="New chat").click()
    expect(bot).to_have_count(0)
    _send(page, "second")
    expect(bot).to_have_text("You said: second")
    expect(history).to_have_text(["second", "hello"])

    # Another event sets the conversation through chat.chatbot_value.
    page.get_by_label("Greeting").check()
    expect(user).to_have_text("Hello bot")
    expect(bot).to_have_text("Hello human")

    page.reload()
    page.wait_for_selector('#wasmblocks-app[data-state="ready"]')
    expect(history).to_have_text(["second", "hello"])  # kept in the browser
    history.filter(has_text="hello").click()
    expect(user).to_have_text("hello")
    expect(bot).to_have_text("You said: hello")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download flags").click()
    rows = list(csv.reader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert rows[0] == ["conversation", "index", "value", "flag", "timestamp"]
    assert [r[2] for r in rows[1:]] == ["Like"] and "You said: hello" in rows[1][0]
    assert not [e for e in page.wasmblocks_errors if "Can't be error" not in e]


FILL_APP = '''
import gradio as gr

demo = gr.ChatInterface(lambda message, history: "You said: " + message, title="Fill")
'''


def test_fill_height_grows_the_chatbot_not_the_message_box(open_app, source_url):
    # ChatInterface turns fill_height on. Gradio grows only the top-level children with a scale (the Chatbot,
    # scale=1): the Group around the message box keeps its content's height (no empty strip under the box).
    page = open_app(source_url("chat_fill.py", FILL_APP))
    expect(page.get_by_label("Message", exact=True)).to_be_visible()
    sizes = page.evaluate("""() => {
        const root = document.querySelector('#wasmblocks-app .wb-root');
        const group = root.querySelector(':scope > .gr-group');
        const chat = [...root.children].find((c) => c.querySelector('[data-testid=chatbot], .wb-chatbot'));
        return {group: group.clientHeight, content: group.querySelector(':scope > .styler').offsetHeight,
                groupGrow: getComputedStyle(group).flexGrow, chatGrow: getComputedStyle(chat).flexGrow,
                chat: chat.getBoundingClientRect().height, rootBottom: root.getBoundingClientRect().bottom,
                groupBottom: group.getBoundingClientRect().bottom};
    }""")
    assert sizes["group"] == sizes["content"], sizes
    assert (sizes["groupGrow"], sizes["chatGrow"]) == ("0", "1"), sizes
    # The Chatbot takes the room left: taller than its 400px height, and the box sits at the root's bottom.
    assert sizes["chat"] > 400 and abs(sizes["rootBottom"] - sizes["groupBottom"]) < 2, sizes
    assert not page.wasmblocks_errors
