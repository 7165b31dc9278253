"""gr.Progress (progress.py): fractions, (done, total) steps and tqdm, as status messages of the event."""

import wasmblocks as gr
from wasmblocks.alerts import EventContext, current_event


def _reports(body):
    sent = []
    token = current_event.set(EventContext("e", 1, sent.append, stage="streaming"))
    try:
        body(gr.Progress())
    finally:
        current_event.reset(token)
    return sent


def test_a_fraction_and_steps_become_status_messages():
    sent = _reports(lambda p: (p(0.25, desc="loading"), p((2, 5), unit="files")))
    assert [m["stage"] for m in sent] == ["streaming", "streaming"]  # the event's current stage
    assert sent[0]["progress"] == [{"index": None, "length": None, "unit": "steps", "progress": 0.25,
                                    "desc": "loading"}]
    assert sent[1]["progress"] == [{"index": 2, "length": 5, "unit": "files", "progress": None, "desc": None}]


def test_tqdm_advances_per_item_and_ends_full():
    seen = []
    sent = _reports(lambda p: seen.extend(p.tqdm(["a", "b"], desc="d")))
    assert seen == ["a", "b"]
    assert [(m["progress"][0]["index"], m["progress"][0]["length"]) for m in sent] == [(0, 2), (1, 2), (2, 2)]


def test_progress_outside_an_event_is_silent():
    assert gr.Progress()(0.5) == 0.5
