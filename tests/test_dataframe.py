"""gr.Dataframe pre/postprocess on CPython (pandas optional: duck-typed, tested when installed)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import wasmblocks
import wasmblocks as gr
from wasmblocks.alerts import Error


def test_importing_wasmblocks_never_imports_pandas(tmp_path):
    """A pandas that explodes on import must not be touched by `import wasmblocks` (pandas loads lazily)."""
    (tmp_path / "pandas.py").write_text("raise RuntimeError('pandas was imported')\n")
    py_dir = Path(wasmblocks.__file__).resolve().parents[1]
    code = "import wasmblocks as gr; gr.Dataframe([[1]], type='array'); gr.LinePlot({'x': [1], 'y': [2]})"
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{py_dir}"},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_list_of_rows_gets_headers():
    df = gr.Dataframe(type="array")
    assert df.postprocess([[1, "a"], [2, "b"]]) == {"headers": ["1", "2"], "data": [[1, "a"], [2, "b"]], "metadata": None}
    named = gr.Dataframe(headers=["n", "s"], type="array")
    assert named.postprocess([[1, "a"]])["headers"] == ["n", "s"]


def test_dict_value_and_nan():
    df = gr.Dataframe(type="array")
    out = df.postprocess({"headers": ["x"], "data": [[float("nan")], [1.5]]})
    assert out == {"headers": ["x"], "data": [[None], [1.5]], "metadata": None}


def test_preprocess_array_and_round_trip():
    df = gr.Dataframe(type="array", headers=["a", "b"])
    payload = {"headers": ["a", "b"], "data": [[1, 2], [3, 4]]}
    assert df.preprocess(payload) == [[1, 2], [3, 4]]
    assert df.postprocess(df.preprocess(payload))["data"] == payload["data"]


def test_empty_value_uses_row_and_col_count():
    df = gr.Dataframe(row_count=(2, "fixed"), col_count=(3, "fixed"), type="array")
    assert df.postprocess(None)["data"] == [["", "", ""], ["", "", ""]]
    assert df.get_props()["row_count"] == (2, "fixed")


def test_bad_values_raise_clear_errors():
    df = gr.Dataframe(type="array")
    with pytest.raises(Error, match='without "data"'):
        df.postprocess({"rows": []})
    with pytest.raises(Error, match="cannot show a object"):
        df.postprocess(object())
    with pytest.raises(Error, match="row 0 is not a list"):
        df.preprocess({"headers": ["a"], "data": ["x"]})
    with pytest.raises(ValueError, match="type must be one of"):
        gr.Dataframe(type="excel")
    with pytest.raises(ValueError, match="datatype"):
        gr.Dataframe(datatype=["str", "money"])


def test_pandas_type_without_pandas_says_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas -> ImportError
    with pytest.raises(Error, match='needs the "pandas" package.*type="array"'):
        gr.Dataframe().preprocess({"headers": ["a"], "data": [[1]]})


def test_pandas_dataframe_round_trip():
    pandas = pytest.importorskip("pandas", reason="pandas is not installed for CPython here")
    frame = pandas.DataFrame({"a": [1, 2], "b": ["x", None]})
    df = gr.Dataframe()
    shown = df.postprocess(frame)
    assert shown["headers"] == ["a", "b"] and shown["data"] == [[1, "x"], [2, None]]
    back = df.preprocess(shown)
    assert list(back.columns) == ["a", "b"] and back["a"].tolist() == [1, 2]


def test_column_count_and_limits_as_in_gradio_6():
    df = gr.Dataframe(column_count=4, column_limits=(4, 4), row_count=7, row_limits=(7, None), type="array",
                      render=False)
    props = df.get_props()
    assert props["headers"] == ["1", "2", "3", "4"] and df.column_count == (4, "dynamic")
    assert props["column_limits"] == [4, 4] and props["row_limits"] == [7, None]
    assert len(df.preprocess(None)) == 7  # the empty table has row_count rows
    with pytest.warns(DeprecationWarning, match="use column_count"):
        assert gr.Dataframe(col_count=2, render=False).column_count == (2, "dynamic")
    with pytest.raises(ValueError, match="minimum 5 is above the maximum 2"):
        gr.Dataframe(row_limits=(5, 2), render=False)
    with pytest.raises(ValueError, match="row_limits must be"):
        gr.Dataframe(row_limits=5, render=False)
