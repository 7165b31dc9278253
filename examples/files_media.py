"""Files and media (issue 7, "Components II"): File, UploadButton, DownloadButton, Image, Gallery,
AnnotatedImage, ImageSlider, Audio and Video — all with the standard library only (no numpy, no Pillow).

Images are made and flipped with zlib/struct (PNG) or plain bytes (24-bit BMP); sound is a sine tone
written with `wave`. One Image uses type="numpy" on purpose: it shows the error you get when numpy cannot
be loaded (offline).
"""

import math
import os
import struct
import tempfile
import wave
import zlib

import gradio as gr

OUT = tempfile.mkdtemp(prefix="files-media-")


# ---- tiny image helpers (stdlib only) ----
def png_bytes(width, height, pixel):
    """An RGB PNG where pixel(x, y) -> (r, g, b)."""
    rows = b"".join(b"\x00" + bytes(c for x in range(width) for c in pixel(x, y)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def write(name, data):
    path = os.path.join(OUT, name)
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def flip_bmp(data):
    """Mirror an uncompressed 24-bit BMP left to right (rows are padded to 4 bytes)."""
    if data[:2] != b"BM":
        raise gr.Error("Please upload a 24-bit BMP image (this demo flips it without Pillow)")
    offset, = struct.unpack_from("<I", data, 10)
    width, height = struct.unpack_from("<ii", data, 18)
    bits, = struct.unpack_from("<H", data, 28)
    if bits != 24:
        raise gr.Error(f"Only 24-bit BMP images can be flipped here, this one has {bits} bits per pixel")
    stride = (width * 3 + 3) & ~3
    out = bytearray(data)
    for row in range(abs(height)):
        start = offset + row * stride
        pixels = [data[start + 3 * x:start + 3 * x + 3] for x in range(width)]
        out[start:start + 3 * width] = b"".join(reversed(pixels))
    return bytes(out)


SWATCHES = [("red", (220, 40, 40)), ("green", (40, 180, 80)), ("blue", (40, 90, 220))]
SWATCH_FILES = [(write(f"{name}.png", png_bytes(16, 16, lambda x, y, c=rgb: c)), name) for name, rgb in SWATCHES]
GRADIENT = write("gradient.png", png_bytes(64, 48, lambda x, y: (x * 4, y * 5, 128)))
GRADIENT_FLIPPED = write("gradient-flipped.png", png_bytes(64, 48, lambda x, y: ((63 - x) * 4, y * 5, 128)))


# ---- event functions ----
def shout_files(paths):
    """Upper-case each uploaded text file; return the new files and the first one for the download button."""
    if not paths:
        raise gr.Error("Upload at least one text file first")
    outputs = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        outputs.append(write("SHOUT-" + os.path.basename(path), text.upper().encode("utf-8")))
    return outputs, outputs[0], f"{len(paths)} file(s) processed"


def reverse_upload(path):
    with open(path, "rb") as handle:
        return handle.read()[::-1]


def count_bytes(data):
    return "no file" if data is None else f"{len(data)} bytes, starts with {data[:4]!r}"


def flip(path):
    with open(path, "rb") as handle:
        return write("flipped.bmp", flip_bmp(handle.read()))


def image_click(evt: gr.SelectData):
    return f"Clicked pixel {evt.index}"


def gallery_select(evt: gr.SelectData):
    return f"Selected {evt.index}: {evt.value['caption']}"


def tone(seconds, frequency):
    """A sine tone as a 16-bit mono WAV file, written with the stdlib `wave` module."""
    rate = 8000
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * frequency * i / rate))) for i in range(int(rate * seconds))
    )
    path = os.path.join(OUT, f"tone-{frequency:g}hz.wav")
    with wave.open(path, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(frames)
    return path, path


def describe_audio(path):
    if path is None:
        return "no audio"
    try:
        with wave.open(path, "rb") as wav:
            return f"{wav.getnframes() / wav.getframerate():.2f} s at {wav.getframerate()} Hz"
    except wave.Error:
        return f"{os.path.basename(path)}: not a WAV file ({os.path.getsize(path)} bytes)"


def numpy_shape(image):
    return f"shape {image.shape}"


with gr.Blocks(title="Files and media", delete_cache=(600, 3600)) as demo:
    gr.Markdown("# Files and media\nEverything runs in your browser; uploads land in the worker's file system.")
    with gr.Tab("Files"):
        with gr.Row():
            files_in = gr.File(label="Text files", file_count="multiple", file_types=[".txt", ".csv"])
            files_out = gr.File(label="Shouted files", file_count="multiple")
        with gr.Row():
            shout = gr.Button("Shout", variant="primary")
            download = gr.DownloadButton("Download first result")
            files_status = gr.Textbox(label="Files status")
        shout.click(shout_files, files_in, [files_out, download, files_status])
        with gr.Row():
            upload_btn = gr.UploadButton("Upload a file to reverse", file_types=[".txt"])
            reversed_out = gr.File(label="Reversed file")
        upload_btn.upload(reverse_upload, upload_btn, reversed_out)
        with gr.Row():
            binary_in = gr.File(label="Binary input", type="binary")
            binary_info = gr.Textbox(label="Binary info")
        binary_in.upload(count_bytes, binary_in, binary_info)
    with gr.Tab("Images"):
        with gr.Row():
            image_in = gr.Image(label="Image to flip", type="filepath", sources=["upload"])
            image_out = gr.Image(label="Flipped image", type="filepath")
        flip_btn = gr.Button("Flip")
        flip_btn.click(flip, image_in, image_out)
        clicked = gr.Textbox(label="Clicked pixel")
        image_out.select(image_click, None, clicked)
        gallery = gr.Gallery(value=SWATCH_FILES, label="Swatches", columns=3, interactive=False)
        selected = gr.Textbox(label="Gallery selection")
        gallery.select(gallery_select, None, selected)
        gr.AnnotatedImage(value=(GRADIENT, [((4, 4, 30, 20), "left box"), ((34, 20, 60, 44), "right box")]), label="Boxes")
        gr.ImageSlider(value=(GRADIENT, GRADIENT_FLIPPED), type="filepath", label="Before / after")
        with gr.Row():
            numpy_in = gr.Image(label="Needs numpy", type="numpy", sources=["upload"])
            numpy_out = gr.Textbox(label="Array shape")
        gr.Button("Read as array").click(numpy_shape, numpy_in, numpy_out)
    with gr.Tab("Audio and video"):
        with gr.Row():
            seconds = gr.Slider(0.2, 3, value=1, step=0.1, label="Seconds")
            frequency = gr.Number(440, label="Frequency (Hz)")
        make = gr.Button("Make a tone")
        with gr.Row():
            tone_audio = gr.Audio(label="Tone", type="filepath")
            tone_video = gr.Video(label="Tone as video")
        make.click(tone, [seconds, frequency], [tone_audio, tone_video])
        with gr.Row():
            audio_in = gr.Audio(label="Your audio", type="filepath", sources=["upload", "microphone"])
            audio_info = gr.Textbox(label="Audio info")
        audio_in.change(describe_audio, audio_in, audio_info)

demo.launch(max_file_size="64kb")
