"""3-D models (gr.Model3D): glTF/GLB, OBJ, STL, PLY meshes and point clouds, and Gaussian splats, in an orbit
viewer (drag to rotate, wheel or pinch to zoom, right-drag to pan, ↺ to go back to the first view).

Upload a model on the left to see the path and name your function receives; pick a sample on the right to
change the viewer's value, display_mode and camera_position from Python. The samples are tiny files made by
models/make_models.py.
"""

import os

import gradio as gr

MODELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")
SAMPLES = {
    "Cube (.glb)": "cube.glb",
    "Cube (.gltf)": "cube.gltf",
    "Cube (.obj)": "cube.obj",
    "Cube (.stl)": "cube.stl",
    "Cube (.ply, coloured faces)": "cube.ply",
    "Sphere of points (.ply)": "points.ply",
    "Sphere of splats (.splat)": "sphere.splat",
    "Sphere of splats (.ply splat)": "sphere_splat.ply",
}


def sample(name):
    return os.path.join(MODELS, SAMPLES[name])


def describe(path):
    """What the upload listener received: Model3D passes a file path."""
    if path is None:
        return "nothing (the model was cleared)"
    return f"path: {path}\nname: {os.path.basename(path)}\nsize: {os.path.getsize(path)} bytes"


with gr.Blocks(title="3-D models") as demo:
    gr.Markdown("# 3-D models\nA `gr.Model3D` viewer for .glb, .gltf, .obj, .stl, .ply and .splat files.")
    with gr.Row():
        with gr.Column():
            upload = gr.Model3D(label="Upload a model", interactive=True)
            received = gr.Textbox(label="What Python received", lines=3)
            with gr.Row():
                changes = gr.Number(label="# Change Events", value=0)
                uploads = gr.Number(label="# Upload Events", value=0)
                clears = gr.Number(label="# Clear Events", value=0)
            examples = ("Cube (.obj)", "Cube (.stl)", "Sphere of splats (.splat)")
            gr.Examples([[sample(n)] for n in examples], inputs=[upload])
        with gr.Column():
            choice = gr.Radio(list(SAMPLES), value="Cube (.glb)", label="Sample")
            mode = gr.Radio(["solid", "wireframe", "point_cloud"], value="solid", label="Display mode")
            top = gr.Button("Top view")
            viewer = gr.Model3D(
                sample("Cube (.glb)"),
                label="Sample model",
                clear_color=(0.93, 0.94, 0.96, 1.0),
                camera_position=(45, 65, None),
                zoom_speed=1.5,
                height=360,
                buttons=[top],
            )

    upload.upload(lambda p, n: (describe(p), n + 1), [upload, uploads], [received, uploads])
    upload.change(lambda n: n + 1, changes, changes)
    upload.clear(lambda p, n: (describe(p), n + 1), [upload, clears], [received, clears])
    choice.change(sample, choice, viewer)
    mode.change(lambda m: gr.Model3D(display_mode=m), mode, viewer)
    top.click(lambda: gr.Model3D(camera_position=(90, 1, None)), None, viewer)

if __name__ == "__main__":
    demo.launch()
