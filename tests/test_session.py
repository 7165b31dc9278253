"""One page session's state (session.py): gr.State values, props set by updates, its temp dir, gr.Request."""

import os

import wasmblocks as gr
from wasmblocks.session import Request, Session


def test_state_starts_as_a_copy_of_the_initial_value():
    state = gr.State({"items": []})
    one, two = Session(), Session()
    one.get_state(state)["items"].append(1)
    assert one.get_state(state) == {"items": [1]} and two.get_state(state) == {"items": []}
    assert state.value == {"items": []}
    two.set_state(state, "replaced")
    assert two.get_state(state) == "replaced"


def test_configured_sees_the_props_this_session_set():
    box = gr.Dropdown(choices=["a"], render=False)
    session = Session()
    assert session.configured(box) is box
    session.remember_props(box, {"choices": [["b", "b"]], "not_an_attribute": 1})
    view = session.configured(box)
    assert view is not box and view.choices == [["b", "b"]] and box.choices == [["a", "a"]]
    assert session.props == {box.id: {"choices": [["b", "b"]]}}


def test_each_session_has_its_own_temp_dir_and_upload_folders():
    session = Session(hash="h1")
    first, second = session.new_upload_dir(), session.new_upload_dir()
    assert os.path.isdir(first) and first != second
    assert os.path.dirname(first) == session.tmp_dir and "wasmblocks-h1-" in session.tmp_dir
    assert Session().tmp_dir != session.tmp_dir


def test_request_offers_the_session_and_the_page_url():
    request = Request(_session=Session(hash="abc", url="https://x/app/?q=1&q=2&lang=fr#top"))
    assert (request.session_hash, request.query_params) == ("abc", {"q": "2", "lang": "fr"})
    assert request.headers == {} and "abc" in repr(request)
    # The visitor is the machine the app runs on: request.client.host is loopback, as Gradio's for a local visit.
    assert (request.client.host, request.client.port) == ("127.0.0.1", 0)
    assert Request().session_hash is None and Request().url == ""


def test_request_takes_gradios_arguments_and_reads_a_request_or_the_keywords():
    request = Request(username="ann", session_hash="h", headers={"X-Token": "t"}, url="https://x/")
    assert (request.username, request.session_hash, request.url) == ("ann", "h", "https://x/")
    assert request.headers["x-token"] == request.headers.get("X-TOKEN") == "t" and "X-Token" in request.headers

    class Starlette:  # what Gradio wraps: attributes are read from it
        headers = {"host": "example"}
        path_params = {"id": "3"}

    wrapped = Request(Starlette())
    assert wrapped.headers == {"host": "example"} and wrapped.path_params == {"id": "3"}
    try:
        Request().cookies
    except AttributeError as exc:
        assert "no attribute 'cookies'" in str(exc)
    else:
        raise AssertionError("a Request made with nothing has no cookies")


def test_request_headers_hold_the_pages_stand_ins():
    session = Session(headers={"user-agent": "UA", "origin": "https://x"}, languages=["de"])
    headers = Request(_session=session).headers
    assert headers == {"user-agent": "UA", "origin": "https://x", "accept-language": "de"}
    assert headers["User-Agent"] == "UA"
