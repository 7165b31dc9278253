"""The lint step of `build.py test`: ruff and mypy over py/, at the versions pyproject.toml pins.

The pins are the `lint` extra of pyproject.toml; a missing or other version is pip-installed first, the way
the test step installs pytest, so every machine lints with the same rules. Settings: [tool.ruff], [tool.mypy].
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import tomllib

from .common import ROOT, log, python, run


def pinned() -> dict[str, str]:
    """{"ruff": "0.17.5", "mypy": "2.4.1"}: the lint extra of pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        extra: list[str] = tomllib.load(f)["project"]["optional-dependencies"]["lint"]
    pins = {}
    for requirement in extra:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)", requirement)
        if not match:
            raise ValueError(f"pyproject.toml: lint tools are pinned with ==, not {requirement!r}")
        pins[match.group(1)] = match.group(2)
    return pins


def missing_requirements(extra: str) -> list[str]:
    """The requirements of a pyproject.toml extra that are not installed, or installed at another pinned version."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        requirements: list[str] = tomllib.load(f)["project"]["optional-dependencies"][extra]
    missing = []
    for requirement in requirements:
        name = re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0]
        _, pinned_at, version = requirement.partition("==")
        installed = _installed(name)
        if installed is None or (pinned_at and installed != version.strip()):
            missing.append(requirement)
    return missing


def _installed(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def ensure_linters() -> None:
    """pip-install the pinned ruff and mypy where they are missing or of another version."""
    wanted = [f"{name}=={version}" for name, version in pinned().items() if _installed(name) != version]
    if wanted:
        log(f"installing lint tools ({', '.join(wanted)}) …")
        run([python(), "-m", "pip", "install", "-q", "--disable-pip-version-check", *wanted],
            what="pip install " + " ".join(wanted))


def lint() -> int:
    """ruff, then mypy; returns 0 when both are clean (their findings are printed as they come)."""
    ensure_linters()
    log("linting py/ (ruff, mypy) …")
    for name, command in (("ruff", ["-m", "ruff", "check", "py"]), ("mypy", ["-m", "mypy"])):
        status = subprocess.run([python(), *command], cwd=ROOT).returncode
        if status != 0:
            log(f"{name} found problems (exit {status}); fix them before the tests run")
            return status
    return 0
