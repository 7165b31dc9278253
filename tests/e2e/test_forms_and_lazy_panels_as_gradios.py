"""Layout details Gradio's own tests rely on: consecutive form components share one `.form` box that hides
when all it holds is hidden (visible=False or "hidden"), a Tab's or closed Accordion's content is drawn only
once opened, and an Image showing a picture keeps its (hidden) file input, so a file dropped there replaces
it, with a `.selectable` frame when it has a select listener."""

import pytest
from playwright.sync_api import expect

APP = """
import gradio as gr

with gr.Blocks() as demo:
    with gr.Tabs():
        with gr.Tab("Form"):
            first = gr.Textbox(label="First", elem_id="first")
            second = gr.Number(label="Second", elem_id="second")
            gr.Button("Hide both").click(lambda: (gr.Textbox(visible=False), gr.Number(visible="hidden")),
                                         None, [first, second])
            with gr.Accordion("Closed", open=False):
                gr.Markdown("Inside the accordion")
            picture = gr.Image(type="filepath", label="Picture", elem_id="picture")
            clicks = gr.Number(label="Clicks", value=0)
            uploads = gr.Number(label="Uploads", value=0)
            picture.upload(lambda n: n + 1, uploads, uploads)
            picture.select(lambda n: n + 1, clicks, clicks)
        with gr.Tab("Later"):
            gr.Markdown("Drawn when opened")
"""

DROP = """async ([sel, name]) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 100;
  canvas.getContext("2d").fillRect(0, 0, 100, 100);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  const data = new DataTransfer();
  data.items.add(new File([blob], name, { type: "image/png" }));
  const target = document.querySelector(`#${sel} input[type=file]`);
  for (const t of ["dragenter", "dragover", "drop"]) {
    target.dispatchEvent(new DragEvent(t, { dataTransfer: data, bubbles: true, cancelable: true }));
  }
}"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("forms_app.py", APP))
    yield page
    page.context.close()


def test_tab_and_closed_accordion_content_is_drawn_when_first_opened(page):
    expect(page.get_by_text("Drawn when opened")).to_have_count(0)
    expect(page.get_by_text("Inside the accordion")).to_have_count(0)
    page.get_by_role("button", name="Closed").click()
    expect(page.get_by_text("Inside the accordion")).to_be_visible()
    page.get_by_role("tab", name="Later").click()
    expect(page.get_by_text("Drawn when opened")).to_be_visible()
    page.get_by_role("tab", name="Form").click()
    expect(page.get_by_text("Drawn when opened")).to_be_attached()  # kept, hidden, once drawn
    expect(page.get_by_text("Drawn when opened")).to_be_hidden()


def test_consecutive_form_components_share_a_form_box_that_hides_with_them(page):
    form = page.locator(".form").filter(has=page.locator("#first"))
    expect(form.locator("#second")).to_have_count(1)
    expect(form).to_be_visible()
    page.get_by_role("button", name="Hide both").click()
    expect(page.locator("#first")).to_have_count(0)
    expect(page.locator("#second")).to_be_attached()  # visible="hidden": in the page, taking no room
    expect(page.locator(".form").filter(has=page.locator("#second"))).to_be_hidden()


def test_a_file_dropped_on_a_shown_image_replaces_it_and_the_frame_is_selectable(page):
    page.evaluate(DROP, ["picture", "one.png"])
    expect(page.get_by_label("Uploads")).to_have_value("1")
    page.evaluate(DROP, ["picture", "two.png"])  # the input is still there, under the picture
    expect(page.get_by_label("Uploads")).to_have_value("2")
    page.locator("#picture .selectable").click()
    expect(page.get_by_label("Clicks")).to_have_value("1")
    assert not page.wasmblocks_errors
