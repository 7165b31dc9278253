"""Turn an app's requirements.txt into a pinned install plan at export time.

Why pin: an exported site must keep working when PyPI publishes a new release (Gradio-Lite sites broke
that way, e.g. gradio issue #12262). So the plan written into app/manifest.json lists exact things:

- `pyodide`: names of packages that ship with Pyodide (their versions are fixed by pyodide-lock.json);
  the worker loads them with `pyodide.loadPackage`, from the Pyodide package index;
- `wheels`: exact wheel URLs (a PyPI file URL, a URL from requirements.txt, or a relative URL of a wheel
  copied into the site); the worker installs them with `micropip.install(…, deps=False)`.

Requirement lines: `name`, `name==1.2`, `name>=1,<2`, `name[extra]`, `name; marker`, a wheel URL, or the
path of a local wheel (relative to the app directory). Dependencies of PyPI packages are resolved here
(newest release matching every specifier seen, pure-Python wheels only), not in the browser.
"""

from __future__ import annotations

import email.parser
import json
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import CACHE_DIR, fail, log

PYPI_JSON = "https://pypi.org/pypi/{name}/json"
PYPI_CACHE = CACHE_DIR / "pypi"
DEFAULT_INDEX_URL = "https://cdn.jsdelivr.net/pyodide/v{version}/full/"
# Requirement names micropip installs by itself in the worker and the build never needs to pin.
ALREADY_IN_RUNTIME = {"micropip", "packaging", "wasmblocks", "gradio"}

if TYPE_CHECKING:
    from packaging.markers import default_environment
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.version import InvalidVersion, Version
else:
    try:  # pip vendors packaging; the build stays free of third-party imports of its own
        from packaging.markers import default_environment
        from packaging.requirements import InvalidRequirement, Requirement
        from packaging.version import InvalidVersion, Version
    except ImportError:  # pragma: no cover - depends on the machine
        from pip._vendor.packaging.markers import default_environment
        from pip._vendor.packaging.requirements import InvalidRequirement, Requirement
        from pip._vendor.packaging.version import InvalidVersion, Version


def normalize(name: str) -> str:
    """PEP 503 name: lower case, runs of -_. as one dash."""
    return re.sub(r"[-_.]+", "-", name).lower()


def implied_requirements(files: list[Path], requirements: list[str]) -> list[str]:
    """Packages the app needs without listing them (tzdata when it names a time zone; wasmblocks.implied)."""
    from wasmblocks.implied import implied_requirements as implied

    sources = (p.read_text(encoding="utf-8", errors="replace") for p in files if p.suffix == ".py")
    return implied(sources, requirements)


def implied_packages(files: list[Path], listed: list[str]) -> list[str]:
    """Pyodide packages the app's inputs need by their type, beyond `listed` (wasmblocks.implied)."""
    from wasmblocks.implied import implied_packages as implied

    sources = (p.read_text(encoding="utf-8", errors="replace") for p in files if p.suffix == ".py")
    return implied(sources, listed)


def pyodide_environment(lock: dict[str, Any]) -> dict[str, str]:
    """Marker environment of the Python inside Pyodide (for `; python_version < "3.12"` and friends)."""
    env = {name: str(value) for name, value in default_environment().items()}
    version = lock["info"]["python"]
    env.update(
        python_version=".".join(version.split(".")[:2]), python_full_version=version, sys_platform="emscripten",
        platform_system="Emscripten", platform_machine="wasm32", os_name="posix", implementation_name="cpython",
        platform_python_implementation="CPython",
    )
    return env


@dataclass
class Plan:
    """What the worker installs: Pyodide package names and exact wheel URLs (in install order)."""

    pyodide: list[str] = field(default_factory=list)
    wheels: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"pyodide": self.pyodide, "wheels": self.wheels}


def _fetch_json(url: str) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            data: dict[str, Any] = json.load(response)
            return data
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise fail(f"{url}: not found on PyPI") from None
        raise fail(f"{url}: HTTP {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise fail(f"cannot reach PyPI to pin requirements ({url}: {exc}); list wheel URLs or local wheels "
                   "in requirements.txt instead") from None


def _pure_wheel(files: list[dict]) -> dict | None:
    """The release's pure-Python wheel (py3-none-any or py2.py3-none-any), if any."""
    for f in files:
        name = f.get("filename", "")
        if f.get("packagetype") == "bdist_wheel" and name.endswith("-none-any.whl") and not f.get("yanked"):
            tags = name[:-4].split("-")[-3]
            if "py3" in tags.split("."):
                return f
    return None


def _requires_dist(wheel: dict) -> list[str]:
    """Requires-Dist lines of a PyPI wheel, read from its METADATA (the wheel is cached in build/cache/pypi)."""
    target = PYPI_CACHE / wheel["filename"]
    if not target.exists():
        PYPI_CACHE.mkdir(parents=True, exist_ok=True)
        try:
            with urllib.request.urlopen(wheel["url"], timeout=120) as response:
                data = response.read()
        except (urllib.error.URLError, OSError) as exc:
            raise fail(f"cannot download {wheel['url']}: {exc}") from None
        target.write_bytes(data)
    with zipfile.ZipFile(target) as archive:
        meta = next((n for n in archive.namelist() if n.endswith(".dist-info/METADATA")), None)
        if meta is None:
            raise fail(f"{wheel['filename']} has no METADATA")
        text = archive.read(meta).decode("utf-8", "replace")
    headers = email.parser.HeaderParser().parsestr(text)
    return headers.get_all("Requires-Dist") or []


class Planner:
    """Resolves requirement lines against the Pyodide lock and PyPI; copies wheels when vendoring."""

    def __init__(self, lock: dict, app_dir: Path | None, out_dir: Path, *, vendor: bool) -> None:
        self.lock = lock
        self.lock_names = {normalize(k): k for k in lock["packages"]}
        self.env = pyodide_environment(lock)
        self.app_dir = app_dir
        self.out_dir = out_dir  # the site; copied wheels go to out_dir/packages/
        self.vendor = vendor
        self.plan = Plan()
        self._pinned: dict[str, str] = {}  # normalized name -> version, for PyPI packages

    # ---- lines ----
    def add_line(self, line: str) -> None:
        """Add one requirements.txt line (and, for PyPI packages, its dependencies) to the plan."""
        if line.startswith("-"):
            raise fail(f"requirements.txt option lines are not supported: {line!r}")
        if re.match(r"^https?://", line):
            url = line.split("#", 1)[0]
            if not url.endswith(".whl"):
                raise fail(f"a requirement URL must point to a .whl file: {line!r}")
            self._add_wheel_url(url)
        elif line.endswith(".whl"):
            self._add_local_wheel(line)
        else:
            try:
                req = Requirement(line)
            except InvalidRequirement as exc:
                raise fail(f"bad requirement {line!r}: {exc}") from None
            self._add_requirement(req)

    def _add_wheel_url(self, url: str) -> None:
        if self.vendor:
            name = urllib.parse.unquote(url.rsplit("/", 1)[-1])
            target = self._packages_dir() / name
            log(f"downloading {name} …")
            try:
                with urllib.request.urlopen(url, timeout=60) as response, open(target, "wb") as f:
                    shutil.copyfileobj(response, f)
            except (urllib.error.URLError, OSError) as exc:
                raise fail(f"cannot download {url}: {exc}") from None
            self._append_wheel(f"packages/{name}")
        else:
            self._append_wheel(url)

    def _add_local_wheel(self, line: str) -> None:
        path = Path(line)
        if not path.is_absolute() and self.app_dir is not None:
            path = self.app_dir / path
        if not path.is_file():
            raise fail(f"wheel not found: {line} (paths are relative to the app directory)")
        shutil.copyfile(path, self._packages_dir() / path.name)
        self._append_wheel(f"packages/{path.name}")

    def _packages_dir(self) -> Path:
        target = self.out_dir / "packages"
        target.mkdir(parents=True, exist_ok=True)
        return target

    def _append_wheel(self, url: str) -> None:
        if url not in self.plan.wheels:
            self.plan.wheels.append(url)

    def _add_requirement(self, req: Requirement, parent: str | None = None) -> None:
        if req.marker is not None and not req.marker.evaluate({**self.env, "extra": ""}):
            return
        key = normalize(req.name)
        if key in ALREADY_IN_RUNTIME:
            return
        if key in self.lock_names:
            self._add_pyodide(key, req)
            return
        if key in self._pinned:
            if self._pinned[key] not in req.specifier:
                raise fail(f"{req} (needed by {parent or 'requirements.txt'}) conflicts with "
                           f"{key}=={self._pinned[key]} chosen earlier; pin a version that fits both")
            return
        self._add_pypi(req, parent)

    def _add_pyodide(self, key: str, req: Requirement) -> None:
        real = self.lock_names[key]
        version = self.lock["packages"][real]["version"]
        if req.specifier and version not in req.specifier:
            raise fail(f"{req}: Pyodide {self.lock['info'].get('version', '')} ships {real} {version}, "
                       "which does not match; relax the version")
        if real not in self.plan.pyodide:
            self.plan.pyodide.append(real)

    def _add_pypi(self, req: Requirement, parent: str | None) -> None:
        key = normalize(req.name)
        index_url = PYPI_JSON.format(name=urllib.parse.quote(key))
        info = _fetch_json(index_url)
        candidates = []
        for text, files in info.get("releases", {}).items():
            try:
                version = Version(text)
            except InvalidVersion:
                continue
            if version.is_prerelease and not req.specifier.prereleases:
                continue
            wheel = _pure_wheel(files)
            if wheel is not None and req.specifier.contains(version, prereleases=True):
                candidates.append((version, wheel))
        if not candidates:
            raise fail(f"no pure-Python wheel on PyPI matches {req}"
                       f"{f' (needed by {parent})' if parent else ''}; Pyodide cannot install it")
        version, wheel = max(candidates, key=lambda c: c[0])
        wheel = {**wheel, "url": urllib.parse.urljoin(index_url, wheel["url"])}  # mirrors give relative URLs
        self._pinned[key] = str(version)
        log(f"pinned {key}=={version}")
        for dep in _requires_dist(wheel):
            dep_req = Requirement(dep)
            if dep_req.marker is not None:
                wanted = any(dep_req.marker.evaluate({**self.env, "extra": e}) for e in (req.extras or {""}))
                if not wanted:
                    continue
                dep_req.marker = None
            self._add_requirement(dep_req, parent=f"{key}=={version}")
        # Dependencies first, so micropip (deps=False) installs in a working order.
        if self.vendor:
            self._add_wheel_url(wheel["url"])
        else:
            self._append_wheel(wheel["url"])


def plan_requirements(lines: list[str], lock: dict, app_dir: Path | None, out_dir: Path, *, vendor: bool) -> Plan:
    """The pinned install plan for these requirement lines (empty plan for no lines)."""
    planner = Planner(lock, app_dir, out_dir, vendor=vendor)
    for line in lines:
        planner.add_line(line)
    return planner.plan


def lock_closure(lock: dict, names: list[str]) -> list[str]:
    """names plus every package they depend on in the Pyodide lock."""
    seen: list[str] = []
    todo = list(names)
    by_norm = {normalize(k): k for k in lock["packages"]}
    while todo:
        name = by_norm.get(normalize(todo.pop()))
        if name is None or name in seen:
            continue
        seen.append(name)
        todo.extend(lock["packages"][name].get("depends", []))
    return seen


def point_lock_at_index(pyodide_dir: Path, index_url: str, vendor_names: list[str] | None = None) -> None:
    """Rewrite pyodide_dir/pyodide-lock.json so packages not in the folder load from index_url.

    With vendor_names, those packages (and their lock dependencies) are first downloaded from index_url
    into the folder, so the site needs no third-party host at runtime.
    """
    lock_path = pyodide_dir / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    if not index_url.endswith("/"):
        index_url += "/"
    for name in lock_closure(lock, vendor_names or []):
        entry = lock["packages"][name]
        file_name = entry["file_name"].rsplit("/", 1)[-1]
        target = pyodide_dir / file_name
        if not target.exists():
            url = urllib.parse.urljoin(index_url, file_name)
            log(f"downloading {file_name} from the Pyodide index …")
            try:
                with urllib.request.urlopen(url, timeout=120) as response, open(target, "wb") as f:
                    shutil.copyfileobj(response, f)
            except (urllib.error.URLError, OSError) as exc:
                target.unlink(missing_ok=True)
                raise fail(f"cannot download {url}: {exc}") from None
        entry["file_name"] = file_name
    for entry in lock["packages"].values():
        file_name = entry["file_name"]
        if "://" not in file_name and not (pyodide_dir / file_name).exists():
            entry["file_name"] = urllib.parse.urljoin(index_url, file_name)
    lock_path.write_text(json.dumps(lock), encoding="utf-8")
