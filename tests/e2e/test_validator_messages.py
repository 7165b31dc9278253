"""validator=: a listener's validator refuses bad input before the function runs, with its message on the input."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr

runs = []

def check(name, age):
    return [gr.validate(bool(name.strip()), "Please enter a name"),
            gr.validate(age is not None and age >= 18, "You must be 18 or older")]

def greet(name, age):
    runs.append(name)
    return f"Welcome {name} ({len(runs)})"

with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    age = gr.Number(label="Age", value=12)
    out = gr.Textbox(label="Greeting")
    gr.Button("Submit").click(greet, [name, age], out, validator=check)

demo.launch()
"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("validator_app.py", APP))
    yield page
    page.context.close()


def test_bad_input_shows_each_message_on_its_input_and_the_function_does_not_run(page):
    page.get_by_role("button", name="Submit").click()
    name_block = page.locator(".block", has=page.get_by_label("Name"))
    age_block = page.locator(".block", has=page.get_by_label("Age"))
    expect(name_block.get_by_role("alert")).to_have_text("Please enter a name")
    expect(age_block.get_by_role("alert")).to_have_text("You must be 18 or older")
    expect(page.get_by_label("Greeting")).to_have_value("")
    expect(page.get_by_test_id("toast-body")).to_have_count(0)


def test_fixing_one_input_clears_its_message_and_valid_input_runs_the_function(page):
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Submit").click()
    age_block = page.locator(".block", has=page.get_by_label("Age"))
    expect(age_block.get_by_role("alert")).to_have_text("You must be 18 or older")
    expect(page.locator(".block", has=page.get_by_label("Name")).get_by_role("alert")).to_have_count(0)
    page.get_by_label("Age").fill("30")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Greeting")).to_have_value("Welcome Ada (1)")
    expect(page.get_by_role("alert")).to_have_count(0)
    assert not page.wasmblocks_errors
