"""Display components, buttons and examples in the gallery: what they render (Gradio's DOM hooks), their
events (the value that reached Python is echoed), sanitizing, lazy libraries, and examples filling inputs."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("gallery"))
    yield page
    page.context.close()


def test_markdown_table_code_latex_and_header_links(page):
    md = page.get_by_test_id("markdown").filter(has_text="Bold")
    expect(md.locator("table th").first).to_have_text("Component")
    expect(md.locator("pre code.hljs .hljs-keyword").first).to_have_text("def")
    expect(md.locator(".katex-display")).to_have_count(1)
    expect(md.locator(".katex")).to_have_count(2)  # one inline, one display formula
    expect(md.locator("h2#markdown a.header-link")).to_have_attribute("href", "#markdown")
    expect(md.get_by_role("link", name="link", exact=True)).to_have_attribute("target", "_blank")
    # KaTeX's stylesheet comes from the site's own assets, not a CDN.
    href = page.locator('link[data-wasmblocks="katex"]').get_attribute("href")
    assert href.startswith(page.url) and href.endswith("assets/katex/katex.css")


def test_html_is_sanitized_and_templates_follow_value_and_props(page):
    plain = page.get_by_test_id("html").filter(has_text="Plain")
    expect(plain.locator("b")).to_have_text("HTML")
    assert plain.locator("script").count() == 0 and plain.locator("img").get_attribute("onerror") is None
    assert page.evaluate("window.__pwned") is None
    stars = page.locator(".stars")
    expect(stars).to_have_text("★★★☆☆")
    expect(stars).to_have_css("color", "rgb(245, 158, 11)")  # css_template with ${color}
    expect(page.get_by_test_id("html").filter(has_text="templated").locator("li")).to_have_text(["templated", "with props"])
    rating = page.get_by_label("range slider for Rating")
    rating.focus()
    rating.press("ArrowRight")
    expect(stars).to_have_text("★★★★☆")


def test_json_tree_folds_and_unfolds(page):
    tree = page.get_by_test_id("json")
    expect(tree).to_contain_text('"name": "wasmblocks"')
    deeper = tree.get_by_text('"deeper"')
    expect(deeper).to_be_visible()
    expect(tree.get_by_text('"x"')).to_be_hidden()  # Gradio collapses nodes from depth 3
    tree.locator(".json-line", has_text='"deeper"').get_by_role("button", name="Expand").click()
    expect(tree.get_by_text('"x"')).to_be_visible()


def test_label_confidences_and_select(page):
    expect(page.get_by_test_id("label-output-value")).to_have_text("cat")
    expect(page.get_by_test_id("dog-confidence-set")).to_contain_text("15%")
    expect(page.get_by_test_id("owl-confidence-set")).to_have_count(0)  # num_top_classes=3
    page.get_by_test_id("dog-confidence-set").click()
    expect(page.get_by_label("Label got")).to_have_value("selected 'dog'")


def test_highlighted_text_entities_legend_and_colours(page):
    text = page.get_by_test_id("highlighted-text")
    expect(text).to_contain_text("Ada Lovelace")
    person = text.locator(".textspan.hl", has_text="Ada Lovelace")
    expect(person.locator(".label")).to_have_text("PER")
    expect(person.locator(".label")).to_have_css("background-color", "rgb(59, 130, 246)")  # color_map
    expect(page.get_by_test_id("highlighted-text:category-legend").locator(".category-label")).to_have_text(["PER", "LOC"])


def test_code_editor_edits_reach_python(page):
    editor = page.locator(".wb-code .cm-content")
    expect(editor).to_contain_text("def add(a, b):")
    editor.click()
    expect(page.get_by_label("Label got")).to_have_value("focus")
    page.keyboard.press("Control+End")
    page.keyboard.type("\n# done")
    # CodeMirror indents the new line itself; the text that reached Python is repr()'d.
    expect(page.get_by_label("Code got")).to_have_value(re.compile(r"^'def add\(a, b\):\\n    return a \+ b\\n *# done'$"))


def test_buttons_send_their_value_icons_links(page):
    page.get_by_role("button", name="Primary").click()
    expect(page.get_by_label("Button got")).to_have_value("'Primary'")
    secondary = page.get_by_role("button", name="Secondary")
    secondary.click()
    expect(page.get_by_label("Button got")).to_have_value("'Secondary'")
    assert secondary.locator("img.button-icon").get_attribute("src").startswith("data:image/svg+xml;base64,")
    expect(page.get_by_role("link", name="Gradio website")).to_have_attribute("href", "https://www.gradio.app")
    expect(page.get_by_role("button", name="Stop", exact=True).last).to_have_class("wb-button sm stop")


def test_clear_and_deep_link_buttons(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_label("Text", exact=False).first.fill("to clear")
    page.get_by_test_id("checkbox-group").get_by_label("Ham").check()
    page.get_by_role("button", name="Clear text, number, toppings").click()
    expect(page.get_by_label("Text", exact=False).first).to_have_value("")
    expect(page.get_by_test_id("checkbox-group").get_by_label("Ham")).not_to_be_checked()
    page.get_by_label("Text", exact=False).first.fill("shared")
    page.get_by_role("button", name="Share via Link").click()
    expect(page.get_by_role("button", name="Link Copied!")).to_be_visible()
    # The link is this page's, with the values that changed in ?deep_link=; it reopens them.
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('deep_link='))")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(page.url.split("#")[0].split("?")[0])
    other = page.context.new_page()
    other.goto(link)
    expect(other.get_by_label("Text", exact=False).first).to_have_value("shared", timeout=30_000)
    other.close()


def test_examples_table_fills_inputs_and_runs_fn(page):
    table = page.locator(".wb-dataset").filter(has_text="Repeat examples")
    expect(table.locator("th")).to_have_text(["Word", "Times"])
    table.locator("tr.tr-body", has_text="ha").click()
    expect(page.get_by_label("Word", exact=True)).to_have_value("ha")
    expect(page.get_by_label("Times", exact=True)).to_have_value("3")
    expect(page.get_by_label("Repeated", exact=True)).to_have_value("hahaha")  # run_on_click=True


def test_examples_gallery_fills_a_single_input(page):
    gallery = page.locator(".wb-dataset").filter(has_text="Colour examples")
    gallery.locator("button.gallery-item").nth(1).click()
    expect(page.get_by_role("button", name="Color", exact=True)).to_have_attribute("data-value", "#ffa500")
    expect(page.get_by_label("Color got")).to_have_value("'#ffa500'")


def test_display_values_set_from_python(page):
    page.get_by_role("button", name="Set every value from Python").click()
    expect(page.get_by_test_id("json")).to_contain_text('"set": true')
    expect(page.get_by_test_id("label-output-value")).to_have_text("dog")
    expect(page.get_by_test_id("highlighted-text")).to_contain_text("Python")
    expect(page.locator(".wb-code .cm-content")).to_contain_text("print(x)")
    expect(page.get_by_test_id("markdown").filter(has_text="Set from").locator("strong")).to_have_text("Python")
    expect(page.locator("#set-html b")).to_have_text("Python")
    assert not [e for e in page.wasmblocks_errors if "clipboard" not in e.lower()], page.wasmblocks_errors
