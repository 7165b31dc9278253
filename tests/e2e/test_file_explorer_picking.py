"""gr.FileExplorer in the browser: a visitor opens folders and checks files in the worker's file system, and the
function gets the absolute paths; checking a folder checks all below it; glob/ignore_glob/root_dir updates start
the tree afresh; single-file mode, `select`, keyboard use, a file written by an event appearing in the tree, and
Gradio's own demos (file_explorer, file_explorer_component, file_explorer_component_events) with the steps of
Gradio's browser tests for them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
GRADIO_DEMOS = Path(__file__).resolve().parents[1] / "data" / "gradio_demos"  # vendored: see its README.md
APP_DIR = "/home/pyodide/app"


def gradio_demo(name: str) -> Path:
    return GRADIO_DEMOS / name


def entry(explorer, name: str):
    """An entry's row (span.wrap), found by its exact name as Gradio's tests find it."""
    return explorer.locator("span.wrap").filter(has=explorer.page.locator(".item-name", has_text=re.compile(f"^{re.escape(name)}$")))


# ---- the example app (examples/file_explorer/) ----

@pytest.fixture(scope="module")
def page(app_opener, site_url):
    page = app_opener(site_url("file_explorer"))
    yield page
    page.context.close()


def explorer(page, label: str):
    """The explorer block whose label is `label`."""
    return page.locator(".wb-fileexplorer-block").filter(has=page.get_by_test_id("block-label").get_by_text(label, exact=True))


def notes(page):
    return explorer(page, "Notes")


def test_opening_a_folder_and_checking_files_gives_python_their_absolute_paths(page):
    tree = notes(page)
    entry(tree, "todo.md").wait_for()
    # Folders first, then the files glob="**/*.md" lets through (scratch.txt is not one).
    assert tree.locator("ul.root > li > .wrap .item-name").all_inner_texts() == ["recipes", "travel", "todo.md"]
    entry(tree, "recipes").get_by_label("expand directory").click()
    entry(tree, "soup.md").get_by_role("checkbox").check()
    entry(tree, "todo.md").get_by_role("checkbox").check()
    picked = page.get_by_label("Picked paths")
    expected = f"{APP_DIR}/notes/recipes/soup.md\n{APP_DIR}/notes/todo.md"
    page.wait_for_function("([el, v]) => el.value === v", arg=[picked.element_handle(), expected])
    assert "Onions, stock, thyme" in page.get_by_label("Contents").input_value()
    assert "water the plants" in page.get_by_label("Contents").input_value()
    entry(tree, "soup.md").get_by_role("checkbox").uncheck()
    page.wait_for_function("([el, v]) => el.value === v", arg=[picked.element_handle(), f"{APP_DIR}/notes/todo.md"])
    entry(tree, "todo.md").get_by_role("checkbox").uncheck()
    page.wait_for_function("el => el.value === ''", arg=picked.element_handle())
    assert not page.wasmblocks_errors


def test_a_file_an_event_writes_shows_up_in_the_tree_checked(page):
    tree = notes(page)
    assert entry(tree, "shopping.md").count() == 0
    page.get_by_label("New note").fill("shopping")
    page.get_by_label("Its text").fill("# Shopping\n\nbread flour")
    page.get_by_role("button", name="Add note").click()
    # The function wrote notes/shopping.md and returned it as picked: the tree lists it again and checks it.
    box = entry(tree, "shopping.md").get_by_role("checkbox")
    box.wait_for()
    page.wait_for_function("el => el.checked", arg=box.element_handle())
    page.wait_for_function("el => el.value.includes('bread flour')", arg=page.get_by_label("Contents").element_handle())
    assert page.get_by_label("Picked paths").input_value() == f"{APP_DIR}/notes/shopping.md"
    box.uncheck()


def test_single_file_mode_shows_its_first_value_and_swaps_the_pick(page):
    source = explorer(page, "Source")
    code = page.locator(".wb-code-block").filter(has_text="Source text")
    # value="app.py": checked at start, and Gradio's change-on-mount ran the listener once.
    assert entry(source, "app.py").get_by_role("checkbox").is_checked()
    code.scroll_into_view_if_needed()  # the code editor draws only the lines on screen
    code.get_by_text('"""File explorer: browse the app').wait_for()
    # No checkbox on folders when one file is picked; inside a folder, files have one.
    assert entry(source, "notes").get_by_role("checkbox").count() == 0
    entry(source, "notes").get_by_label("expand directory").click()
    entry(source, "todo.md").get_by_role("checkbox").check()
    code.get_by_text("call the bank").wait_for()
    assert not entry(source, "app.py").get_by_role("checkbox").is_checked()


def test_clicking_an_entry_fires_select_with_its_path_and_index(page):
    source = explorer(page, "Source")
    entry(source, "todo.md").locator(".item-name").click()  # opened by the test before
    last = page.get_by_label("Last clicked")
    page.wait_for_function("el => el.value !== ''", arg=last.element_handle())
    # index: the entry's place at each level, counting the "." that stands for notes itself (glob="**/*").
    inside = source.locator("ul.root > li").first.locator(":scope > ul > li > .wrap .item-name").all_inner_texts()
    assert inside[:3] == [".", "recipes", "travel"]
    assert last.input_value() == f"notes/todo.md at [0, {inside.index('todo.md')}]"


def test_folders_open_with_the_keyboard(page):
    tree = notes(page)
    arrow = entry(tree, "travel").get_by_label("expand directory")
    assert arrow.get_attribute("aria-expanded") == "false"
    arrow.focus()
    page.keyboard.press("Enter")
    entry(tree, "lisbon.md").wait_for()
    assert arrow.get_attribute("aria-expanded") == "true"
    page.keyboard.press(" ")
    entry(tree, "lisbon.md").wait_for(state="detached")


def test_screenshots_light_and_dark(open_app, site_url):
    for mode in ("light", "dark"):
        page = open_app(f"{site_url('file_explorer')}?__theme={mode}")
        tree = notes(page)
        entry(tree, "recipes").get_by_label("expand directory").click()
        entry(tree, "bread.md").get_by_role("checkbox").check()
        SHOTS.mkdir(exist_ok=True)
        page.wait_for_function("el => el.value.endsWith('bread.md')", arg=page.get_by_label("Picked paths").element_handle())
        tree.screenshot(path=str(SHOTS / f"file_explorer-{mode}.png"), animations="disabled", caret="hide")
        assert not page.wasmblocks_errors


# ---- Gradio's demos, unmodified ----

@pytest.fixture(scope="module")
def events_url(site_url):
    return site_url(gradio_demo("file_explorer_component_events"))


def choose_root(page, name: str) -> None:
    page.get_by_label("Select File Explorer Root").click()
    page.get_by_label(re.compile(f"/{name}$"), exact=True).first.click()


def run_and_read(page) -> list[str]:
    before = page.get_by_label("Selected Directory").input_value()
    page.get_by_role("button", name="Run").click()
    box = page.get_by_label("Selected Directory").element_handle()
    page.wait_for_function("([el, v]) => el.value !== v", arg=[box, before])
    return page.get_by_label("Selected Directory").input_value().split(",")


def test_gradio_demo_directories_and_files_in_the_value(open_app, events_url):
    page = open_app(events_url)
    choose_root(page, "dir3")
    page.locator("span").filter(has_text="dir4").get_by_label("expand directory").click()
    # Gradio's test matches the folder's whole text, entries separated by spaces as Gradio's DOM reads.
    page.locator("li").filter(has_text="dir4 . dir5 dir7 dir_4_bar.log dir_4_foo.txt").get_by_role("checkbox").first.check()
    page.locator("span").filter(has_text="dir_4_foo.txt").get_by_role("checkbox").check()
    page.locator("span").filter(has_text="dir3_bar.log").get_by_role("checkbox").check()
    files = run_and_read(page)
    assert any(f.endswith("dir4") for f in files)
    assert any(f.endswith("dir_4_foo.txt") for f in files)
    assert any(f.endswith("dir3_bar.log") for f in files)
    assert all(f.startswith(f"{APP_DIR}/dir3/") for f in files)  # absolute paths, as Gradio gives them


def test_gradio_demo_checking_a_folder_checks_all_below_it(open_app, events_url):
    page = open_app(events_url)
    choose_root(page, "dir3")
    page.locator("span").filter(has_text="dir4").get_by_role("checkbox").check()
    files = run_and_read(page)
    base = f"{APP_DIR}/dir3/dir4"
    # What Gradio 6.31 gives for the same clicks, in its order: the folder, its files, then each subfolder's.
    assert files == [base, f"{base}/dir_4_bar.log", f"{base}/dir_4_foo.txt", f"{base}/dir5", f"{base}/dir5/dir5_foo.txt",
                     f"{base}/dir7", f"{base}/dir7/dir7_foo.txt"]
    # Unchecking one file unchecks the folders it is in, and only that file leaves the value.
    page.locator("span").filter(has_text="dir_4_bar.log").get_by_role("checkbox").uncheck()
    assert not page.locator("span.wrap").filter(has_text=re.compile("^ *dir4 *$")).get_by_role("checkbox").is_checked()
    assert run_and_read(page) == [f for f in files if not f.endswith("dir_4_bar.log")]
    # The demo counts `change`: once at load (Gradio fires it on mount), once for the new root, once per pick.
    assert page.locator("#total-changes input").input_value() == "4"


def test_gradio_demo_glob_shows_only_text_files(open_app, events_url):
    page = open_app(events_url)
    page.get_by_role("checkbox", name="Show only text files", exact=True).click()
    choose_root(page, "dir3")
    page.locator("span").filter(has_text="dir4").get_by_role("checkbox").check()
    files = run_and_read(page)
    assert len(files) == 3 and all(f.endswith(".txt") for f in files)


def test_gradio_demo_ignore_glob_leaves_text_files_out(open_app, events_url):
    page = open_app(events_url)
    page.get_by_role("checkbox", name="Ignore text files in glob", exact=True).click()
    choose_root(page, "dir3")
    page.locator("span").filter(has_text="dir4").get_by_role("checkbox").check()
    files = run_and_read(page)
    assert len(files) == 4 and any(f.endswith(".log") for f in files) and not any(f.endswith(".txt") for f in files)


def test_gradio_demo_a_new_root_lists_it_and_empties_the_value(open_app, events_url):
    page = open_app(events_url)
    page.locator("span").filter(has_text="bar.txt").get_by_role("checkbox").check()
    page.locator("span").filter(has_text="foo.txt").get_by_role("checkbox").check()
    choose_root(page, "dir2")
    page.locator("span").filter(has_text="baz.png").get_by_role("checkbox").check()
    page.locator("span").filter(has_text="foo.png").get_by_role("checkbox").check()
    page.locator("#input-box").get_by_test_id("textbox").fill("test")
    assert page.locator("span").filter(has_text="foo.png").get_by_role("checkbox").is_checked()
    page.locator("span").filter(has_text="foo.png").get_by_role("checkbox").uncheck()
    assert run_and_read(page) == [f"{APP_DIR}/dir2/baz.png"]
    # load, bar, foo, the new root (value emptied), baz, foo, foo unchecked
    assert page.locator("#total-changes input").input_value() == "7"


def test_gradio_demo_the_default_explorer_lists_the_apps_folder(open_app, site_url):
    page = open_app(site_url(gradio_demo("file_explorer_component")))
    tree = page.locator(".wb-fileexplorer")
    entry(tree, "run.py").wait_for()
    assert tree.get_by_role("checkbox").count() == 1  # only input: interactive, as in Gradio
    assert not page.wasmblocks_errors


def test_gradio_demo_file_explorer_with_the_folder_layout_it_expects(open_app, site_url, tmp_path_factory):
    """demo/file_explorer lists ../../gradio from its own file: export it in the same layout, unmodified."""
    demo = gradio_demo("file_explorer")
    app = tmp_path_factory.mktemp("file_explorer_layout")
    (app / "demo" / "file_explorer").mkdir(parents=True)
    shutil.copy(demo / "run.py", app / "demo" / "file_explorer" / "run.py")
    components = app / "gradio" / "components"
    components.mkdir(parents=True)
    for name, text in {"file_explorer.py": "class FileExplorer:\n    '''Lists files.'''\n",
                       "code.py": "class Code:\n    pass\n", "__init__.py": "", "notes.txt": "not python\n"}.items():
        (components / name).write_text(text)
    (app / "gradio" / "blocks.py").write_text("class Blocks:\n    pass\n")
    (app / "app.py").write_text("import runpy\n\nrunpy.run_path('demo/file_explorer/run.py', run_name='__main__')\n")
    page = open_app(site_url(app))
    first, second, third = (page.locator(".wb-fileexplorer-block").nth(i) for i in range(3))
    # file_3: value=["components/file_explorer.py"], file_count="single" -> its change on load shows the file.
    page.locator(".wb-code-block").get_by_text("class FileExplorer:").wait_for()
    assert entry(third, "file_explorer.py").get_by_role("checkbox").is_checked()
    # glob="**/components/*.py", ignore_glob="**/__init__.py": blocks.py, notes.txt and __init__.py are left out.
    entry(first, "components").get_by_label("expand directory").click()
    # The folder is listed when it opens (a round trip to the worker): a retrying assertion, as a Gradio test would use.
    expect(first.locator("li li .item-name")).to_have_text(["code.py", "file_explorer.py"])
    entry(first, "code.py").get_by_role("checkbox").check()
    page.get_by_role("button", name="Select").click()
    # file2 is an output only (read-only, no checkboxes): it shows the pick highlighted, its folder opened.
    entry(second, "code.py").and_(second.locator(".wrap.selected")).wait_for()
    assert second.get_by_role("checkbox").count() == 0
    assert not page.wasmblocks_errors
