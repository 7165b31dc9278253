"""gr.Navbar (components/navbar.py) and each page's own load event (layouts/route.py, Blocks.load)."""

import pytest

import wasmblocks as gr
from wasmblocks import Client
from wasmblocks.config import app_config


def test_navbar_props_and_value():
    with gr.Blocks():
        nav = gr.Navbar([("About", "https://example.com"), ("Stats", "stats?x=1")], main_page_name=False)
    props = nav.get_props()
    assert props["value"] == [["About", "https://example.com"], ["Stats", "stats?x=1"]]
    assert props["main_page_name"] is False and gr.Navbar(render=False).main_page_name == "Home"
    assert nav.preprocess([["About", "https://example.com"]]) == [("About", "https://example.com")]
    with pytest.raises(gr.Error, match=r"each link is a \(name, path\) pair"):
        nav.postprocess([("About",)])
    with pytest.raises(ValueError, match="main_page_name"):
        gr.Navbar(main_page_name=True, render=False)


def test_one_navbar_per_page():
    with gr.Blocks() as demo:
        gr.Navbar()
        with gr.Row(), pytest.raises(ValueError, match="multiple Navbar components on page 'Home'"):
            gr.Navbar()
    with demo.route("Second"):
        gr.Navbar()  # another page: its own navbar is fine
        with pytest.raises(ValueError, match="page 'Second'"):
            gr.Navbar()


def test_a_page_has_its_own_load_listeners():
    with gr.Blocks() as demo:
        out = gr.Textbox()
        demo.load(lambda: "main", None, out)
    with demo.route("Second") as second:
        inner = gr.Textbox()
        demo.load(lambda: "inside", None, inner)  # declared inside the page: the page's load, as in Gradio
    second.load(lambda: "page", None, inner)
    targets = [d["targets"] for d in app_config(demo)["dependencies"]]
    assert targets == [[(demo.id, "load")], [(second.id, "load")], [(second.id, "load")]]


def test_request_follows_the_url_each_event_carries():
    seen = []

    def look(request: gr.Request):
        seen.append(request.query_params.get("option"))

    with gr.Blocks() as demo:
        dep = demo.load(look)
    h = Client(demo)
    h.send({"type": "init", "base_url": "", "session_hash": "s", "url": "http://x/?option=a"})
    h.settle(h.fire(dep.id))
    h.send({"type": "event", "event_id": "e2", "dep_id": dep.id, "trigger_id": None, "event_name": "load",
            "data": [], "event_data": None, "url": "http://x/?option=b#/second"})
    h.settle("e2")
    assert seen == ["a", "b"]
