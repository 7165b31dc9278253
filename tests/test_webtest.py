"""The TypeScript test step (wasmblocks_build.webtest): which arguments name TS tests, and that a failing one fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wasmblocks_build.bundle import ESBUILD
from wasmblocks_build.webtest import WEB_TESTS, chosen_files, is_web_test, web_tests


def test_arguments_that_name_typescript_tests():
    assert is_web_test("tests/web") and is_web_test("tests/web/store.test.ts")
    assert not is_web_test("tests/web/fakes.ts") and not is_web_test("tests/test_queue.py")
    assert not is_web_test("tests") and not is_web_test("-m")


def test_every_client_module_has_its_test_file():
    names = {p.name for p in chosen_files()}
    assert {"store.test.ts", "events.test.ts", "coalesce.test.ts", "files.test.ts", "upload.test.ts"} <= names
    assert chosen_files(["tests/web"]) == chosen_files()
    assert chosen_files(["tests/web/store.test.ts"]) == [WEB_TESTS / "store.test.ts"]


@pytest.mark.skipif(not ESBUILD.exists() or shutil.which("node") is None, reason="needs node_modules and Node.js")
def test_a_failing_typescript_test_fails_the_step(tmp_path: Path):
    passing = tmp_path / "ok.test.ts"
    passing.write_text('import assert from "node:assert/strict";\nimport { test } from "node:test";\n'
                       'test("holds", () => assert.equal(1 + 1, 2));\n')
    failing = tmp_path / "broken.test.ts"
    failing.write_text(passing.read_text().replace("1 + 1, 2", "1 + 1, 3"))
    assert web_tests([str(passing)]) == 0
    assert web_tests([str(passing), str(failing)]) != 0
