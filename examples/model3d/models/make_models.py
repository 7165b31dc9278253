"""Write the sample models beside this file with the standard library: a unit cube as .obj, .glb, .gltf,
.stl and .ply, a point-cloud .ply, and a small Gaussian splat as .splat and as a 3DGS .ply.

Run `python3 examples/model3d/models/make_models.py`; the output is deterministic, so the committed files
change only when this script does.
"""

from __future__ import annotations

import base64
import json
import math
import random
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The six faces of the unit cube: (normal, four corners counter-clockwise seen from outside, RGB colour).
FACES = [
    ((1, 0, 0), [(1, -1, -1), (1, 1, -1), (1, 1, 1), (1, -1, 1)], (0.90, 0.30, 0.25)),
    ((-1, 0, 0), [(-1, -1, 1), (-1, 1, 1), (-1, 1, -1), (-1, -1, -1)], (0.25, 0.75, 0.85)),
    ((0, 1, 0), [(-1, 1, -1), (-1, 1, 1), (1, 1, 1), (1, 1, -1)], (0.35, 0.80, 0.35)),
    ((0, -1, 0), [(-1, -1, 1), (-1, -1, -1), (1, -1, -1), (1, -1, 1)], (0.85, 0.35, 0.80)),
    ((0, 0, 1), [(-1, -1, 1), (1, -1, 1), (1, 1, 1), (-1, 1, 1)], (0.30, 0.40, 0.90)),
    ((0, 0, -1), [(1, -1, -1), (-1, -1, -1), (-1, 1, -1), (1, 1, -1)], (0.95, 0.80, 0.25)),
]
HALF = 0.5  # corners at ±0.5: a cube of side 1 centred on the origin


def corners() -> list[tuple[float, float, float]]:
    """The 8 distinct corners, in a fixed order (OBJ and PLY share vertices between faces)."""
    seen: list[tuple[float, float, float]] = []
    for _, quad, _ in FACES:
        for c in quad:
            p = (c[0] * HALF, c[1] * HALF, c[2] * HALF)
            if p not in seen:
                seen.append(p)
    return seen


def write_obj(path: Path) -> None:
    verts = corners()
    lines = ["# unit cube", "o cube"]
    lines += [f"v {x} {y} {z}" for x, y, z in verts]
    lines += [f"vn {n[0]} {n[1]} {n[2]}" for n, _, _ in FACES]
    for i, (_, quad, _) in enumerate(FACES):
        idx = [verts.index((c[0] * HALF, c[1] * HALF, c[2] * HALF)) + 1 for c in quad]
        lines.append(" ".join(["f", *(f"{v}//{i + 1}" for v in idx)]))
    path.write_text("\n".join(lines) + "\n")


def write_ply_mesh(path: Path) -> None:
    """ASCII PLY with per-vertex colours: 4 vertices per face so each face keeps its own colour."""
    rows, faces = [], []
    for _, quad, rgb in FACES:
        start = len(rows)
        for c in quad:
            rows.append(f"{c[0] * HALF} {c[1] * HALF} {c[2] * HALF} " + " ".join(str(round(v * 255)) for v in rgb))
        faces.append(f"4 {start} {start + 1} {start + 2} {start + 3}")
    header = [
        "ply", "format ascii 1.0", f"element vertex {len(rows)}",
        "property float x", "property float y", "property float z",
        "property uchar red", "property uchar green", "property uchar blue",
        f"element face {len(faces)}", "property list uchar int vertex_indices", "end_header",
    ]
    path.write_text("\n".join(header + rows + faces) + "\n")


def write_ply_points(path: Path) -> None:
    """A point cloud (vertices only, no faces): a spiral on a sphere, coloured by height."""
    n = 600
    rows = []
    for i in range(n):
        y = 1 - 2 * (i + 0.5) / n
        r = math.sqrt(1 - y * y)
        a = i * math.pi * (3 - math.sqrt(5))
        rgb = (int(255 * (y + 1) / 2), 120, int(255 * (1 - y) / 2))
        x, z = r * math.cos(a) * HALF, r * math.sin(a) * HALF
        rows.append(f"{x:.4f} {y * HALF:.4f} {z:.4f} {rgb[0]} {rgb[1]} {rgb[2]}")
    header = [
        "ply", "format ascii 1.0", f"element vertex {n}",
        "property float x", "property float y", "property float z",
        "property uchar red", "property uchar green", "property uchar blue", "end_header",
    ]
    path.write_text("\n".join(header + rows) + "\n")


def write_stl(path: Path) -> None:
    """Binary STL: 80-byte header, triangle count, then normal + 3 vertices + attribute per triangle."""
    tris = []
    for n, quad, _ in FACES:
        q = [tuple(v * HALF for v in c) for c in quad]
        tris += [(n, q[0], q[1], q[2]), (n, q[0], q[2], q[3])]
    body = b"".join(struct.pack("<12fH", *n, *a, *b, *c, 0) for n, a, b, c in tris)
    path.write_bytes(b"wasmblocks unit cube".ljust(80, b"\0") + struct.pack("<I", len(tris)) + body)


def srgb_to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def gltf_parts() -> tuple[dict, bytes]:
    """The glTF JSON (without `buffers[0].uri`) and its binary buffer: positions, normals, colours, indices."""
    pos, nor, col, idx = [], [], [], []
    for n, quad, rgb in FACES:
        start = len(pos) // 3
        for c in quad:
            pos += [v * HALF for v in c]
            nor += list(n)
            col += [srgb_to_linear(c) for c in rgb]  # glTF vertex colours are linear
        idx += [start, start + 1, start + 2, start, start + 2, start + 3]
    blobs = [struct.pack(f"<{len(a)}f", *a) for a in (pos, nor, col)] + [struct.pack(f"<{len(idx)}H", *idx)]
    views, offset = [], 0
    for i, blob in enumerate(blobs):
        views.append({"buffer": 0, "byteOffset": offset, "byteLength": len(blob), "target": 34963 if i == 3 else 34962})
        offset += len(blob)
        offset += (-offset) % 4
    data = b"".join(blob + b"\0" * ((-len(blob)) % 4) for blob in blobs)
    count = len(pos) // 3
    doc = {
        "asset": {"version": "2.0", "generator": "wasmblocks make_models.py"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "name": "cube"}],
        "meshes": [{"primitives": [
            {"attributes": {"POSITION": 0, "NORMAL": 1, "COLOR_0": 2}, "indices": 3, "material": 0},
        ]}],
        "materials": [
            {"pbrMetallicRoughness": {"baseColorFactor": [1, 1, 1, 1], "metallicFactor": 0, "roughnessFactor": 0.8}},
        ],
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": count, "type": "VEC3",
             "min": [-HALF] * 3, "max": [HALF] * 3},
            {"bufferView": 1, "componentType": 5126, "count": count, "type": "VEC3"},
            {"bufferView": 2, "componentType": 5126, "count": count, "type": "VEC3"},
            {"bufferView": 3, "componentType": 5123, "count": len(idx), "type": "SCALAR"},
        ],
        "bufferViews": views,
        "buffers": [{"byteLength": len(data)}],
    }
    return doc, data


def write_glb(path: Path) -> None:
    doc, data = gltf_parts()
    text = json.dumps(doc, separators=(",", ":")).encode()
    text += b" " * ((-len(text)) % 4)
    chunks = struct.pack("<I4s", len(text), b"JSON") + text + struct.pack("<I4s", len(data), b"BIN\0") + data
    path.write_bytes(struct.pack("<4sII", b"glTF", 2, 12 + len(chunks)) + chunks)


def write_gltf(path: Path) -> None:
    """The same cube as a .gltf with its buffer inline (a data: URI), so the one file is the whole model."""
    doc, data = gltf_parts()
    doc["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    path.write_text(json.dumps(doc, indent=1) + "\n")


def splats(n: int = 400) -> list[tuple[tuple[float, float, float], float, tuple[int, int, int], float]]:
    """Gaussians on a sphere: (position, scale, RGB 0-255, opacity 0-1), from a fixed seed."""
    rng = random.Random(3)
    out = []
    for i in range(n):
        y = 1 - 2 * (i + 0.5) / n
        r = math.sqrt(1 - y * y)
        a = i * math.pi * (3 - math.sqrt(5))
        p = (r * math.cos(a) * HALF, y * HALF, r * math.sin(a) * HALF)
        rgb = (int(200 * (y + 1) / 2) + 40, rng.randint(60, 200), int(200 * (1 - y) / 2) + 40)
        out.append((p, 0.045, rgb, 0.95))
    return out


def write_splat(path: Path) -> None:
    """antimatter15's .splat: per splat 3 float32 position, 3 float32 scale, RGBA uint8, quaternion uint8."""
    rows = []
    for p, s, rgb, alpha in splats():
        rows.append(struct.pack("<6f4B4B", *p, s, s, s, *rgb, round(alpha * 255), 255, 128, 128, 128))
    path.write_bytes(b"".join(rows))


def write_splat_ply(path: Path) -> None:
    """The 3DGS training output layout: log scales, logit opacity, degree-0 spherical-harmonic colour."""
    sh0 = 0.28209479177387814
    names = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2",
             "rot_0", "rot_1", "rot_2", "rot_3"]
    rows = []
    for p, s, rgb, alpha in splats():
        dc = [(c / 255 - 0.5) / sh0 for c in rgb]
        logit = math.log(alpha / (1 - alpha))
        rows.append(struct.pack("<14f", *p, *dc, logit, *(math.log(s),) * 3, 1, 0, 0, 0))
    header = ["ply", "format binary_little_endian 1.0", f"element vertex {len(rows)}"]
    header += [f"property float {name}" for name in names] + ["end_header"]
    path.write_bytes(("\n".join(header) + "\n").encode() + b"".join(rows))


def main() -> None:
    write_obj(HERE / "cube.obj")
    write_glb(HERE / "cube.glb")
    write_gltf(HERE / "cube.gltf")
    write_stl(HERE / "cube.stl")
    write_ply_mesh(HERE / "cube.ply")
    write_ply_points(HERE / "points.ply")
    write_splat(HERE / "sphere.splat")
    write_splat_ply(HERE / "sphere_splat.ply")


if __name__ == "__main__":
    main()
