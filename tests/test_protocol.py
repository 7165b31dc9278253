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

from wasmblocks import protocol

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "web/src/protocol.ts"
PY_FILE = ROOT / "py/wasmblocks/protocol.py"
SECTION = re.compile(r"^// ---- (.*) ----\s*$")
TS_ONLY = "(no Python twin)"

# A declaration: ("interface", {field: (optional, type)}) or ("alias", type); a type is a nested tuple.
Fields = dict[str, tuple[bool, tuple]]


# ---- protocol.ts ----
def ts_twinned_source(text: str) -> str:
    """protocol.ts without its TS-only sections."""
    kept, skipping = [], False
    for line in text.splitlines():
        header = SECTION.match(line)
        if header:
            skipping = TS_ONLY in header.group(1)
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|"(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|.', re.S)


def ts_tokens(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text) if t.strip() and not t.startswith(("//", "/*"))]


class TsParser:
    """`export interface` and `export type` declarations of a TS file; everything else is skipped."""

    def __init__(self, text: str) -> None:
        self.tokens, self.i = ts_tokens(text), 0

    def peek(self, offset: int = 0) -> str:
        return self.tokens[self.i + offset] if self.i + offset < len(self.tokens) else ""

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if expected is not None and token != expected:
            raise SyntaxError(f"protocol.ts: expected {expected!r}, got {token!r} near {self.tokens[self.i - 5:self.i + 5]}")
        self.i += 1
        return token

    def declarations(self) -> dict[str, tuple[str, object]]:
        found: dict[str, tuple[str, object]] = {}
        while self.i < len(self.tokens):
            if self.peek() == "export" and self.peek(1) == "interface":
                self.i += 2
                name = self.take()
                bases = []
                if self.peek() == "extends":
                    self.take()
                    bases.append(self.take())
                    while self.peek() == ",":
                        self.take()
                        bases.append(self.take())
                fields = self.object_fields()
                found[name] = ("interface", {"__bases__": bases, **fields})
            elif self.peek() == "export" and self.peek(1) == "type":
                self.i += 2
                name = self.take()
                self.take("=")
                found[name] = ("alias", self.union())
                if self.peek() == ";":
                    self.take()
            else:
                self.i += 1
        return found

    def object_fields(self) -> Fields:
        self.take("{")
        fields: Fields = {}
        while self.peek() != "}":
            if self.peek() == "readonly":
                self.take()
            name = self.take()
            optional = self.peek() == "?"
            if optional:
                self.take()
            self.take(":")
            fields[name] = (optional, self.union())
            if self.peek() in (";", ","):
                self.take()
        self.take("}")
        return fields

    def union(self) -> tuple:
        if self.peek() == "|":
            self.take()
        members = [self.postfix()]
        while self.peek() == "|":
            self.take()
            members.append(self.postfix())
        return members[0] if len(members) == 1 else ("union", *members)

    def postfix(self) -> tuple:
        item = self.atom()
        while self.peek() == "[" and self.peek(1) == "]":
            self.i += 2
            item = ("list", item)
        return item

    def atom(self) -> tuple:
        token = self.take()
        if token == "(":
            inner = self.union()
            self.take(")")
            return inner
        if token.startswith('"'):
            return ("literal", token[1:-1])
        if token == "{":
            self.i -= 1
            return ("object", self.object_fields())
        if token == "[":
            items = [self.union()]
            while self.peek() == ",":
                self.take()
                items.append(self.union())
            self.take("]")
            return ("tuple", *items)
        args = []
        if self.peek() == "<":
            self.take()
            args.append(self.union())
            while self.peek() == ",":
                self.take()
                args.append(self.union())
            self.take(">")
        return ("name", token, *args)


def ts_declarations(text: str) -> dict[str, tuple[str, object]]:
    return TsParser(ts_twinned_source(text)).declarations()


# ---- protocol.py ----
def py_declarations(text: str) -> dict[str, tuple[str, object]]:
    """TypedDicts and type aliases of protocol.py, in the same shape as ts_declarations."""
    found: dict[str, tuple[str, object]] = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef) and any(getattr(b, "id", "") == "TypedDict" for b in node.bases):
            fields: Fields = {}
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    fields[item.target.id] = _py_field(item.annotation)
            found[node.name] = ("interface", {"__bases__": [], **fields})
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id[0].isupper() and not node.targets[0].id.isupper():
                found[node.targets[0].id] = ("alias", _py_type(node.value))
    return found


def _py_field(annotation: ast.expr) -> tuple[bool, tuple]:
    if isinstance(annotation, ast.Subscript) and getattr(annotation.value, "id", "") == "NotRequired":
        return True, _py_type(annotation.slice)
    return False, _py_type(annotation)


def _py_type(node: ast.expr) -> tuple:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return ("union", _py_type(node.left), _py_type(node.right))
    if isinstance(node, ast.Constant):
        if node.value is None:
            return ("name", "None")
        if isinstance(node.value, str):
            return _py_type(ast.parse(node.value, mode="eval").body)  # a string annotation
    if isinstance(node, ast.Name):
        return ("name", node.id)
    if isinstance(node, ast.Subscript):
        head = getattr(node.value, "id", "")
        args = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if head == "Literal":
            return ("union", *(("literal", a.value) for a in args))  # type: ignore[attr-defined]
        return ("name", head, *(_py_type(a) for a in args))
    raise SyntaxError(f"protocol.py: cannot read the type {ast.unparse(node)}")


# ---- one canonical form for both ----
TS_NAMES = {"string": "str", "number": "number", "boolean": "bool", "null": "null", "any": "any", "unknown": "any",
            "ArrayBuffer": "bytes", "Uint8Array": "bytes"}
PY_NAMES = {"str": "str", "int": "number", "float": "number", "bool": "bool", "None": "null", "Any": "any",
            "bytes": "bytes"}


class Canon:
    """Renders declared types of one side canonically, given the names both sides declare as interfaces."""

    def __init__(self, decls: dict[str, tuple[str, object]], names: dict[str, str], twinned: set[str]) -> None:
        self.decls, self.names, self.twinned = decls, names, twinned

    def type(self, t: tuple) -> str:
        kind = t[0]
        if kind == "union":
            members = sorted({part for m in t[1:] for part in self.type(m).split(" | ")})
            return " | ".join(members)
        if kind == "literal":
            return repr(t[1])
        if kind == "list":
            return f"list[{self.type(t[1])}]"
        if kind == "tuple":
            return "tuple[" + ", ".join(self.type(i) for i in t[1:]) + "]"
        if kind == "object":
            return self.fields(t[1])  # type: ignore[arg-type]
        name, args = t[1], t[2:]
        if name in self.names:
            return self.names[name]
        if name in ("list", "Array"):
            return f"list[{self.type(args[0])}]"
        if name == "tuple":
            return "tuple[" + ", ".join(self.type(a) for a in args) + "]"
        if name in ("dict", "Record"):
            return f"dict[{self.type(args[0])}, {self.type(args[1])}]"
        if name in self.twinned:
            return name
        if name in self.decls:
            what, body = self.decls[name]
            return self.type(body) if what == "alias" else self.fields(self.flat(name))  # type: ignore[arg-type]
        raise KeyError(f"unknown type name {name}")

    def flat(self, name: str) -> Fields:
        """An interface's fields, those of its bases included."""
        body = dict(self.decls[name][1])  # type: ignore[call-overload]
        merged: Fields = {}
        for base in body.pop("__bases__"):
            merged.update(self.flat(base))
        merged.update(body)
        return merged

    def fields(self, fields: Fields) -> str:
        parts = [f"{k}{'?' if opt else ''}: {self.type(t)}" for k, (opt, t) in sorted(fields.items())]
        return "{" + "; ".join(parts) + "}"

    def interface(self, name: str) -> dict[str, str]:
        return {k: ("optional " if opt else "") + self.type(t) for k, (opt, t) in self.flat(name).items()}


def twins(ts_text: str, py_text: str) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]], list[str]]:
    """Canonical interfaces and aliases of each side, by name, plus the names only one side declares."""
    ts, py = ts_declarations(ts_text), py_declarations(py_text)
    ts_interfaces = {n for n, (k, _) in ts.items() if k == "interface"}
    py_interfaces = {n for n, (k, _) in py.items() if k == "interface"}
    twinned = ts_interfaces & py_interfaces
    ts_canon, py_canon = Canon(ts, TS_NAMES, twinned), Canon(py, PY_NAMES, twinned)
    problems = [f"TS interface {n} has no TypedDict in protocol.py" for n in sorted(ts_interfaces - py_interfaces)]
    inline = {n for n in py_interfaces - twinned if _referenced(py, n)}
    problems += [f"TypedDict {n} has no TS twin" for n in sorted(py_interfaces - twinned - inline)]
    ts_aliases = {n for n, (k, _) in ts.items() if k == "alias"}
    py_aliases = {n for n, (k, _) in py.items() if k == "alias"}
    problems += [f"type {n} is declared on one side only" for n in sorted(ts_aliases ^ py_aliases)]
    left = {n: ts_canon.interface(n) for n in twinned}
    right = {n: py_canon.interface(n) for n in twinned}
    for n in ts_aliases & py_aliases:
        left[f"type {n}"] = {"=": ts_canon.type(ts[n][1])}  # type: ignore[arg-type]
        right[f"type {n}"] = {"=": py_canon.type(py[n][1])}  # type: ignore[arg-type]
    return left, right, problems


def _referenced(decls: dict[str, tuple[str, object]], name: str) -> bool:
    return any(name in repr(body) for other, (_, body) in decls.items() if other != name)


def differences(ts_text: str, py_text: str) -> list[str]:
    left, right, problems = twins(ts_text, py_text)
    for name in sorted(left):
        for field in sorted(set(left[name]) | set(right[name])):
            a, b = left[name].get(field, "(missing)"), right[name].get(field, "(missing)")
            if a != b:
                problems.append(f"{name}.{field}: protocol.ts has {a}, protocol.py has {b}")
    return problems


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
    "render": lambda: protocol.render_message(1, {"id": 1, "type": "column", "props": {}}, [], [2]),
    "status": lambda: protocol.status_message("e", 1, "queued", position=0),
    "update": lambda: protocol.update_message("e", 1, [{"id": 1, "value": 2}]),
    "toast": lambda: protocol.toast_message("info", "m", title=None, duration=None, event_id=None),
    "uploaded": lambda: protocol.uploaded_message("u", []),
    "error": lambda: protocol.error_message("m"),
    "init": lambda: protocol.init_message("s"),
    "event": lambda: protocol.event_message("e", 1, []),
    "cancel": lambda: protocol.cancel_message([1]),
    "unload": lambda: protocol.unload_message(),
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
