"""gr.api (api_endpoint.py): a listener with no components, typed by hints, called through the Client."""

import pytest

import wasmblocks as gr


def make_app():
    with gr.Blocks() as demo:
        gr.Textbox(label="shown")

        def slice_list(lst: list, start: int, end: int = 2) -> list:
            return lst[start:end]

        gr.api(slice_list)

        @gr.api(api_name="add_and_label")
        def add(a: int, b: int) -> tuple[int, str]:
            return a + b, f"{a}+{b}"
    return demo, add


def test_an_api_endpoint_is_called_by_name_with_values_as_they_are():
    demo, add = make_app()
    client = gr.Client(demo)
    assert client.predict([1, 2, 3, 4], 1, 3, api_name="/slice_list") == [2, 3]
    assert client.predict(2, 5, api_name="/add_and_label") == (7, "2+5")
    assert add(1, 1) == (2, "1+1")  # the decorator keeps the function callable


def test_it_adds_nothing_to_the_page_and_no_event_triggers_it():
    demo, _ = make_app()
    fns = [f for f in demo.fns.values() if f.api_name in ("slice_list", "add_and_label")]
    assert len(fns) == 2 and all(f.targets == [] for f in fns)
    assert [len(f.inputs) for f in fns] == [3, 2] and [len(f.outputs) for f in fns] == [1, 2]
    assert len(demo.children) == 1  # only the textbox is in the tree
    assert fns[0].inputs[2].value == 2  # a parameter's default is its input's value


def test_untyped_parameters_and_a_missing_blocks_are_refused():
    with gr.Blocks():
        with pytest.raises(ValueError, match="type hints"):
            gr.api(lambda x: x)
    with pytest.raises(RuntimeError, match="outside of a gradio.Blocks"):
        gr.api(len)


def test_view_api_describes_the_endpoint_by_its_hints():
    demo, _ = make_app()
    info = gr.Client(demo).view_api(print_info=False, return_format="dict")
    endpoint = info["named_endpoints"]["/slice_list"]
    assert [p["parameter_name"] for p in endpoint["parameters"]] == ["lst", "start", "end"]
    assert [p["type"] for p in endpoint["parameters"]][1:] == [{"type": "integer"}, {"type": "integer"}]
    assert endpoint["parameters"][2]["parameter_has_default"] and endpoint["parameters"][2]["parameter_default"] == 2
    returns = info["named_endpoints"]["/add_and_label"]["returns"]
    assert [r["type"] for r in returns] == [{"type": "integer"}, {"type": "string"}]
