"""Flagging (flagging.py): Gradio's CSV loggers write the same files, and an Interface's Flag buttons use them."""

import csv
import os

import pytest

import wasmblocks as gr
from wasmblocks.client import Client
from wasmblocks.files import file_data
from wasmblocks.flagging import CSVLogger, FlagMethod, sanitize_for_csv


def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _button(demo, value):
    return next(b for b in demo.blocks().values() if isinstance(b, gr.Button) and b.value == value)


def test_csv_logger_writes_gradio_headers_and_rows(tmp_path):
    name, out = gr.Textbox(label="name"), gr.Textbox(label="greeting")
    logger = CSVLogger(verbose=False)
    logger.setup([name, out], str(tmp_path))
    assert logger.flag(["Ada", "Hi Ada"]) == 1
    assert logger.flag(["=1+1", "x"], flag_option="bad") == 2
    rows = _rows(tmp_path / "dataset1.csv")
    assert rows[0] == ["name", "greeting", "timestamp"]
    assert rows[1][:2] == ["Ada", "Hi Ada"]
    # A formula is defused as Gradio does; flag_option after the header was made adds a cell, as in Gradio.
    assert rows[2][:3] == ["'=1+1", "x", "bad"]


def test_new_headers_start_a_new_dataset_file(tmp_path):
    logger = CSVLogger(verbose=False)
    logger.setup([gr.Textbox(label="a")], str(tmp_path))
    logger.flag(["1"])
    other = CSVLogger(verbose=False)
    other.setup([gr.Textbox(label="b")], str(tmp_path))
    other.flag(["2"], flag_option="Good")
    assert _rows(tmp_path / "dataset2.csv")[0] == ["b", "flag", "timestamp"]
    same = CSVLogger(verbose=False)  # same headers as the newest file: rows go on there
    same.setup([gr.Textbox(label="b")], str(tmp_path))
    same.flag(["3"], flag_option="Bad")
    assert [r[0] for r in _rows(tmp_path / "dataset2.csv")] == ["b", "2", "3"]
    assert not (tmp_path / "dataset3.csv").exists()


def test_flagged_files_are_copied_into_the_flagging_dir(tmp_path):
    source = tmp_path / "cat.txt"
    source.write_text("meow")
    logger = CSVLogger(verbose=False)
    logger.setup([gr.File(label="upload")], str(tmp_path / "flags"))
    logger.flag([dict(file_data(str(source)))])
    cell = _rows(tmp_path / "flags" / "dataset1.csv")[1][0]
    assert cell != str(source) and cell.endswith("cat.txt")
    assert os.path.dirname(os.path.dirname(cell)) == str(tmp_path / "flags" / "upload")
    assert open(cell).read() == "meow"


def test_simple_csv_logger_has_no_header(tmp_path):
    logger = gr.SimpleCSVLogger()
    logger.setup([gr.Number(label="n")], str(tmp_path))
    logger.flag([3])
    logger.flag([4])
    assert _rows(tmp_path / "log.csv") == [["3"], ["4"]]


def test_sanitize_keeps_numbers_and_json():
    assert sanitize_for_csv(-3) == -3
    assert sanitize_for_csv("-3") == "'-3"
    assert sanitize_for_csv('{"a": 1}') == '{"a": 1}'
    assert sanitize_for_csv("@home") == "'@home"


def test_flag_button_saves_inputs_and_outputs_and_offers_the_csv(tmp_path):
    demo = gr.Interface(lambda s: s.upper(), gr.Textbox(label="in"), gr.Textbox(label="out"),
                        flagging_dir=str(tmp_path / "flagged"))
    client = Client(demo)
    assert client.predict("abc", api_name="/lambda") == "ABC"
    flag = _button(demo, "Flag")
    client.trigger(flag)
    rows = _rows(tmp_path / "flagged" / "dataset1.csv")
    assert rows[0] == ["in", "out", "timestamp"] and rows[1][:2] == ["abc", "ABC"]
    assert client.values[flag.id] == "Flag"  # back from "Saving..."
    download = demo.flag_download
    assert download is not None and client.values[download.id]["path"].endswith("dataset1.csv")


def test_flagging_options_make_one_button_each_and_store_the_value(tmp_path):
    words = gr.Interface(lambda s: s, "text", "text", flagging_options=["Wrong", "Rude"])
    labels = [b.value for b in words.blocks().values() if isinstance(b, gr.Button)]
    assert "Flag as Wrong" in labels and "Flag as Rude" in labels and "Flag" not in labels
    demo = gr.Interface(lambda s: s, "text", "text", flagging_options=[("Spam!", "spam"), ("Fine", "ok")],
                        flagging_dir=str(tmp_path))
    client = Client(demo)
    client.trigger(_button(demo, "Spam!"))
    rows = _rows(tmp_path / "dataset1.csv")
    assert rows[0] == ["s", "output", "flag", "timestamp"] and rows[1][2] == "spam"


def test_auto_flags_every_submit_and_never_shows_no_button(tmp_path):
    demo = gr.Interface(lambda s: s * 2, "text", "text", flagging_mode="auto", flagging_dir=str(tmp_path))
    assert not [b for b in demo.blocks().values() if isinstance(b, gr.Button) and b.value == "Flag"]
    client = Client(demo)
    client.predict("ab", api_name="/lambda")
    client.predict("c", api_name="/lambda")
    assert [r[:2] for r in _rows(tmp_path / "dataset1.csv")[1:]] == [["ab", "abab"], ["c", "cc"]]
    never = gr.Interface(lambda s: s, "text", "text", flagging_mode="never")
    assert never.flag_download is None
    with pytest.raises(ValueError, match="flagging_mode"):
        gr.Interface(lambda s: s, "text", "text", flagging_mode="sometimes")


def test_a_custom_callback_gets_setup_and_flag():
    seen = []

    class Recorder(gr.FlaggingCallback):
        def setup(self, components, flagging_dir):
            seen.append(("setup", [c.label for c in components], flagging_dir))

        def flag(self, flag_data, flag_option=None, username=None):
            seen.append(("flag", flag_data, flag_option))
            return 1

    demo = gr.Interface(lambda s: s, gr.Textbox(label="q"), gr.Textbox(label="a"), flagging_callback=Recorder())
    client = Client(demo)
    client.values[demo.input_components[0].id] = "hi"
    client.trigger(_button(demo, "Flag"))
    assert seen == [("setup", ["q", "a"], ".gradio/flagged"), ("flag", ["hi", ""], None)]


def test_a_failing_callback_shows_error_on_the_button():
    class Broken(gr.FlaggingCallback):
        def setup(self, components, flagging_dir):
            pass

        def flag(self, flag_data, flag_option=None, username=None):
            raise OSError("disk full")

    demo = gr.Interface(lambda s: s, "text", "text", flagging_callback=Broken())
    client = Client(demo)
    flag = _button(demo, "Flag")
    client.trigger(flag)
    assert client.values[flag.id] == "Error!"
    method = FlagMethod(Broken(), "Flag", None)
    assert method.reset()["value"] == "Flag"


def test_each_interface_of_a_shared_folder_offers_its_own_csv(tmp_path):
    from wasmblocks.flagging import flagged_file

    a = CSVLogger(verbose=False)
    a.setup([gr.Textbox(label="a")], str(tmp_path))
    a.flag(["1"])
    b = CSVLogger(verbose=False)
    b.setup([gr.Textbox(label="b")], str(tmp_path))
    b.flag(["2"])
    # After a reload: new loggers that have not flagged yet find their own files by their headers.
    fresh_a, fresh_b = CSVLogger(verbose=False), CSVLogger(verbose=False)
    fresh_a.setup([gr.Textbox(label="a")], str(tmp_path))
    fresh_b.setup([gr.Textbox(label="b")], str(tmp_path))
    assert flagged_file(fresh_a, str(tmp_path)).endswith("dataset1.csv")
    assert flagged_file(fresh_b, str(tmp_path)).endswith("dataset2.csv")
    none_yet = CSVLogger(verbose=False)
    none_yet.setup([gr.Textbox(label="c")], str(tmp_path))
    assert flagged_file(none_yet, str(tmp_path)) is None
