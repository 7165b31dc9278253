"""@gr.render: per-session re-rendering, session dependencies, key= reuse, concurrent renders (render.py)."""

import asyncio

import pytest

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.client import PATIENCE_S
from wasmblocks.render import SESSION_DEP_BASE


def _app():
    with gr.Blocks() as demo:
        count = gr.Number(value=2, label="Count", precision=0)
        out = gr.Textbox(label="Out")

        @gr.render(inputs=count)
        def boxes(n):
            for i in range(int(n)):
                box = gr.Textbox(label=f"Box {i}", key=f"box-{i}")
                box.submit(lambda text, i=i: f"{i}:{text}", box, out)
            gr.Button("Last", key="btn").click(lambda: "clicked", None, out)

    return demo, count, out


def _render_dep(demo):
    return next(fn for fn in demo.fns.values() if fn.api_name is None and fn.show_progress_on)


def _run_render(h, dep, *data):
    event_id = h.fire(dep.id, *data)
    h.settle(event_id)
    renders = h.of_type("render")
    assert renders, h.messages
    return event_id, renders[-1]


def test_render_sends_children_and_session_dependencies():
    demo, count, out = _app()
    dep = _render_dep(demo)
    assert dep.targets == [(demo.id, "load"), (count.id, "change")]
    h = Client(demo)
    event_id, msg = _run_render(h, dep, 2)
    assert msg["block_id"] == dep.show_progress_on[0].id
    children = msg["node"]["children"]
    assert [c["props"]["label"] for c in children] == ["Box 0", "Box 1", None]
    assert [c["type"] for c in children] == ["textbox", "textbox", "button"]
    ids = [d["id"] for d in msg["dependencies"]]
    assert len(ids) == 3 and all(i >= SESSION_DEP_BASE for i in ids)
    assert msg["removed_dependencies"] == []
    # The render message arrives before the event completes, so the page has the new tree first.
    kinds = [(m["type"], m.get("stage")) for m in h.messages if m.get("event_id") in (event_id, None)]
    assert kinds.index(("render", None)) < kinds.index(("status", "complete"))
    # The app itself gained no dependencies.
    assert all(fn.id < SESSION_DEP_BASE for fn in demo.fns.values())


def test_session_dependency_runs_and_rerender_replaces_dependencies():
    demo, count, out = _app()
    dep = _render_dep(demo)
    h = Client(demo)
    _, first = _run_render(h, dep, 2)
    submit = first["dependencies"][1]
    event_id = h.fire(submit["id"], "hey")
    assert h.settle(event_id)["success"] is True
    assert h.of_type("update", event_id)[-1]["updates"] == [{"id": out.id, "value": "1:hey"}]
    _, second = _run_render(h, dep, 3)
    assert sorted(second["removed_dependencies"]) == sorted(d["id"] for d in first["dependencies"])
    assert len(second["node"]["children"]) == 4
    # Old dependencies are gone in the worker too.
    stale = h.fire(submit["id"], "x")
    assert any(m.get("ref") == stale for m in h.of_type("error"))


def test_key_keeps_block_id_across_renders():
    demo, _, _ = _app()
    dep = _render_dep(demo)
    h = Client(demo)
    _, first = _run_render(h, dep, 1)
    _, second = _run_render(h, dep, 2)
    first_ids = [c["id"] for c in first["node"]["children"]]
    second_ids = [c["id"] for c in second["node"]["children"]]
    assert second_ids[0] == first_ids[0]  # key="box-0"
    assert second_ids[-1] == first_ids[-1]  # key="btn"
    assert second_ids[1] not in first_ids
    # A listener on a keyed block targets the reused id.
    targets = [tuple(t) for d in second["dependencies"] for t in d["targets"]]
    assert (first_ids[0], "submit") in targets


def test_keyed_blocks_tell_the_page_what_to_preserve():
    demo, _, _ = _app()
    _, rendered = _run_render(Client(demo), _render_dep(demo), 1)
    box, button = rendered["node"]["children"]
    # Gradio's default for components is ["value"]; the page keeps a changed value across runs.
    assert box["props"]["preserved_by_key"] == ["value"] and button["props"]["preserved_by_key"] == ["value"]
    assert "preserved_by_key" not in gr.Textbox(render=False).get_props()  # without key= there is nothing to keep
    radio = gr.Radio(["a"], key="r", preserved_by_key=["value", "label"], render=False)
    assert radio.get_props()["preserved_by_key"] == ["value", "label"]
    assert gr.Row(render=False).preserved_by_key == []  # layouts keep nothing unless asked


def test_sessions_render_independently():
    demo, _, _ = _app()
    dep = _render_dep(demo)
    a, b = Client(demo), Client(demo)
    _, ra = _run_render(a, dep, 1)
    _, rb = _run_render(b, dep, 3)
    assert len(ra["node"]["children"]) == 2 and len(rb["node"]["children"]) == 4


def test_render_inside_row_uses_a_row_and_output_only_children_are_read_only():
    with gr.Blocks() as demo:
        src = gr.Textbox(label="Src")
        with gr.Row() as row:
            @gr.render(inputs=src)
            def show(text):
                shown = gr.Textbox(label="Shown", value=text)
                gr.Button("Go").click(lambda t: t, src, shown)

    assert row.children[0].get_block_name() == "row"
    h = Client(demo)
    _, msg = _run_render(h, _render_dep(demo), "abc")
    shown = msg["node"]["children"][0]
    assert shown["props"]["value"] == "abc" and shown["props"]["interactive"] is False


def test_render_outside_blocks_is_a_clear_error():
    with pytest.raises(ValueError, match="inside a `with gr.Blocks"):
        gr.render()


def test_layout_updates_reach_the_page():
    """gr.Tabs(selected=…), gr.Accordion(open=…), gr.Tab(visible=…) returned from events become prop updates."""
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A", id="a"):
                pass
            with gr.Tab("B", id="b") as tab_b:
                pass
        with gr.Accordion("Acc", open=False) as acc:
            pass
        btn = gr.Button()
        btn.click(lambda: (gr.Tabs(selected="b"), gr.Accordion(open=True), gr.Tab(visible=False)), None, [tabs, acc, tab_b])
    h = Client(demo)
    event_id = h.fire(0)
    assert h.settle(event_id)["success"] is True
    updates = h.of_type("update", event_id)[-1]["updates"]
    assert updates == [{"id": tabs.id, "props": {"selected": "b"}}, {"id": acc.id, "props": {"open": True}},
                       {"id": tab_b.id, "props": {"visible": False}}]


def test_two_async_renders_at_once_keep_their_own_blocks_and_listeners():
    """Each render declares a listener, waits until the other one is running too, then declares another."""
    arrived = []
    both = asyncio.Event()

    def renderer(label):
        async def render(value):
            gr.Button(f"{label} first").click(lambda: f"{label}1", None, out)
            arrived.append(label)
            if len(arrived) == 2:
                both.set()
            await asyncio.wait_for(both.wait(), PATIENCE_S)
            gr.Button(f"{label} second").click(lambda: f"{label}2", None, out)

        return render

    with gr.Blocks() as demo:
        out = gr.Textbox()
        a, b = gr.Textbox(value="a"), gr.Textbox(value="b")
        gr.render(inputs=a)(renderer("a"))
        gr.render(inputs=b)(renderer("b"))
    render_a, render_b = (fn for fn in demo.fns.values() if fn.show_progress_on)
    h = Client(demo)
    events = {"a": h.fire(render_a.id, "a"), "b": h.fire(render_b.id, "b")}
    for label, event_id in events.items():
        assert h.settle(event_id)["stage"] == "complete", label
    assert sorted(arrived) == ["a", "b"]
    containers = {"a": render_a.show_progress_on[0].id, "b": render_b.show_progress_on[0].id}
    for label in events:
        (message,) = [m for m in h.of_type("render") if m["block_id"] == containers[label]]
        children = message["node"]["children"]
        assert [c["props"]["value"] for c in children] == [f"{label} first", f"{label} second"]
        deps = message["dependencies"]
        assert [d["targets"] for d in deps] == [[(c["id"], "click")] for c in children]
        assert [h.run(d["id"]) for d in deps] == [[f"{label}1"], [f"{label}2"]]
    assert len(demo.fns) == 2  # the app gained none of them


def test_value_unset_follows_what_gradios_config_leaves_out():
    # Gradio's page keeps a re-rendered component's shown value exactly when its config has no value.
    with gr.Blocks():
        unset = [gr.Textbox(), gr.Number(), gr.Markdown(), gr.Dropdown(["a"], value=None),
                 gr.Textbox(None)]
        shown = [gr.Textbox("x"), gr.Slider(1, 5), gr.Checkbox(), gr.Dropdown(["a"]), gr.Button(), gr.Chatbot(),
                 gr.Textbox(lambda: "x")]
    assert [c.value_unset() for c in unset] == [True] * len(unset)
    assert [c.value_unset() for c in shown] == [False] * len(shown)
