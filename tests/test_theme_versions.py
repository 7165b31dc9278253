"""gradio.themes.utils: versioned Hub theme files and Gradio's version expressions (themes/utils/semver_match.py).

The expected picks are what Gradio's semantic_version.SimpleSpec selects from the same versions."""

from types import SimpleNamespace

import pytest

from wasmblocks.themes.utils import ThemeAsset, get_matching_version, get_theme_assets

VERSIONS = ["0.0.1", "0.1.0", "0.1.5", "0.2.0", "1.0.0", "1.2.3", "1.3.0-alpha", "1.3.0", "2.0.0-rc.1", "2.0.0",
            "2.1.0"]
ASSETS = [ThemeAsset(f"themes/theme_schema@{v}.json") for v in VERSIONS]


@pytest.mark.parametrize(("expression", "picked"), [
    (None, "2.1.0"), ("*", "2.1.0"), ("1.2.3", "1.2.3"), ("==1.2.3", "1.2.3"), (">=1.0.0", "2.1.0"),
    ("<2", "1.3.0"), ("<2.0.0", "1.3.0"), ("^1.2", "1.3.0"), ("^0.1", "0.1.5"), ("~1.2", "1.2.3"),
    ("~=1.2", "1.3.0"), ("!=2.1.0", "2.0.0"), (">=1.0.0,<2.0.0", "1.3.0"), ("1.*", "1.3.0"), ("1", "1.3.0"),
    (">1.2.3", "2.1.0"), ("<=1.3.0", "1.3.0"), ("^0.0.1", "0.0.1"), ("~0", "0.2.0"), ("<=0.1", "0.1.5"),
    (">0.1", "2.1.0"), ("<0.0.1", None),
])
def test_newest_matching_version(expression, picked):
    found = get_matching_version(ASSETS, expression)
    assert (str(found.version) if found else None) == picked


def test_prereleases_sort_before_their_release():
    assert str(get_matching_version(ASSETS, "<1.3.0-beta").version) == "1.3.0-alpha"
    assert str(get_matching_version(ASSETS, ">=2.0.0-rc.1,<2.0.1").version) == "2.0.0"


def test_bad_names_and_expressions_are_clear_errors():
    with pytest.raises(ValueError, match="not a semantic version"):
        ThemeAsset("themes/theme_schema@latest.json")
    with pytest.raises(ValueError, match="Invalid version expression"):
        get_matching_version(ASSETS, "1.x")
    with pytest.raises(ValueError, match="Invalid version expression"):
        get_matching_version(ASSETS, "0.3 || 1.0")  # SimpleSpec has no alternatives either


def test_theme_assets_of_a_space():
    info = SimpleNamespace(siblings=[SimpleNamespace(rfilename=n) for n in
                                     ("README.md", "themes/theme_schema@0.0.1.json", "themes/theme_schema@0.1.0.json")])
    assert [a.filename for a in get_theme_assets(info)] == ["themes/theme_schema@0.0.1.json",
                                                            "themes/theme_schema@0.1.0.json"]
