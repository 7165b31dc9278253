"""Chatbot and ChatInterface as Gradio 6 draws and runs them: editing messages (editable=, the Edit button, the
inline editor, .edit receiving gr.EditData, consecutive user messages), ChatInterface's edit / retry / undo,
its Submit and Stop buttons inside the message box, the history a function receives (content as typed parts),
and a DeepLinkButton link that reopens the conversation."""

import re
import textwrap

from playwright.sync_api import expect

EDIT_APP = textwrap.dedent('''
    import gradio as gr

    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(value=[], editable="user", label="Mine")
        everything = gr.Chatbot([{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}],
                                editable="all", label="All")
        add = gr.Button("Add Message")
        add_user = gr.Button("Add User Message")
        joined = gr.Textbox(label="Joined")
        edits = gr.Textbox(label="Edits")
        seen = gr.Textbox(label="Seen")

        def add_message(history):
            return history + [{"role": "user", "content": "I'm a user"}, {"role": "assistant", "content": "I'm a bot"}]

        def add_user_message(history):
            return history + [{"role": "user", "content": "I'm a user"}]

        log = []  # the edits fire one after the other; each answer shows all so far

        def log_edit(data: gr.EditData):
            log.append(f"[{data.index}: {data.previous_value} -> {data.value}]")
            return "".join(log)

        add.click(add_message, chatbot, chatbot)
        add_user.click(add_user_message, chatbot, chatbot)
        # Gradio 6: each message's content is a list of parts, [{"text": ..., "type": "text"}].
        chatbot.change(lambda h: "|".join(m["content"][0]["text"] for m in h), chatbot, joined)
        chatbot.edit(log_edit, None, edits)
        everything.edit(lambda h: repr(h[1]), everything, seen)
''')

CHAT_APP = textwrap.dedent('''
    import gradio as gr

    def reply(message, history):
        # What Gradio 6 hands over: the message, and the history's messages in their normalised form.
        shape = [(m["role"], [p["type"] for p in m["content"]], sorted(m)) for m in history]
        texts = [p.get("text") for m in history for p in m["content"]]
        return f"You typed: {message} | {len(history)} before | {texts} | {shape[-1] if shape else None}"

    with gr.Blocks() as demo:
        chat = gr.ChatInterface(reply, editable=True)
        gr.DeepLinkButton()
''')


def _chat(page, label):
    return page.locator(".wb-chatbot").filter(has=page.get_by_text(label, exact=True))


def test_editing_user_messages_fires_edit_with_gradios_edit_data(open_app, source_url):
    page = open_app(source_url("chat_edit.py", EDIT_APP))
    mine = _chat(page, "Mine")
    page.get_by_role("button", name="Add Message").click()
    expect(page.get_by_label("Joined")).to_have_value("I'm a user|I'm a bot")
    page.get_by_role("button", name="Add Message").click()
    expect(page.get_by_label("Joined")).to_have_value("I'm a user|I'm a bot|I'm a user|I'm a bot")
    # editable="user": an Edit button on each user message, none on the bot's.
    expect(mine.get_by_role("button", name="Edit")).to_have_count(2)
    mine.get_by_role("button", name="Edit").nth(1).click()
    editor = mine.locator("textarea.edit-textarea")
    expect(editor).to_have_value("I'm a user")
    editor.fill("changed my mind")
    mine.get_by_role("button", name="Cancel").click()
    expect(mine.locator("textarea")).to_have_count(0)
    expect(page.get_by_label("Edits")).to_have_value("")
    mine.get_by_role("button", name="Edit").nth(1).click()
    mine.locator("textarea.edit-textarea").fill("GRADIO")
    mine.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Edits")).to_have_value("[2: I'm a user -> GRADIO]")
    expect(page.get_by_label("Joined")).to_have_value("I'm a user|I'm a bot|GRADIO|I'm a bot")
    expect(mine.get_by_test_id("user").nth(1)).to_have_text("GRADIO")
    assert not page.wasmblocks_errors


def test_consecutive_user_messages_are_edited_together(open_app, source_url):
    page = open_app(source_url("chat_edit_group.py", EDIT_APP))
    mine = _chat(page, "Mine")
    page.get_by_role("button", name="Add User Message").click()
    expect(page.get_by_label("Joined")).to_have_value("I'm a user")
    page.get_by_role("button", name="Add User Message").click()
    expect(page.get_by_label("Joined")).to_have_value("I'm a user|I'm a user")
    # One bubble row, one Edit button; editing opens one textarea per message, and both change.
    expect(mine.get_by_role("button", name="Edit")).to_have_count(1)
    mine.get_by_role("button", name="Edit").click()
    mine.locator("textarea").nth(0).fill("FIRST EDIT")
    mine.locator("textarea").nth(1).fill("SECOND EDIT")
    mine.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Joined")).to_have_value("FIRST EDIT|SECOND EDIT")
    # The page fires one edit per message, at once; the listener's trigger_mode "once" (Gradio's default) runs
    # the first and drops the second, which comes while the first runs, as in Gradio.
    expect(page.get_by_label("Edits")).to_have_value(re.compile(r"^\[0: I'm a user -> FIRST EDIT\]"))


def test_editable_all_edits_the_assistant_too(open_app, source_url):
    page = open_app(source_url("chat_edit_all.py", EDIT_APP))
    everything = _chat(page, "All")
    expect(everything.get_by_role("button", name="Edit")).to_have_count(2)
    everything.get_by_role("button", name="Edit").nth(1).click()
    everything.locator("textarea").fill("a, edited")
    everything.get_by_role("button", name="Submit").click()
    # The listener gets the edited message in Gradio 6's shape.
    expect(page.get_by_label("Seen")).to_have_value(
        "{'role': 'assistant', 'metadata': None, 'content': [{'text': 'a, edited', 'type': 'text'}], 'options': None}")


def test_chat_interface_buttons_history_shape_edit_and_deep_link(open_app, source_url):
    page = open_app(source_url("chat_iface.py", CHAT_APP))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    box = page.get_by_test_id("textbox")
    submit = page.locator(".submit-button")
    bot = page.get_by_test_id("bot")
    # Gradio 6: Submit sits inside the message box; Stop is not drawn while idle.
    expect(page.locator(".input-container .submit-button")).to_be_visible()
    expect(page.locator(".stop-button")).to_have_count(0)
    box.fill("Lets")
    submit.click()
    expect(bot.nth(0)).to_have_text("You typed: Lets | 0 before | [] | None")
    expect(box).to_have_value("")
    box.fill("Test")
    box.press("Enter")
    expect(bot.nth(1)).to_have_text(
        "You typed: Test | 2 before | ['Lets', 'You typed: Lets | 0 before | [] | None'] | "
        "('assistant', ['text'], ['content', 'metadata', 'options', 'role'])")
    box.fill("This")
    submit.click()
    expect(bot).to_have_count(3)
    # Retry / Undo / Copy on the last reply, with Gradio's labels.
    chat = page.get_by_label("chatbot conversation")
    expect(chat.get_by_role("button", name="Retry")).to_have_count(1)
    expect(chat.get_by_role("button", name="Undo")).to_have_count(1)
    expect(chat.get_by_role("button", name="Copy message").first).to_be_visible()

    # Editing the second message: the conversation after it goes and fn runs again on the edited text.
    chat.get_by_role("button", name="Edit").nth(1).click()
    chat.get_by_role("textbox").fill("Do")
    page.get_by_label("Submit").click()
    expect(bot).to_have_count(2)
    expect(bot.nth(1)).to_contain_text("You typed: Do | 2 before")
    expect(chat).not_to_contain_text("You typed: This")
    expect(page.get_by_test_id("user")).to_have_text(["Lets", "Do"])

    chat.get_by_role("button", name="Undo").click()
    expect(bot).to_have_count(1)
    expect(box).to_have_value("Do")
    chat.get_by_role("button", name="Retry").click()
    expect(bot).to_have_count(1)
    expect(bot.nth(0)).to_have_text("You typed: Lets | 0 before | [] | None")

    # DeepLinkButton: the link carries the conversation; opened in another tab, the chat is there.
    page.get_by_role("button", name="Share via Link").click()
    expect(page.get_by_role("button", name="Link Copied!")).to_be_visible()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('deep_link='))")
    link = page.evaluate("navigator.clipboard.readText()")
    other = page.context.new_page()
    other.goto(link)
    expect(other.get_by_test_id("bot")).to_have_text(["You typed: Lets | 0 before | [] | None"])
    expect(other.get_by_test_id("user")).to_have_text(["Lets"])
    # The restored conversation is what fn gets next.
    other.get_by_test_id("textbox").fill("again")
    other.get_by_test_id("textbox").press("Enter")
    expect(other.get_by_test_id("bot").nth(1)).to_contain_text("You typed: again | 2 before | ['Lets'",
                                                               timeout=15_000)
    assert not page.wasmblocks_errors


MULTI_APP = textwrap.dedent('''
    import gradio as gr

    def reply(message, history):
        parts = [(p["type"], p["file"]["orig_name"] if p["type"] == "file" else p["text"])
                 for m in history for p in m["content"]]
        return f"{message['text']} with {len(message['files'])} files; before: {parts}"

    demo = gr.ChatInterface(reply, multimodal=True)
''')


def test_multimodal_turn_reaches_fn_and_history_as_file_and_text_parts(open_app, source_url, tmp_path):
    page = open_app(source_url("chat_multi.py", MULTI_APP))
    note = tmp_path / "note.txt"
    note.write_text("remember milk")
    page.get_by_test_id("file-upload").set_input_files(str(note))
    expect(page.locator(".thumbnail-item")).to_have_count(1)
    box = page.get_by_test_id("textbox")
    box.fill("see")
    page.locator(".submit-button").click()
    bot = page.get_by_test_id("bot")
    expect(bot.nth(0)).to_have_text("see with 1 files; before: []", timeout=15_000)
    # The turn is one user bubble: the file, then the text.
    user_bubble = page.locator(".message.user")
    expect(user_bubble).to_have_count(1)
    expect(user_bubble.get_by_test_id("user")).to_have_count(2)
    box.fill("again")
    box.press("Enter")
    expect(bot.nth(1)).to_have_text(
        "again with 0 files; before: [('file', 'note.txt'), ('text', 'see'), "
        "('text', 'see with 1 files; before: []')]", timeout=15_000)
