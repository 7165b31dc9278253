"""Write the sample media that `gr.get_image()` & co. return (py/wasmblocks/media_assets/), on demand.

Gradio ships photos, recordings and models under the names its demos ask for (`get_image("cheetah1.jpg")`,
`get_video("world.mp4")`, `get_audio("cantina.wav")`, …). We ship files under the same names, drawn and
synthesised here: tiny, so the package every page downloads stays small, and ours to give away (CC0-1.0, see
media_assets/LICENSE.txt). Images, video and compressed audio need PyAV and numpy, so run this in a throwaway venv:

    python3 -m venv /tmp/media && /tmp/media/bin/pip install av==18.1.0 numpy
    PYTHONPATH=py /tmp/media/bin/python -m wasmblocks_build.sample_media

WAV files, 3-D models and text files use only the standard library. The output is committed; nothing at build
or run time needs PyAV.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import struct
import wave
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

from .common import PKG_DIR

OUT = PKG_DIR / "media_assets"
RATE = 8000  # Hz: every tone below has a whole number of samples per period, so the WAVs deflate well.
Mesh = tuple[list[tuple[float, float, float]], list[tuple[int, int, int]]]


# ---- audio ----

def melody(notes: list[tuple[float, float]], rate: int = RATE, volume: float = 0.3) -> list[int]:
    """16-bit samples of (frequency Hz, seconds) notes: triangle waves, 5 ms fades so notes do not click."""
    samples: list[int] = []
    for freq, seconds in notes:
        count, fade = int(rate * seconds), int(rate * 0.005)
        period = rate / freq if freq else 0.0
        for i in range(count):
            if not period:
                samples.append(0)
                continue
            phase = (i % period) / period
            tri = 4 * phase - 1 if phase < 0.5 else 3 - 4 * phase
            gain = min(1.0, i / fade, (count - i) / fade)
            samples.append(int(32767 * volume * tri * gain))
    return samples


def write_wav(path: Path, samples: list[int], rate: int = RATE) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


TUNES: dict[str, list[tuple[float, float]]] = {
    "cantina.wav": [(400, 0.25), (500, 0.25), (400, 0.25), (320, 0.25), (400, 0.5), (250, 0.5)],
    "sax.wav": [(250, 0.5), (320, 0.5), (400, 0.5), (500, 1.0)],
    "recording1.wav": [(200, 0.75), (0, 0.25), (250, 0.75), (0, 0.25)],
    "audio_sample.wav": [(500, 0.5), (400, 0.5)],
}


# ---- images (PyAV + numpy) ----

def picture(name: str, width: int, height: int) -> Any:
    """An RGBA array: a simple drawing that hints at what Gradio's file of that name shows."""
    import numpy as np

    y, x = np.mgrid[0:height, 0:width]
    img = np.zeros((height, width, 4), dtype=np.uint8)
    img[..., 3] = 255
    u, v = x / width, y / height
    if name in ("cheetah", "cheetah1"):  # a golden coat with dark spots
        img[..., 0], img[..., 1], img[..., 2] = 215 - 40 * v, 160 - 40 * v, 60
        spots = (np.sin(x * 0.55 + 2 * np.sin(y * 0.21)) * np.sin(y * 0.5 + np.sin(x * 0.13))) > 0.55
        img[spots, :3] = (45, 30, 20)
    elif name == "lion":  # a mane around a face on grass
        img[..., 0], img[..., 1], img[..., 2] = 90, 150, 70
        r = np.hypot(u - 0.5, (v - 0.5) * height / width)
        img[r < 0.33, :3] = (150, 90, 30)
        img[r < 0.2, :3] = (225, 180, 110)
    elif name == "tower":  # a tower against the sky
        img[..., 0], img[..., 1], img[..., 2] = 120 + 100 * v, 170 + 60 * v, 240
        taper = 0.03 + 0.12 * v
        img[(abs(u - 0.5) < taper) & (v > 0.1), :3] = (90, 80, 75)
    elif name == "groot":  # bark and leaves
        img[..., 0], img[..., 1], img[..., 2] = 110 + 30 * np.sin(x * 0.4), 75, 40
        img[(v < 0.35) & (np.sin(x * 0.9) * np.sin(y * 0.8) > 0), :3] = (60, 150, 50)
    elif name == "bus":  # a red bus with windows
        img[..., :3] = 235
        img[(v > 0.25) & (v < 0.8) & (u > 0.08) & (u < 0.92), :3] = (200, 30, 30)
        img[(v > 0.32) & (v < 0.5) & (u > 0.14) & (u < 0.86) & ((x // 6) % 3 != 0), :3] = (190, 220, 240)
        img[(np.hypot(u - 0.25, v - 0.82) < 0.07) | (np.hypot(u - 0.75, v - 0.82) < 0.07), :3] = 30
    else:  # avatar, logo, hf-logo_transpng: a smiling face on a transparent background
        r = np.hypot(u - 0.5, v - 0.5)
        img[..., :3] = (255, 200, 40)
        img[..., 3] = np.where(r < 0.45, 255, 0)
        eyes = (np.hypot(u - 0.35, v - 0.38) < 0.05) | (np.hypot(u - 0.65, v - 0.38) < 0.05)
        mouth = (abs(r - 0.25) < 0.03) & (v > 0.55)
        img[eyes | mouth, :3] = (60, 40, 20)
    return img


def encode_image(rgba: Any, codec: str) -> bytes:
    """One frame through a PyAV encoder (mjpeg -> JPEG, png -> PNG)."""
    import av

    height, width = rgba.shape[:2]
    ctx = av.CodecContext.create(codec, "w")
    ctx.width, ctx.height = width, height
    ctx.pix_fmt = "yuvj420p" if codec == "mjpeg" else "rgba"
    if codec == "mjpeg":
        ctx.options = {"qscale": "9"}
        ctx.time_base = Fraction(1, 25)
    frame = av.VideoFrame.from_ndarray(rgba, format="rgba").reformat(format=ctx.pix_fmt)
    return b"".join(bytes(p) for p in [*ctx.encode(frame), *ctx.encode(None)])


def write_gif(path: Path, frames: list[Any]) -> None:
    import av

    with av.open(str(path), "w", format="gif") as out:
        stream = out.add_stream("gif", rate=2)
        stream.width, stream.height = frames[0].shape[1], frames[0].shape[0]
        stream.pix_fmt = "rgb8"  # 8-bit colour; swscale cannot map RGBA to a palette
        for rgba in frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(rgba[..., :3].copy(), format="rgb24")):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


# ---- video and compressed audio (PyAV) ----

def video_frame(t: float, width: int, height: int, hue: int) -> Any:
    """A ball circling a coloured field, with a clock hand, at time t."""
    import numpy as np

    y, x = np.mgrid[0:height, 0:width]
    img = np.zeros((height, width, 4), dtype=np.uint8)
    img[..., 3] = 255
    img[..., hue] = 90 + (100 * x / width).astype(np.uint8)
    img[..., (hue + 1) % 3] = 60
    cx, cy = width / 2 + width * 0.3 * math.cos(t * 2), height / 2 + height * 0.3 * math.sin(t * 2)
    img[np.hypot(x - cx, y - cy) < height * 0.12, :3] = 250
    angle = t * math.pi
    hand = np.abs((x - width / 2) * math.sin(angle) - (y - height / 2) * math.cos(angle)) < 1.2
    along = (x - width / 2) * math.cos(angle) + (y - height / 2) * math.sin(angle)
    img[hand & (along > 0) & (along < height * 0.4), :3] = 20
    return img


def write_video(path: Path, seconds: float, hue: int, codec: str = "libx264", audio: str | None = "aac") -> None:
    import av

    width, height, fps = 128, 72, 10
    with av.open(str(path), "w") as out:
        vs = out.add_stream(codec, rate=fps)
        vs.width, vs.height, vs.pix_fmt = width, height, "yuv420p"
        if codec == "libx264":
            vs.options = {"crf": "34", "preset": "veryslow"}
        else:
            vs.options = {"qscale": "12"}
        streams: list[tuple[Any, list[Any]]] = [(vs, [])]
        for i in range(int(seconds * fps)):
            frame = av.VideoFrame.from_ndarray(video_frame(i / fps, width, height, hue), format="rgba")
            streams[0][1].extend(vs.encode(frame.reformat(format="yuv420p")))
        streams[0][1].extend(vs.encode(None))
        if audio:
            streams.append((out.add_stream(audio, rate=16000), []))
        for stream, packets in streams[1:]:
            packets.extend(encode_audio(stream, melody([(400, seconds / 2), (500, seconds / 2)], rate=16000), 12000))
        for _stream, packets in streams:
            for packet in packets:
                out.mux(packet)


def encode_audio(stream: Any, samples: list[int], bit_rate: int = 24000) -> list[Any]:
    """Packets of mono 16-bit samples through an audio stream's encoder."""
    import av
    import numpy as np

    stream.layout = "mono"
    stream.bit_rate = bit_rate
    data = np.array(samples, dtype=np.int16).reshape(1, -1)
    frame = av.AudioFrame.from_ndarray(data, format="s16", layout="mono")
    frame.sample_rate = stream.rate
    return [*stream.encode(frame), *stream.encode(None)]


def write_mp3(path: Path, notes: list[tuple[float, float]]) -> None:
    import av

    with av.open(str(path), "w", format="mp3") as out:
        stream = out.add_stream("libmp3lame", rate=16000)
        for packet in encode_audio(stream, melody(notes, rate=16000)):
            out.mux(packet)


# ---- 3-D models (standard library) ----

def icosphere(subdivisions: int) -> Mesh:
    """A sphere of triangles: an icosahedron whose faces are split `subdivisions` times."""
    t = (1 + 5 ** 0.5) / 2
    verts = [(-1, t, 0), (1, t, 0), (-1, -t, 0), (1, -t, 0), (0, -1, t), (0, 1, t), (0, -1, -t), (0, 1, -t),
             (t, 0, -1), (t, 0, 1), (-t, 0, -1), (-t, 0, 1)]
    points = [_unit(v) for v in verts]
    faces = [(0, 11, 5), (0, 5, 1), (0, 1, 7), (0, 7, 10), (0, 10, 11), (1, 5, 9), (5, 11, 4), (11, 10, 2),
             (10, 7, 6), (7, 1, 8), (3, 9, 4), (3, 4, 2), (3, 2, 6), (3, 6, 8), (3, 8, 9), (4, 9, 5), (2, 4, 11),
             (6, 2, 10), (8, 6, 7), (9, 8, 1)]
    for _ in range(subdivisions):
        middle: dict[tuple[int, int], int] = {}

        def mid(a: int, b: int, middle: dict[tuple[int, int], int] = middle) -> int:
            key = (min(a, b), max(a, b))
            if key not in middle:
                pa, pb = points[a], points[b]
                points.append(_unit(((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2)))
                middle[key] = len(points) - 1
            return middle[key]

        faces = [f for a, b, c in faces
                 for f in ((a, mid(a, b), mid(a, c)), (b, mid(b, c), mid(a, b)), (c, mid(a, c), mid(b, c)),
                           (mid(a, b), mid(b, c), mid(a, c)))]
    return points, faces


def _unit(v: tuple[float, float, float]) -> tuple[float, float, float]:
    n = math.sqrt(sum(c * c for c in v))
    return (v[0] / n, v[1] / n, v[2] / n)


def bunny() -> Mesh:
    """A sphere with two long ears: a nod to the Stanford bunny Gradio ships as Bunny.obj."""
    points, faces = icosphere(2)
    shaped = []
    for x, y, z in points:
        ear = max(0.0, y - 0.55) * (3.5 if abs(abs(x) - 0.3) < 0.25 and abs(z) < 0.35 else 0.0)
        shaped.append((round(x * 0.9, 4), round(y + ear, 4), round(z * 0.8, 4)))
    return shaped, faces


def torus(rings: int = 16, sides: int = 8, big: float = 1.0, small: float = 0.35) -> Mesh:
    points = [((big + small * math.cos(b)) * math.cos(a), small * math.sin(b),
               (big + small * math.cos(b)) * math.sin(a))
              for a in (2 * math.pi * i / rings for i in range(rings))
              for b in (2 * math.pi * j / sides for j in range(sides))]
    faces = []
    for i in range(rings):
        for j in range(sides):
            a, b = i * sides + j, ((i + 1) % rings) * sides + j
            c, d = ((i + 1) % rings) * sides + (j + 1) % sides, i * sides + (j + 1) % sides
            faces += [(a, b, c), (a, c, d)]
    return [(round(x, 4), round(y, 4), round(z, 4)) for x, y, z in points], faces


def obj_text(mesh: Mesh, title: str) -> str:
    points, faces = mesh
    lines = [f"# {title} (wasmblocks sample, CC0-1.0)"]
    lines += [f"v {x:g} {y:g} {z:g}" for x, y, z in points]
    lines += [f"f {a + 1} {b + 1} {c + 1}" for a, b, c in faces]
    return "\n".join(lines) + "\n"


def stl_bytes(mesh: Mesh) -> bytes:
    """Binary STL: an 80-byte header, the count, then each triangle's normal and corners."""
    points, faces = mesh
    body = [b"wasmblocks sample (CC0-1.0)".ljust(80, b" "), struct.pack("<I", len(faces))]
    for a, b, c in faces:
        pa, pb, pc = points[a], points[b], points[c]
        u = [pb[i] - pa[i] for i in range(3)]
        w = [pc[i] - pa[i] for i in range(3)]
        normal = _unit((u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]))
        body.append(struct.pack("<12fH", *normal, *pa, *pb, *pc, 0))
    return b"".join(body)


def gltf(mesh: Mesh, color: tuple[float, float, float], embed: bool) -> tuple[dict[str, Any], bytes]:
    """A glTF 2.0 scene of one mesh with one coloured material; (JSON, binary buffer)."""
    points, faces = mesh
    positions = b"".join(struct.pack("<3f", *p) for p in points)
    indices = b"".join(struct.pack("<3H", *f) for f in faces)
    buffer = positions + indices
    lo = [min(p[i] for p in points) for i in range(3)]
    hi = [max(p[i] for p in points) for i in range(3)]
    doc: dict[str, Any] = {
        "asset": {"version": "2.0", "generator": "wasmblocks sample_media", "copyright": "CC0-1.0"},
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [*color, 1.0], "metallicFactor": 0.0}}],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": len(points), "type": "VEC3", "min": lo, "max": hi},
            {"bufferView": 1, "componentType": 5123, "count": 3 * len(faces), "type": "SCALAR"},
        ],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(positions), "target": 34962},
                        {"buffer": 0, "byteOffset": len(positions), "byteLength": len(indices), "target": 34963}],
        "buffers": [{"byteLength": len(buffer)}],
    }
    if embed:
        doc["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64.b64encode(buffer).decode()
    return doc, buffer


def glb_bytes(mesh: Mesh, color: tuple[float, float, float]) -> bytes:
    """Binary glTF: a 12-byte header, the JSON chunk and the BIN chunk, each padded to 4 bytes."""
    doc, buffer = gltf(mesh, color, embed=False)
    text = json.dumps(doc, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)
    buffer += b"\0" * (-len(buffer) % 4)
    chunks = struct.pack("<I4s", len(text), b"JSON") + text + struct.pack("<I4s", len(buffer), b"BIN\0") + buffer
    return struct.pack("<4sII", b"glTF", 2, 12 + len(chunks)) + chunks


def duck() -> Mesh:
    """A squashed sphere with a smaller sphere for a head: a toy duck."""
    body, faces = icosphere(1)
    head, head_faces = icosphere(1)
    points = [(x * 1.2, y * 0.7, z * 0.8) for x, y, z in body]
    points += [(0.8 + x * 0.45, 0.8 + y * 0.45, z * 0.45) for x, y, z in head]
    offset = len(body)
    return points, faces + [(a + offset, b + offset, c + offset) for a, b, c in head_faces]


# ---- text files ----

SRT = """1
00:00:00,000 --> 00:00:01,000
One

2
00:00:01,000 --> 00:00:02,000
Two

3
00:00:02,000 --> 00:00:04,000
Three, and a longer line
that wraps onto a second one
"""
VTT = ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n一\n\n00:00:01.000 --> 00:00:02.000\n二\n\n"
       "00:00:02.000 --> 00:00:03.000\n三\n")
TRANSCRIPT = [{"text": "一", "timestamp": [0.0, 1.0]}, {"text": "二", "timestamp": [1.0, 2.0]},
              {"text": "三", "timestamp": [2.0, 3.0]}]
TIME_CSV = "time,value,price\n" + "".join(f"{t},{t * (t + 1) // 2},{4 * t}\n" for t in range(1, 8))
# Made-up passengers under the column names of the well-known Titanic table, which demos read.
PASSENGERS = "PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked\n" + "".join(
    f'{i},{(i * 7) % 3 == 0:d},{1 + i % 3},"Passenger, {title} {name}",{sex},{18 + (i * 11) % 50},{i % 2},'
    f'{(i // 2) % 3},T{1000 + i * 37},{round(7.25 + (i * 13.7) % 80, 2)},{"C" + str(i) if i % 3 == 0 else ""},'
    f'{"SCQ"[i % 3]}\n'
    for i, (title, name, sex) in enumerate(
        [("Mr.", "Ash", "male"), ("Mrs.", "Birch", "female"), ("Miss", "Cedar", "female"), ("Mr.", "Dale", "male"),
         ("Master", "Elm", "male"), ("Mrs.", "Fern", "female"), ("Mr.", "Glen", "male"), ("Miss", "Hazel", "female"),
         ("Mr.", "Ivy", "male"), ("Mrs.", "Juniper", "female"), ("Mr.", "Kale", "male"), ("Miss", "Linden", "female")],
        start=1))
LABELS = ["tench", "goldfish", "great white shark", "tiger shark", "hammerhead", "electric ray", "stingray", "cock",
          "hen", "ostrich"]
LICENSE = """The files in this folder were drawn and synthesised by py/wasmblocks_build/sample_media.py for
wasmblocks. They are dedicated to the public domain under CC0-1.0
(https://creativecommons.org/publicdomain/zero/1.0/). Their names follow the sample files Gradio's demos ask
for; their contents are our own.
"""


def text_files() -> dict[str, str | bytes]:
    return {
        "data/s1.srt": SRT, "data/s2.vtt": VTT, "data/s3.json": json.dumps(TRANSCRIPT, ensure_ascii=False, indent=1),
        "data/sample.txt": "hello friends", "data/time.csv": TIME_CSV, "data/titanic.csv": PASSENGERS,
        "data/imagenet_labels.json": json.dumps(LABELS), "LICENSE.txt": LICENSE,
        "models3d/Bunny.obj": obj_text(bunny(), "a long-eared sphere"),
        "models3d/face.obj": obj_text(torus(), "a ring"),
        "models3d/sofia.stl": stl_bytes(icosphere(1)),
        "models3d/Duck.glb": glb_bytes(duck(), (1.0, 0.8, 0.1)),
        "models3d/Fox.gltf": json.dumps(gltf(torus(12, 6), (0.9, 0.45, 0.1), embed=True)[0], indent=1),
    }


def _write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def _write_image(path: Path, art: str, width: int, height: int, codec: str) -> None:
    path.write_bytes(encode_image(picture(art, width, height), codec))


IMAGES = {"cheetah.jpg": ("cheetah", 160, 106, "mjpeg"), "cheetah1.jpg": ("cheetah", 120, 90, "mjpeg"),
          "lion.jpg": ("lion", 120, 90, "mjpeg"), "tower.jpg": ("tower", 90, 120, "mjpeg"),
          "groot.jpeg": ("groot", 120, 120, "mjpeg"), "bus.png": ("bus", 64, 64, "png"),
          "avatar.png": ("face", 64, 64, "png"), "logo.png": ("face", 64, 64, "png"),
          "hf-logo_transpng.png": ("face", 96, 96, "png")}
MP3S: dict[str, list[tuple[float, float]]] = {
    "cate_blanch.mp3": [(320, 0.6), (400, 0.6), (500, 1.2)], "cate_blanch_2.mp3": [(500, 0.6), (400, 0.6), (320, 1.2)],
    "heath_ledger.mp3": [(250, 1.0), (200, 1.0)]}
VIDEOS: dict[str, dict[str, Any]] = {"world.mp4": {"seconds": 3, "hue": 2}, "a.mp4": {"seconds": 3, "hue": 0},
                                     "b.mp4": {"seconds": 2, "hue": 1},
                                     "muted_b.mp4": {"seconds": 2, "hue": 1, "audio": None}}


def main(out: Path = OUT) -> None:
    files: dict[str, Callable[[Path], None]] = {}
    for rel, content in text_files().items():
        files[rel] = functools.partial(_write_bytes, data=content.encode() if isinstance(content, str) else content)
    for name, tune in TUNES.items():
        files[f"audio/{name}"] = functools.partial(write_wav, samples=melody(tune))
    for name, notes in MP3S.items():
        files[f"audio/{name}"] = functools.partial(write_mp3, notes=notes)
    for name, (art, width, height, codec) in IMAGES.items():
        files[f"images/{name}"] = functools.partial(_write_image, art=art, width=width, height=height, codec=codec)
    files["images/screenshot.gif"] = functools.partial(write_gif, frames=[picture("bus", 64, 40),
                                                                          picture("face", 64, 40)])
    for name, options in VIDEOS.items():
        files[f"videos/{name}"] = functools.partial(write_video, **options)
    for rel, write in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path)
        print(f"{rel}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
