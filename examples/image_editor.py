"""Image editor: draw on layers over a background, then inspect what Python receives.

gr.ImageEditor with type="filepath" hands the function PNG files (background, each layer, composite), so
this app needs neither numpy nor Pillow: a small PNG reader (zlib + struct) measures them. Also shows
gr.Sketchpad and gr.ImageMask, the editor's templates, and an editor whose value a function sets.
"""

import os
import struct
import tempfile
import zlib

import gradio as gr


# ---- a tiny PNG reader (8-bit gray/RGB/RGBA, not interlaced): what the canvas writes ----
def png_chunks(path):
    """(IHDR fields, joined IDAT bytes) of a PNG file."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise gr.Error(f"{path} is not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    return header, idat


def png_size(path):
    width, height, *_ = png_chunks(path)[0]
    return width, height


def read_png(path, last_row=None):
    """(width, height, rows): rows[y][x] is (r, g, b, a); only rows up to last_row when given."""
    (width, height, depth, color, _, _, interlace), idat = png_chunks(path)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(color)
    if depth != 8 or channels is None or interlace:
        raise gr.Error("only 8-bit, non-interlaced gray/RGB/RGBA PNGs are read here")
    raw, stride = zlib.decompress(idat), width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height if last_row is None else last_row + 1):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if not any(line) and (kind == 2 or not any(prev)):
            line = bytearray(prev)  # nothing changes from the row above (empty layers are mostly this)
        else:
            unfilter(kind, line, prev, channels)
        prev = line
        rows.append([expand(tuple(line[x * channels:(x + 1) * channels])) for x in range(width)])
    return width, height, rows


def unfilter(kind, line, prev, channels):
    for i in range(len(line)):
        a = line[i - channels] if i >= channels else 0
        b, c = prev[i], prev[i - channels] if i >= channels else 0
        if kind == 1:
            line[i] = (line[i] + a) & 255
        elif kind == 2:
            line[i] = (line[i] + b) & 255
        elif kind == 3:
            line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255


def expand(p):
    if len(p) == 1:
        return (p[0], p[0], p[0], 255)
    if len(p) == 2:
        return (p[0], p[0], p[0], p[1])
    return p if len(p) == 4 else (*p, 255)


def hex_color(p):
    return "#{:02x}{:02x}{:02x}".format(*p[:3]) + ("" if p[3] == 255 else f" alpha {p[3]}")


# ---- event functions ----
def summary(value):
    if value is None or value["composite"] is None:
        return "Nothing yet: upload a background or pick the brush and draw."
    width, height = png_size(value["composite"])
    lines = [f"Composite {width}×{height}, {len(value['layers'])} layer(s)"]
    for i, layer in enumerate(value["layers"]):
        w, h, rows = read_png(layer)
        painted = sum(1 for row in rows for p in row if p[3] > 0)
        lines.append(f"Layer {i + 1}: {100 * painted / (w * h):.1f}% painted")
    return "\n".join(lines)


def pixel(value, x, y):
    if value is None or value["composite"] is None:
        return "Nothing drawn"
    width, height = png_size(value["composite"])
    x, y = int(x), int(y)
    if not (0 <= x < width and 0 <= y < height):
        raise gr.Error(f"({x}, {y}) is outside the {width}×{height} composite")
    rows = read_png(value["composite"], last_row=y)[2]
    return f"({x}, {y}) is {hex_color(rows[y][x])}"


def checkerboard():
    """A background made in Python: a 4×4-cell PNG written with zlib (no Pillow needed)."""
    size, cell = 240, 60
    body = b"".join(
        b"\x00" + b"".join(b"\xee\xee\xee" if (x // cell + y // cell) % 2 else b"\x33\x66\x99" for x in range(size))
        for y in range(size)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(body)) + chunk(b"IEND", b""))
    path = os.path.join(tempfile.gettempdir(), "checkerboard.png")
    with open(path, "wb") as handle:
        handle.write(png)
    return {"background": path, "layers": [], "composite": None}


with gr.Blocks(title="Image editor") as demo:
    gr.Markdown("# Image editor\nUpload, paste or photograph a background, draw on layers, crop or resize it.")
    with gr.Tab("Editor"):
        with gr.Row():
            editor = gr.ImageEditor(
                label="Editor",
                type="filepath",
                canvas_size=(400, 300),
                brush=gr.Brush(colors=["#e11d48", "#2563eb", ("#16a34a", 0.5)], default_size=8),
                eraser=gr.Eraser(default_size=12),
                layers=gr.LayerOptions(layers=["Sketch"]),
                elem_id="editor",
            )
            with gr.Column():
                info = gr.Textbox(label="What Python received", lines=4)
                preview = gr.Image(label="Composite", type="filepath", interactive=False)
        with gr.Row():
            x = gr.Number(label="X", value=200, precision=0)
            y = gr.Number(label="Y", value=150, precision=0)
            read = gr.Button("Read pixel")
            board = gr.Button("Checkerboard background")
        color = gr.Textbox(label="Pixel")
        uploads = gr.Number(label="Uploads", value=0, precision=0)
        applied = gr.Number(label="Applied", value=0, precision=0)
        clears = gr.Number(label="Clears", value=0, precision=0)

        editor.change(summary, editor, info, show_progress="hidden")
        editor.change(lambda v: v and v["composite"], editor, preview, show_progress="hidden")
        editor.upload(lambda n: n + 1, uploads, uploads, show_progress="hidden")
        editor.apply(lambda n: n + 1, applied, applied, show_progress="hidden")
        editor.clear(lambda n: n + 1, clears, clears, show_progress="hidden")
        read.click(pixel, [editor, x, y], color)
        board.click(checkerboard, None, editor)
    with gr.Tab("Sketchpad"):
        pad = gr.Sketchpad(label="Sketchpad", type="filepath", canvas_size=(300, 300))
        pad_info = gr.Textbox(label="Sketch")
        pad.change(summary, pad, pad_info, show_progress="hidden")
    with gr.Tab("Mask"):
        mask = gr.ImageMask(label="Mask", type="filepath", canvas_size=(300, 300))
        mask_info = gr.Textbox(label="Mask info")
        mask.change(summary, mask, mask_info, show_progress="hidden")

if __name__ == "__main__":
    demo.launch()
