"""Sample media for demos: `gr.get_image("cheetah1.jpg")` and its siblings return a path to a file we ship.

Gradio's demos ask for its sample files by name (gradio/media.py); ours carry the same names and small
contents of our own (media_assets/LICENSE.txt), made by wasmblocks_build/sample_media.py.
"""

from __future__ import annotations

import random
from pathlib import Path

MEDIA_ROOT = Path(__file__).parent / "media_assets"
MEDIA_PATHS = [MEDIA_ROOT / kind for kind in ("images", "videos", "audio", "models3d", "data")]


def _get_media_path(media_type: str, filename: str | None = None) -> str:
    """The absolute path of `filename` in one folder of samples, or of a random one when no name is given.

    A URL is returned as it is, as Gradio does. Raises ValueError for an unknown folder and FileNotFoundError
    (listing what is there) for a name we do not ship.
    """
    folder = MEDIA_ROOT / media_type
    if not folder.is_dir():
        raise ValueError(f"Media directory not found: {folder}")
    if filename is None:
        choices = sorted(folder.iterdir())
        if not choices:
            raise ValueError(f"No media files found in {folder}")
        return str(random.choice(choices).absolute())
    if filename.startswith(("http://", "https://")):
        return filename
    path = folder / filename
    if not path.is_file():
        shipped = ", ".join(sorted(p.name for p in folder.iterdir()))
        raise FileNotFoundError(f"Media file not found: {path} (the {media_type} samples are: {shipped})")
    return str(path.absolute())


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
