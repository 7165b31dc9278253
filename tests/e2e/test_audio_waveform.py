"""gr.Audio draws Gradio's waveform (wavesurfer.js) with gr.WaveformOptions' colours and skip length; the
<audio> element underneath stays the player; show_recording_waveform=False gives the browser's player; an
editable Audio trims to a region in trim_region_color, at sample_rate, and resets to its first value."""

import textwrap

import pytest
from playwright.sync_api import expect

APP = textwrap.dedent('''
    import math, struct, wave
    import gradio as gr

    with wave.open("tone.wav", "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(12000 * math.sin(i / 4))) for i in range(8000 * 4)))

    with gr.Blocks() as demo:
        coloured = gr.Audio("tone.wav", label="Coloured", type="filepath", waveform_options=gr.WaveformOptions(
            waveform_color="#ff0000", waveform_progress_color="#00ff00", skip_length=25))
        where = gr.Number(label="Position")

        def position(a: gr.Audio):  # Gradio hands over the component's props with its value
            return round(a.playback_position, 1)

        gr.Button("Where is it").click(position, coloured, where)
        gr.Button("Jump").click(lambda: gr.Audio(playback_position=3.0), outputs=coloured)
        gr.Audio("tone.wav", label="Plain", waveform_options={"show_recording_waveform": False})
        editable = gr.Audio("tone.wav", label="Editable", type="filepath",
                            waveform_options=gr.WaveformOptions(trim_region_color="#0000ff", sample_rate=8000))
        length = gr.Textbox(label="Length")

        def seconds(path):
            with wave.open(path) as w:
                return f"{w.getnframes() / w.getframerate():.2f} s at {w.getframerate()} Hz"

        editable.change(seconds, editable, length)
''')

# How many opaque pixels of each colour the waveform's canvases hold (wavesurfer draws them in a shadow root).
COUNT_COLOURS = """(wrapper, colours) => {
  const host = wrapper.querySelector('.waveform-container > div');
  const canvases = host && host.shadowRoot ? [...host.shadowRoot.querySelectorAll('canvas')] : [];
  const counts = colours.map(() => 0);
  for (const canvas of canvases) {
    if (!canvas.width || !canvas.height) continue;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4) {
      colours.forEach(([r, g, b], k) => {
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) counts[k]++;
      });
    }
  }
  return counts;
}"""


@pytest.fixture(scope="module")
def page(app_opener, source_url):
    page = app_opener(source_url("audio_waveform.py", APP))
    yield page
    page.context.close()


def test_waveform_options_colour_the_drawn_waveform(page):
    wave = page.get_by_test_id("waveform-Coloured")
    expect(wave).to_be_visible()
    # The bars are drawn in waveform_color, their played copy in waveform_progress_color (Gradio's grey and
    # accent are neither).
    page.wait_for_function(f"w => ({COUNT_COLOURS})(w, [[255, 0, 0], [0, 255, 0]]).every(n => n > 100)",
                           arg=wave.element_handle())
    # The played copy shows as far as the audio has played: half of it at 2 s of 4.
    page.get_by_test_id("Coloured-audio").evaluate("el => { el.currentTime = 2; }")
    page.wait_for_function(
        "w => w.querySelector('.waveform-container > div').shadowRoot.querySelector('.progress').style.width === '50%'",
        arg=wave.element_handle())


def test_skip_buttons_move_by_skip_length_percent(page):
    audio = page.get_by_test_id("Coloured-audio")
    page.wait_for_function("el => el.readyState >= 1", arg=audio.element_handle())
    audio.evaluate("el => { el.currentTime = 0; }")
    wave = page.get_by_test_id("waveform-Coloured")
    # 25 % of a 4 s tone: 1 s a step.
    wave.get_by_role("button", name="Skip forward by 1 seconds").click()
    page.wait_for_function("el => Math.abs(el.currentTime - 1) < 0.01", arg=audio.element_handle())
    wave.get_by_role("button", name="Skip forward by 1 seconds").click()
    wave.get_by_role("button", name="Skip backwards by 1 seconds").click()
    page.wait_for_function("el => Math.abs(el.currentTime - 1) < 0.01", arg=audio.element_handle())


def test_play_button_and_speed_drive_the_audio_element(page):
    audio = page.get_by_test_id("Coloured-audio")
    audio.evaluate("el => { el.muted = true; }")
    wave = page.get_by_test_id("waveform-Coloured")
    wave.get_by_role("button", name="Adjust playback speed to 1.5x").click()
    expect(wave.get_by_role("button", name="Adjust playback speed to 2x")).to_be_visible()
    assert audio.evaluate("el => el.playbackRate") == 1.5
    wave.get_by_role("button", name="Play", exact=True).click()
    page.wait_for_function("el => !el.paused", arg=audio.element_handle())
    wave.get_by_role("button", name="Pause", exact=True).click()
    page.wait_for_function("el => el.paused", arg=audio.element_handle())


def test_without_the_waveform_the_browser_player_shows(page):
    expect(page.get_by_test_id("waveform-Plain")).to_have_count(0)
    expect(page.get_by_test_id("Plain-audio")).to_be_visible()
    expect(page.get_by_test_id("Coloured-audio")).to_be_hidden()


def test_trim_cuts_the_region_in_its_colour_and_reset_brings_the_audio_back(page):
    wave = page.get_by_test_id("waveform-Editable")
    expect(wave.get_by_role("button", name="Trim audio to selection")).to_be_visible()
    page.wait_for_function(f"w => ({COUNT_COLOURS})(w, [[156, 163, 175]])[0] > 100", arg=wave.element_handle())
    wave.get_by_role("button", name="Trim audio to selection").click()
    region = "w => w.querySelector('.waveform-container > div').shadowRoot.querySelector('[part^=\"region \"]')"
    page.wait_for_function(f"w => ({region})(w) && ({region})(w).style.backgroundColor === 'rgb(0, 0, 255)'",
                           arg=wave.element_handle())
    # Gradio's first region is the second quarter: 1 s of the 4 s tone, written at sample_rate.
    wave.get_by_role("button", name="Trim", exact=True).click()
    expect(page.get_by_label("Length")).to_have_value("1.00 s at 8000 Hz")
    player = page.get_by_test_id("Editable-audio")
    page.wait_for_function("el => Math.abs(el.duration - 1) < 0.01", arg=player.element_handle())
    wave = page.get_by_test_id("waveform-Editable")
    wave.get_by_role("button", name="Reset audio").click()
    expect(page.get_by_label("Length")).to_have_value("4.00 s at 8000 Hz")


def test_functions_read_and_set_the_playback_position(page):
    audio = page.get_by_test_id("Coloured-audio")
    page.wait_for_function("el => el.readyState >= 1", arg=audio.element_handle())
    audio.evaluate("el => { el.pause(); el.currentTime = 2.5; }")
    page.get_by_role("button", name="Where is it").click()
    expect(page.get_by_label("Position")).to_have_value("2.5")
    page.get_by_role("button", name="Jump").click()
    page.wait_for_function("el => Math.abs(el.currentTime - 3) < 0.01", arg=audio.element_handle())
