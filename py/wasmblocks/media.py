"""Sample media for demos: `gr.get_image("cheetah1.jpg")` and its siblings return a path to a file we ship.

Gradio's demos ask for its sample files by name (gradio/media.py); ours carry the same names and small
contents of our own (media_assets/LICENSE.txt), made by wasmblocks_build/sample_media.py. The package
archive every page downloads leaves them out: in the browser a sample is fetched from the site's media/
folder (wasmblocks_build/site.py copy_media) the first time an app asks for it.
"""

from __future__ import annotations

import random
from pathlib import Path

from . import runtime

MEDIA_ROOT = Path(__file__).parent / "media_assets"
MEDIA_PATHS = [MEDIA_ROOT / kind for kind in ("images", "videos", "audio", "models3d", "data")]
# What each folder holds (tests/test_media.py checks it against the folder): the worker cannot list a
# folder whose files it has not fetched yet.
FILES: dict[str, tuple[str, ...]] = {
    "images": ("avatar.png", "bus.png", "cheetah.jpg", "cheetah1.jpg", "groot.jpeg", "hf-logo_transpng.png",
               "lion.jpg", "logo.png", "screenshot.gif", "tower.jpg"),
    "videos": ("a.mp4", "b.mp4", "muted_b.mp4", "world.mp4"),
    "audio": ("audio_sample.wav", "cantina.wav", "cate_blanch.mp3", "cate_blanch_2.mp3", "heath_ledger.mp3",
              "recording1.wav", "sax.wav"),
    "models3d": ("Bunny.obj", "Duck.glb", "Fox.gltf", "face.obj", "sofia.stl"),
    "data": ("imagenet_labels.json", "s1.srt", "s2.vtt", "s3.json", "sample.txt", "time.csv", "titanic.csv"),
}


def _get_media_path(media_type: str, filename: str | None = None) -> str:
    """The absolute path of `filename` in one folder of samples, or of a random one when no name is given.

    A URL is returned as it is, as Gradio does. Raises ValueError for an unknown folder and FileNotFoundError
    (listing what is there) for a name we do not ship.
    """
    names = FILES.get(media_type)
    if names is None:
        raise ValueError(f"Media directory not found: {MEDIA_ROOT / media_type}")
    if filename is None:
        filename = random.choice(names)
    elif filename.startswith(("http://", "https://")):
        return filename
    path = MEDIA_ROOT / media_type / filename
    if filename not in names:
        raise FileNotFoundError(f"Media file not found: {path} (the {media_type} samples are: {', '.join(names)})")
    if not path.is_file():
        _fetch(path, f"{media_type}/{filename}")
    return str(path.absolute())


def _fetch(path: Path, rel: str) -> None:
    """Bring one sample into the worker's file system from the site (see the module docstring)."""
    site = runtime.site_url()
    if site is None:
        raise FileNotFoundError(f"Media file not found: {path} (the package was installed without its samples)")
    data = runtime.fetch_bytes_sync(f"{site}media/{rel}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def get_image(filename: str | None = None) -> str:
    """Path to a sample image (e.g. "cheetah1.jpg", "lion.jpg", "tower.jpg"); a random one when None."""
    return _get_media_path("images", filename)


def get_video(filename: str | None = None) -> str:
    """Path to a sample video (e.g. "world.mp4", "a.mp4", "b.mp4"); a random one when None."""
    return _get_media_path("videos", filename)


def get_audio(filename: str | None = None) -> str:
    """Path to a sample recording (e.g. "cantina.wav", "sax.wav"); a random one when None."""
    return _get_media_path("audio", filename)


def get_model3d(filename: str | None = None) -> str:
    """Path to a sample 3-D model (e.g. "Duck.glb", "Bunny.obj", "Fox.gltf"); a random one when None."""
    return _get_media_path("models3d", filename)


def get_file(filename: str | None = None) -> str:
    """Path to a sample data file (e.g. "titanic.csv", "s1.srt", "sample.txt"); a random one when None."""
    return _get_media_path("data", filename)
