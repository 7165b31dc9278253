"""The page's rules for what runs when (events.EventFlow), case by case from tests/data/chain_cases.json.

tests/web/events.test.ts plays the same table against EventDispatcher in web/src/client/events.ts, so the
Python twin and the page provably agree on trigger modes, cancels and .then/.success/.failure chains.
"""

import json
from pathlib import Path

import pytest

from wasmblocks.events import Cancel, EventFlow, Start

TABLE = json.loads((Path(__file__).parent / "data" / "chain_cases.json").read_text())


def dependency(fields):
    """A protocol.Dependency: the table's defaults with the case's fields over them."""
    return {**json.loads(json.dumps(TABLE["defaults"])), **fields}


def as_rows(actions):
    """Actions in the table's form: ["start", dep, trigger, event, data] or ["cancel", ids]."""
    return [["start", a.dep["id"], a.trigger_id, a.event_name, a.event_data] if isinstance(a, Start)
            else ["cancel", a.dep_ids] for a in actions if isinstance(a, (Start, Cancel))]


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["name"] for c in TABLE["cases"]])
def test_chain_rules(case):
    deps = {d["id"]: dependency(d) for d in case["dependencies"]}
    flow = EventFlow.of(deps.values())
    for i, step in enumerate(case["steps"]):
        where = f"step {i}: {step}"
        if "fire" in step:
            block, event, *data = step["fire"]
            assert as_rows(flow.fire(block, event, data[0] if data else None)) == step["actions"], where
        elif "end" in step:
            dep_id, stage = step["end"]
            # A refusal (an `error` message naming the event) ends it as a failure, as wasmblocks.Client reads it.
            ended = flow.ended(deps[dep_id], "error" if stage == "refused" else stage)
            assert as_rows(ended) == step["actions"], where
        elif "add" in step:
            added = [dependency(d) for d in step["add"]]
            deps.update({d["id"]: d for d in added})
            flow.add(added)
        elif "remove" in step:
            flow.remove(step["remove"])
        elif "running" in step:
            assert flow.running() == set(step["running"]), where
        elif "listens" in step:
            assert flow.listens(*step["listens"]) is step["is"], where
        else:
            raise AssertionError(f"unknown step {step}")


def test_the_table_covers_every_trigger_mode_and_chain_kind():
    deps = [dependency(d) for c in TABLE["cases"] for d in c["dependencies"]]
    assert {d["trigger_mode"] for d in deps} == {"once", "multiple", "always_last"}
    assert any(d["trigger_only_on_success"] for d in deps) and any(d["trigger_only_on_failure"] for d in deps)
    stages = {s["end"][1] for c in TABLE["cases"] for s in c["steps"] if "end" in s}
    assert stages == {"complete", "error", "cancelled", "refused"}


def test_gradio_events_names_are_importable_from_here():
    from wasmblocks import events

    assert {"EventData", "SelectData", "LikeData", "on", "Dependency"} <= set(events.__all__)
