"""A podcast-script studio: a gr.Walkthrough of three steps, a gr.Dialogue to write the script, a gr.Navbar
with extra links, a help page whose own load event reads the query string, and a gr.LoginButton."""

import gradio as gr

SPEAKERS = ["Host", "Guest"]
TAGS = ["(laughs)", "(pause)", "(sighs)", "(applause)"]
# Each page says how its navbar looks (as in Gradio, where every page loads on its own).
LINKS = [("Help on tags", "help?topic=tags"), ("Gradio", "https://www.gradio.app")]
OPENING = [{"speaker": "Host", "text": "Welcome to the show."}, {"speaker": "Guest", "text": "Glad to be here."}]


def greet(profile: gr.OAuthProfile | None) -> str:
    if profile is None:
        return "Not signed in: this studio runs in your browser, with no Hugging Face account behind it."
    return f"Signed in as {profile.username}"


def use_script(title, script):
    """The Dialogue arrives as one string: its lines formatted by `formatter`, joined by newlines."""
    lines = [line for line in script.split("\n") if line]
    return script, f"{title or 'Untitled'}: {len(lines)} lines", gr.Walkthrough(selected=2)


def script_line(speaker, text):
    return f"{speaker.upper()}: {text}"


def read_line(line, default_speaker):
    """The Plain Text view's lines back into {speaker, text}: the reverse of script_line."""
    speaker, sep, text = line.partition(": ")
    known = {s.upper(): s for s in SPEAKERS}
    if sep and speaker in known:
        return {"speaker": known[speaker], "text": text}
    return {"speaker": default_speaker, "text": line}


def picked(evt: gr.SelectData):
    return f"{evt.value} (step {evt.index + 1})"


with gr.Blocks(title="Script studio") as demo:
    gr.Navbar(LINKS, main_page_name="Studio")
    with gr.Row():
        gr.Markdown("# Script studio")
        gr.LoginButton(scale=0)
    signed_in = gr.Markdown()
    demo.load(greet, None, signed_in)

    with gr.Walkthrough(selected=0) as steps:
        with gr.Step("Show", id=0):
            title = gr.Textbox(label="Show title", placeholder="The Wasm Hour")
            to_script = gr.Button("Write the script", variant="primary")
        with gr.Step("Script", id=1) as script_step:
            dialogue = gr.Dialogue(
                speakers=SPEAKERS, tags=TAGS, label="Script", interactive=True, submit_btn="Use script",
                buttons=["copy"], formatter=script_line, unformatter=read_line,
                value=OPENING,
            )
        with gr.Step("Review", id=2):
            script_out = gr.Textbox(label="Script as text", lines=4)
            summary = gr.Textbox(label="Summary")
            read_only = gr.Dialogue(OPENING, speakers=SPEAKERS, label="Script as lines", interactive=False,
                                    color_map={"Host": "#bfdbfe", "Guest": "#fde68a"})
            restart = gr.Button("Start over")
    with gr.Row():
        changes = gr.Number(label="Step changes", value=0)
        last_pick = gr.Textbox(label="Step picked from the headers")
        script_opened = gr.Number(label="Script step opened", value=0)

    to_script.click(lambda: gr.Walkthrough(selected=1), None, steps)
    # preprocess=False: the lines as the page holds them, [{"speaker", "text"}, …], for the read-only view.
    dialogue.change(lambda lines: lines, dialogue, read_only, preprocess=False, show_progress="hidden")
    dialogue.submit(use_script, [title, dialogue], [script_out, summary, steps])
    restart.click(lambda: gr.update(selected=0), None, steps)
    steps.change(lambda n: n + 1, changes, changes)
    steps.select(picked, None, last_pick)
    script_step.select(lambda n: n + 1, script_opened, script_opened)

with demo.route("Help") as help_page:
    gr.Navbar(LINKS, main_page_name="Studio")
    gr.Markdown("## Tags\nType `:` in a line of the script to pick a tag such as *(laughs)*.")
    visits = gr.Number(label="Help visits", value=0)
    topic = gr.Textbox(label="Topic asked for")

    def opened(count, request: gr.Request):
        return count + 1, request.query_params.get("topic", "")

    help_page.load(opened, visits, [visits, topic])

if __name__ == "__main__":
    demo.launch()
