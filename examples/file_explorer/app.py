"""File explorer: browse the app's own files (they live in the browser's Python), pick notes to read, add one.

Run it with `python3 build.py serve examples/file_explorer`.
"""

from pathlib import Path

import gradio as gr

HERE = Path(__file__).parent
NOTES = HERE / "notes"


def read_notes(paths):
    """The picked notes, one after the other (folders are picked with them: skip those)."""
    files = [Path(p) for p in paths or [] if Path(p).is_file()]
    return "\n".join(str(p) for p in paths or []), "\n\n".join(p.read_text() for p in files)


def add_note(name, text, picked):
    name = name.strip()
    if not name or "/" in name:
        raise gr.Error("Give the note a plain file name, like idea.md")
    if not name.endswith(".md"):
        name += ".md"
    (NOTES / name).write_text(text or f"# {name[:-3]}\n")
    gr.Info(f"Saved {name}")
    return [*(picked or []), str(NOTES / name)]


def show_source(path):
    return Path(path).read_text() if path and Path(path).is_file() else None


def clicked(evt: gr.SelectData):
    return f"{evt.value} at {evt.index}"


with gr.Blocks(title="File explorer") as demo:
    gr.Markdown("# File explorer\nThe notes below are files in the worker's file system, next to this app.")
    with gr.Row():
        notes = gr.FileExplorer(root_dir=NOTES, glob="**/*.md", label="Notes", max_height=320)
        with gr.Column():
            picked = gr.Textbox(label="Picked paths", lines=3)
            contents = gr.Textbox(label="Contents", lines=8)
    notes.change(read_notes, notes, [picked, contents])
    with gr.Row():
        name = gr.Textbox(label="New note", value="idea.md")
        text = gr.Textbox(label="Its text", value="# Idea\n\nWrite it down before it goes.")
        add = gr.Button("Add note", variant="primary")
    add.click(add_note, [name, text, notes], notes)

    gr.Markdown("## One file at a time")
    with gr.Row():
        source = gr.FileExplorer(root_dir=HERE, file_count="single", value="app.py", label="Source", scale=1)
        code = gr.Code(label="Source text", scale=2, max_lines=12)
    source.change(show_source, source, code)
    last = gr.Textbox(label="Last clicked")
    source.select(clicked, None, last)

if __name__ == "__main__":
    demo.launch()
