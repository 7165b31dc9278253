"""The protocol's two halves are twins: every interface of web/src/protocol.ts has a TypedDict in protocol.py
with the same fields, each equally required or optional and of the same type, and the reverse.

How the comparison reads the two files:
- Both are parsed (protocol.ts with the small type grammar below, protocol.py with `ast`) and every field
  type is brought to one canonical form: `str` ~ `string`, `int`/`float` ~ `number`, `bool` ~ `boolean`,
  `None` ~ `null`, `Any` ~ `any`, `bytes` ~ `ArrayBuffer`/`Uint8Array`, `list[X]` ~ `X[]`,
  `tuple[A, B]` ~ `[A, B]`, `dict[str, X]` ~ `Record<string, X>`, `Literal["a"]` ~ `"a"`, unions in any
  order, `NotRequired[X]` ~ `field?: X`. Type aliases are expanded; interfaces are compared by name.
- A TypedDict without a TS interface of its name is the twin of an inline object type (`{ a: boolean }`).
- A part of protocol.ts that exists only on the page (the share sandbox and its iframe) has no Python twin.
  It is a section that starts with a comment line `// ---- <what> (no Python twin) ----` and runs to the
  next `// ---- … ----` line or the end of the file; nothing in it is compared.
"""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

from twins import Fields, differences, py_declarations, ts_twinned_source
from wasmblocks import protocol

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "web/src/protocol.ts"
PY_FILE = ROOT / "py/wasmblocks/protocol.py"


def test_every_interface_and_field_has_the_same_twin():
    assert differences(TS_FILE.read_text(), PY_FILE.read_text()) == []


def test_the_comparison_sees_a_renamed_retyped_or_loosened_field():
    ts = TS_FILE.read_text()
    renamed = ts.replace("  event_id: string;\n  dep_id: number;\n  stage: StatusStage;",
                         "  event_id: string;\n  dep: number;\n  stage: StatusStage;")
    retyped = ts.replace("  upload_id: string;\n  files?: FileData[];", "  upload_id: number;\n  files?: FileData[];")
    loosened = ts.replace("  stage: StatusStage;\n  message?", "  stage?: StatusStage;\n  message?")
    narrowed = ts.replace('"once" | "multiple" | "always_last"', '"once" | "multiple"')
    nullable = ts.replace("  title: string;\n  fill_height", "  title: string | null;\n  fill_height")
    for changed, expected in [(renamed, "StatusMessage.dep"), (retyped, "UploadedMessage.upload_id"),
                              (loosened, "StatusMessage.stage"), (narrowed, "Dependency.trigger_mode"),
                              (nullable, "AppConfig.title")]:
        assert changed != ts, expected
        assert any(p.startswith(expected) for p in differences(changed, PY_FILE.read_text())), expected


def test_a_section_marked_as_ts_only_is_not_compared():
    extra = ('\n// ---- page ↔ sandbox (no Python twin) ----\nexport interface SandboxStart {\n  type: "wb-start";\n'
             "  app: AppFiles;\n}\nexport type SandboxMessage = SandboxStart;\n")
    assert differences(TS_FILE.read_text() + extra, PY_FILE.read_text()) == []
    unmarked = extra.replace(" (no Python twin)", "")
    assert "TS interface SandboxStart has no TypedDict in protocol.py" in differences(
        TS_FILE.read_text() + unmarked, PY_FILE.read_text())


def test_message_type_lists_match():
    source = ts_twinned_source(TS_FILE.read_text())
    for name in ("PAGE_MESSAGE_TYPES", "WORKER_MESSAGE_TYPES"):
        body = re.search(rf"export const {name} = \[(.*?)\] as const", source, re.S)
        assert body, name
        assert re.findall(r'"(\w+)"', body.group(1)) == list(getattr(protocol, name))


def test_each_message_type_has_one_typeddict():
    tags = []
    for value in vars(protocol).values():
        hints = getattr(value, "__annotations__", {}) if typing.is_typeddict(value) else {}
        tags += re.findall(r"Literal\['(\w+)'\]", str(hints.get("type", "")))
    assert sorted(tags) == sorted((*protocol.PAGE_MESSAGE_TYPES, *protocol.WORKER_MESSAGE_TYPES))


def test_docs_name_every_type():
    doc = (ROOT / "docs/protocol.md").read_text()
    for kind in (*protocol.PAGE_MESSAGE_TYPES, *protocol.WORKER_MESSAGE_TYPES):
        assert f"| `{kind}` |" in doc, kind


# ---- messages are made by the constructors only ----
SAMPLES = {
    "boot_error": lambda: protocol.boot_error_message("m", "tb", "app.py", 3),
    "tree": lambda: protocol.tree_message(typing.cast(protocol.AppConfig, {"title": "t"})),
    "render": lambda: protocol.render_message(1, "e", {"id": 1, "type": "column", "props": {}}, [], [2]),
    "status": lambda: protocol.status_message("e", 1, "queued", position=0),
    "update": lambda: protocol.update_message("e", 1, [{"id": 1, "value": 2}]),
    "toast": lambda: protocol.toast_message("info", "m", title=None, duration=None, event_id=None),
    "uploaded": lambda: protocol.uploaded_message("u", []),
    "state": lambda: protocol.state_message([{"id": 1, "buffer": 0}, {"id": 2, "error": "m"}]),
    "error": lambda: protocol.error_message("m"),
    "init": lambda: protocol.init_message("s"),
    "event": lambda: protocol.event_message("e", 1, []),
    "cancel": lambda: protocol.cancel_message([1]),
    "unload": lambda: protocol.unload_message(),
    "server_call": lambda: protocol.server_call_message("c", 1, "fn", [1]),
    "login": lambda: protocol.login_message("c", "admin", "secret"),
    "server_result": lambda: protocol.server_result_message("c", value=[1]),
    "view_api": lambda: protocol.view_api_message("r"),
    "api_info": lambda: protocol.api_info_message("r", {"named_endpoints": {}, "unnamed_endpoints": {}}, [3]),
}


def _fields_of(kind: str) -> Fields:
    """The fields of the message TypedDict tagged `kind` (read with ast: on Python 3.11 a TypedDict's
    __required_keys__ misses NotRequired under `from __future__ import annotations`)."""
    for _, (what, body) in py_declarations(PY_FILE.read_text()).items():
        fields = dict(body) if what == "interface" else {}  # type: ignore[call-overload]
        if fields.get("type", (False, ()))[1] == ("union", ("literal", kind)):
            fields.pop("__bases__")
            return fields
    raise KeyError(kind)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_constructors_make_well_formed_messages(kind):
    message = SAMPLES[kind]()
    fields = _fields_of(kind)
    required = {name for name, (optional, _) in fields.items() if not optional}
    assert message["type"] == kind
    assert required <= set(message) <= set(fields)


def test_python_can_send_every_worker_message_the_js_does_not():
    sent_by_python = set(protocol.WORKER_MESSAGE_TYPES) - set(protocol.JS_ONLY_MESSAGE_TYPES)
    assert sent_by_python <= set(SAMPLES)
    assert protocol.status_message("e", 1, "complete", success=True) == {
        "type": "status", "event_id": "e", "dep_id": 1, "stage": "complete", "success": True}


def test_no_message_is_a_dict_literal_outside_protocol_py():
    kinds = {*protocol.PAGE_MESSAGE_TYPES, *protocol.WORKER_MESSAGE_TYPES}
    found = []
    for path in sorted((ROOT / "py/wasmblocks").rglob("*.py")):
        if path == PY_FILE:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Dict):
                pairs = zip(node.keys, node.values, strict=True)
                tag = next((v for k, v in pairs if isinstance(k, ast.Constant) and k.value == "type"), None)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "dict":
                tag = next((k.value for k in node.keywords if k.arg == "type"), None)
            else:
                continue
            if isinstance(tag, ast.Constant) and tag.value in kinds:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} builds a {tag.value!r} message")
    assert found == []
