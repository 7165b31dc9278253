"""An Interface's Flag button saves the sample in the browser: it is still there after a reload, and the
visitor downloads it as Gradio's CSV (headers from the labels, one row per flag, the flag option's value)."""

import csv
import io
import textwrap

from playwright.sync_api import expect

APP = textwrap.dedent('''
    import gradio as gr

    def shout(text):
        return text.upper() + "!"

    demo = gr.Interface(shout, gr.Textbox(label="Words"), gr.Textbox(label="Shouted"),
                        flagging_options=["Wrong", "Great"])
''')


def _downloaded_rows(page):
    with page.expect_download() as info:
        page.get_by_role("button", name="Download flags").click()
    text = open(info.value.path(), encoding="utf-8").read()
    return info.value.suggested_filename, list(csv.reader(io.StringIO(text)))


def test_flag_survives_a_reload_and_downloads_as_csv(open_app, source_url):
    url = source_url("flag_app.py", APP)
    page = open_app(url)
    download = page.get_by_role("button", name="Download flags")
    expect(download).to_have_count(0)  # nothing flagged yet: nothing to take away
    page.get_by_label("Words").fill("hello")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Shouted")).to_have_value("HELLO!")
    page.get_by_role("button", name="Flag as Great").click()
    expect(download).to_be_visible()
    expect(page.get_by_role("button", name="Flag as Great")).to_be_enabled()

    page.reload()
    page.wait_for_selector('#wasmblocks-app[data-state="ready"]')
    expect(page.get_by_label("Shouted")).to_have_value("")  # the page starts afresh …
    expect(download).to_be_visible()  # … but the flag is still kept
    name, rows = _downloaded_rows(page)
    assert name == "dataset1.csv"
    assert rows[0] == ["Words", "Shouted", "flag", "timestamp"]
    assert [r[:3] for r in rows[1:]] == [["hello", "HELLO!", "Great"]]

    # A second flag after the reload goes on in the same file, under the earlier one.
    page.get_by_label("Words").fill("bye")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("Shouted")).to_have_value("BYE!")
    page.get_by_role("button", name="Flag as Wrong").click()
    for _ in range(40):  # the button holds the CSV as of the last flag saved: poll until it has this one
        _, rows = _downloaded_rows(page)
        if len(rows) > 2:
            break
        page.wait_for_timeout(250)
    assert [r[:3] for r in rows[1:]] == [["hello", "HELLO!", "Great"], ["bye", "BYE!", "Wrong"]]
    assert not page.wasmblocks_errors
