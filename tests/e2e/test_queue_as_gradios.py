"""The queue as Gradio's tests see it: a full queue refuses with Gradio's own words, an exception does not block
the events queued behind it, and Gradio's rapid_generation app (three chains of 22 events, generators
included, on empty Numbers) ends with every value in place and no error."""

import pytest
from playwright.sync_api import expect

QUEUE_APP = """
import time
import gradio as gr

calls = 0

def number():
    global calls
    calls += 1
    if calls == 2:
        raise gr.Error("This is a gradio error")
    time.sleep(1)
    return calls

with gr.Blocks() as demo:
    buttons = [gr.Button(f"Call {i}") for i in range(4)]
    results = [gr.Number(label=f"Result {i}") for i in range(4)]
    for button, result in zip(buttons, results):
        button.click(number, None, result, concurrency_id="f")

demo.queue(max_size=2)
"""

RAPID_APP = """
import gradio as gr

with gr.Blocks() as demo:
    chatbot = gr.Chatbot(elem_id="chatbot")
    num1 = gr.Number(label="a")
    num2 = gr.Number(label="b")
    btn = gr.Button("Start")

    def add_user(history):
        message = {"role": "user", "content": ""}
        history.append(message)
        for _ in range(10):
            message["content"] += f"{len(history)} "
            yield history

    def add_bot(history):
        message = {"role": "assistant", "content": ""}
        history.append(message)
        for _ in range(10):
            message["content"] += f"{len(history)} "
            yield history

    chat = btn.click(add_user, chatbot, chatbot).then(add_bot, chatbot, chatbot)
    for _ in range(10):
        chat = chat.then(add_user, chatbot, chatbot).then(add_bot, chatbot, chatbot)
    numbers = btn.click(lambda x: x + 1, num1, num2).then(lambda x: x + 1, num2, num1)
    for _ in range(10):
        numbers = numbers.then(lambda x: x + 1, num1, num2).then(lambda x: x + 1, num2, num1)
"""


def test_a_full_queue_uses_gradios_words_and_an_error_does_not_block_it(open_app, source_url):
    page = open_app(source_url("queue_full_app.py", QUEUE_APP))
    for i in range(4):
        page.get_by_role("button", name=f"Call {i}").click()
    texts = page.get_by_test_id("toast-text")
    expect(texts).to_have_count(2, timeout=20_000)
    joined = "\n".join(texts.all_inner_texts())
    assert "This application is currently busy. Please try again." in joined, joined
    assert "This is a gradio error" in joined, joined
    expect(page.get_by_label("Result 0")).to_have_value("1")
    expect(page.get_by_label("Result 2")).to_have_value("3", timeout=20_000)  # queued behind the error


def test_rapid_generation_ends_with_every_value(open_app, source_url):
    page = open_app(source_url("rapid_generation_app.py", RAPID_APP))
    page.get_by_role("button", name="Start").click()
    conversation = page.get_by_label("chatbot conversation")
    expect(conversation).to_contain_text("22 22 22 22 22 22 22 22 22 22", timeout=40_000)
    expect(page.get_by_label("a", exact=True)).to_have_value("22", timeout=20_000)
    expect(page.get_by_label("b", exact=True)).to_have_value("21")
    assert not page.wasmblocks_errors
