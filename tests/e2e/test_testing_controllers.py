"""The testing kit's controllers (wasmblocks_testing) against a real exported app in Chromium: each one acts as a
user would and reads what the page shows; a failing expectation names the actual value."""

from __future__ import annotations

import re

import pytest

from wasmblocks.testing import App, ExpectationError

APP = '''
import os
import gradio as gr

def summary(name, count, temperature, color, colors, agree, pets, size):
    return "|".join([name, f"{count:g}", f"{temperature:g}", color or "", ",".join(colors or []), str(agree),
                     ",".join(pets), size or ""])

def warn():
    gr.Warning("Careful now")

def fail():
    raise gr.Error("Something broke")

def read(path):
    return f"{os.path.basename(path)}:{open(path, encoding='utf-8').read()}" if path else ""

def respond(message, history):
    return "", history + [{"role": "user", "content": message},
                          {"role": "assistant", "content": f"You said: {message}"}]

def squares(n):
    return [[i, i * i, i % 2 == 0] for i in range(int(n))]

with gr.Blocks() as demo:
    with gr.Tab("Form"):
        name = gr.Textbox(label="Name")
        count = gr.Number(label="Count", value=2)
        temperature = gr.Slider(0, 1, value=0.5, step=0.1, label="Temperature")
        color = gr.Dropdown(["red", "green", "blue"], value="red", label="Color")
        colors = gr.Dropdown(["red", "green", "blue"], multiselect=True, value=[], label="Colors")
        agree = gr.Checkbox(label="I agree")
        pets = gr.CheckboxGroup(["cat", "dog", "fish"], label="Pets")
        size = gr.Radio(["S", "M", "L"], value="M", label="Size")
        out = gr.Textbox(label="Summary")
        gr.Button("Summarize").click(summary, [name, count, temperature, color, colors, agree, pets, size], out)
        gr.Button("Warn").click(warn)
        gr.Button("Fail").click(fail)
    with gr.Tab("Files"):
        document = gr.File(label="Document")
        seen = gr.Textbox(label="Seen")
        document.upload(read, document, seen)
    with gr.Tab("Chat"):
        bot = gr.Chatbot(label="Conversation")
        message = gr.Textbox(label="Message")
        message.submit(respond, [message, bot], [message, bot])
    with gr.Tab("Table"):
        rows = gr.Number(label="Rows", value=3)
        table = gr.Dataframe(headers=["n", "square", "even"], datatype=["number", "number", "bool"],
                             label="Squares")
        gr.Button("Fill").click(squares, rows, table)
'''


@pytest.fixture(scope="module")
def app(wasmblocks_launcher) -> App:
    opened = wasmblocks_launcher.open(APP)
    yield opened
    opened.close()


def test_form_controllers_set_what_the_function_receives(app: App) -> None:
    app.tab("Form").select().expect_selected()
    app.textbox("Name").fill("Ada")
    app.number("Count").set(7)
    app.slider("Temperature").set(0.7)
    app.dropdown("Color").select("blue")
    app.dropdown("Colors").select(["green", "red"])
    app.checkbox("I agree").check()
    app.checkbox_group("Pets").select(["dog", "fish"])
    app.radio("Size").select("L")
    app.button("Summarize").click()
    app.textbox("Summary").expect_value("Ada|7|0.7|blue|green,red|True|dog,fish|L")
    # The controllers read back what the page shows.
    app.slider("Temperature").expect_value(0.7)
    app.dropdown("Color").expect_value("blue")
    app.dropdown("Colors").expect_value(["green", "red"])
    app.checkbox("I agree").expect_checked()
    app.checkbox_group("Pets").expect_value(["dog", "fish"])
    app.radio("Size").expect_value("L")
    # py-shiny's set() on every input does the same.
    app.textbox("Name").set("Bo")
    app.dropdown("Color").set("green")
    app.checkbox("I agree").set(False)
    app.checkbox_group("Pets").set(["cat"])
    app.radio("Size").set("S")
    app.button("Summarize").click()
    app.textbox("Summary").expect_value("Bo|7|0.7|green|green,red|False|cat|S")
    assert not app.errors


def test_toasts_by_level_and_text(app: App) -> None:
    app.tab("Form").select()
    app.button("Warn").click()
    app.expect_toast("warning", "Careful now")
    app.button("Fail").click()
    app.expect_toast("error", "Something broke")
    app.expect_toast("error", re.compile(r"Some\w+ broke"))


def test_file_upload_reaches_the_function(app: App, tmp_path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hello file", encoding="utf-8")
    app.tab("Files").select()
    app.file("Document").upload(note)
    app.textbox("Seen").expect_value("note.txt:hello file")
    app.file("Document").expect_files(["note.txt"])


def test_chatbot_messages_by_role_and_text(app: App) -> None:
    app.tab("Chat").select()
    app.textbox("Message").fill("hi there")
    app.textbox("Message").submit()
    app.chatbot().expect_messages([("user", "hi there"), ("assistant", "You said: hi there")])
    app.chatbot("Conversation").expect_messages(["hi there", {"role": "assistant", "content": "You said: hi there"}])
    app.textbox("Message").expect_value("")


def test_dataframe_rows_and_headers(app: App) -> None:
    app.tab("Table").select()
    app.number("Rows").set(4)
    app.button("Fill").click()
    app.dataframe("Squares").expect_headers(["n", "square", "even"])
    app.dataframe().expect_rows([[0, 0, True], [1, 1, False], [2, 4, True], [3, 9, False]])


def test_a_failing_expectation_reports_the_actual_value(app: App) -> None:
    app.tab("Form").select()
    app.textbox("Name").fill("Grace")
    with pytest.raises(ExpectationError) as failed:
        app.textbox("Name").expect_value("Ada", timeout=0.5)
    assert "expected: 'Ada'" in str(failed.value) and "actual:   'Grace'" in str(failed.value)
    assert "textbox 'Name'" in str(failed.value)

    app.tab("Table").select()
    with pytest.raises(ExpectationError, match=r"actual:   \[\['0', '0', True\]"):
        app.dataframe("Squares").expect_rows([[5, 25, False]], timeout=0.5)

    app.tab("Chat").select()
    with pytest.raises(ExpectationError, match=r"actual:   \[\('user', 'hi there'\)"):
        app.chatbot().expect_messages(["something else"], timeout=0.5)

    with pytest.raises(ExpectationError, match=r"expected: \('error', 'never shown'\)"):
        app.expect_toast("error", "never shown", timeout=0.5)


def test_a_label_nobody_has_names_the_labels_there_are(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    app.tab("Form").select()
    monkeypatch.setattr(app, "timeout", 0.5)  # a label that never shows: fail soon
    with pytest.raises(ExpectationError, match=r"no textbox labelled 'Nmae'; the labels on the page are \[.*'Name'"):
        app.textbox("Nmae").fill("x")
    with pytest.raises(ExpectationError, match="has no choice 'purple'; it offers"):
        app.dropdown("Color").select("purple")
