"""gr.Error, gr.Warning, gr.Info, gr.Success (alerts.py): toasts from inside an event, with the event's id."""

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.alerts import EventContext, current_event


def test_info_warning_success_toasts_while_running():
    with gr.Blocks() as demo:
        def chatty():
            gr.Info("i")
            gr.Warning("w", duration=None, title="Careful")
            gr.Success("s", visible=False)
            return "done"

        o = gr.Textbox()
        dep = gr.Button().click(chatty, None, o)
    h = Client(demo)
    event_id = h.fire(dep.id)
    h.settle(event_id)
    toasts = [(t["level"], t["message"], t["title"], t["duration"], t["event_id"]) for t in h.of_type("toast")]
    assert toasts == [("info", "i", "Info", 10, event_id), ("warning", "w", "Careful", None, event_id)]


def test_alerts_outside_an_event_go_to_stderr(capsys):
    gr.Warning("no event here")
    assert "warning: no event here" in capsys.readouterr().err


def test_alerts_report_through_the_current_event():
    sent = []
    token = current_event.set(EventContext("e1", 3, sent.append))
    try:
        gr.Info("hello", duration=2)
    finally:
        current_event.reset(token)
    assert sent == [{"type": "toast", "level": "info", "message": "hello", "title": "Info", "duration": 2,
                     "event_id": "e1"}]


def test_error_carries_what_the_toast_shows():
    error = gr.Error("bad", duration=None, visible=False, title="T", print_exception=False)
    assert (str(error), error.message, error.duration, error.visible, error.title) == ("bad", "bad", None, False, "T")
