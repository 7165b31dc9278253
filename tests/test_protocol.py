"""Both sides of the protocol name the same message types, and docs/protocol.md lists them all."""

import re
from pathlib import Path

from wasmblocks import protocol

ROOT = Path(__file__).resolve().parent.parent


def _ts_list(name: str) -> list[str]:
    source = (ROOT / "web/src/protocol.ts").read_text()
    body = re.search(rf"export const {name} = \[(.*?)\] as const", source, re.S)
    assert body, name
    return re.findall(r'"(\w+)"', body.group(1))


def test_message_type_lists_match():
    assert _ts_list("PAGE_MESSAGE_TYPES") == list(protocol.PAGE_MESSAGE_TYPES)
    assert _ts_list("WORKER_MESSAGE_TYPES") == list(protocol.WORKER_MESSAGE_TYPES)


def test_each_ts_interface_type_tag_is_listed():
    source = (ROOT / "web/src/protocol.ts").read_text()
    tags = set(re.findall(r'^\s*type: "(\w+)";', source, re.M))
    assert tags == set(protocol.PAGE_MESSAGE_TYPES) | set(protocol.WORKER_MESSAGE_TYPES)


def test_python_typeddicts_cover_every_type():
    tags = set()
    for value in vars(protocol).values():
        annotations = getattr(value, "__annotations__", {})
        if "type" in annotations:
            tags.update(re.findall(r"Literal\['(\w+)'\]", str(annotations["type"])))
            tags.update(re.findall(r'Literal\["(\w+)"\]', str(annotations["type"])))
    assert tags == set(protocol.PAGE_MESSAGE_TYPES) | set(protocol.WORKER_MESSAGE_TYPES)


def test_docs_name_every_type():
    doc = (ROOT / "docs/protocol.md").read_text()
    for kind in (*protocol.PAGE_MESSAGE_TYPES, *protocol.WORKER_MESSAGE_TYPES):
        assert f"| `{kind}` |" in doc, kind
