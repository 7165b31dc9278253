"""Reading web/src/protocol.ts and py/wasmblocks/protocol.py into one canonical form (tests/test_protocol.py).

The rules, and the convention for TS-only sections, are in the docstring of tests/test_protocol.py.
"""

from __future__ import annotations

import ast
import re

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
            near = " ".join(self.tokens[max(self.i - 5, 0):self.i + 5])
            raise SyntaxError(f"protocol.ts: expected {expected!r}, got {token!r} near: {near}")
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
