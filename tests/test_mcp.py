"""gr.mcp's decorators mark the function as Gradio's do (there is no MCP server in a page) and keep it callable."""

import wasmblocks as gr


def test_marks_are_gradios_and_the_functions_still_run():
    @gr.mcp.tool(_meta={"openai/widgetAccessible": True})
    def count(word: str, letter: str) -> int:
        return word.count(letter)

    @gr.mcp.resource("greeting://{name}")
    def greeting(name: str) -> str:
        return f"Hello, {name}!"

    @gr.mcp.prompt()
    def greet(name: str) -> str:
        return f"Greet {name}"

    assert count("strawberry", "r") == 3 and greeting("Ada") == "Hello, Ada!" and greet("Ada") == "Greet Ada"
    assert (count._mcp_type, count._mcp_name, count._mcp_meta) == ("tool", None, {"openai/widgetAccessible": True})
    assert (greeting._mcp_type, greeting._mcp_uri_template, greeting._mcp_mime_type) == (
        "resource", "greeting://{name}", "text/plain")
    assert (greet._mcp_type, greet._mcp_name) == ("prompt", "greet")


def test_an_app_written_for_an_mcp_server_runs_as_a_web_app():
    @gr.mcp.tool()
    def add(a: float, b: float) -> float:
        return a + b

    demo = gr.Interface(add, [gr.Number(value=1), gr.Number(value=2)], gr.Number())
    assert gr.Client(demo).predict(1, 2, api_name="/add") == 3
