"""The notebooks themselves: thin, parameterised, paired with their scripts."""

import ast
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

from digiwelfare.config import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PARAMS = sorted((ROOT / "params").glob("*.yaml"))


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def parameters_of(path):
    cell = code_cells(path)[0]
    assert "parameters" in cell.metadata.get("tags", []), f"{path.name}: first code cell untagged"
    tree = ast.parse(cell.source)
    return {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets}


def test_there_are_notebooks_and_names_follow_the_scheme():
    assert len(NOTEBOOKS) >= 4
    for path in NOTEBOOKS:
        number, verb, *rest = path.stem.split("_")
        assert number.isdigit() and len(number) == 2 and verb and rest, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_thin_and_opens_with_a_question(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and "**Question.**" in nb.cells[0].source
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert "## Exercises" in nb.cells[-1].source
    params = code_cells(path)[0]
    for node in ast.parse(params.source).body:  # the parameters cell holds literals only
        assert isinstance(node, ast.Assign), path.name
        ast.literal_eval(node.value)  # raises on anything but a literal
    for cell in code_cells(path):
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                length = node.end_lineno - node.lineno + 1
                assert length <= 4, f"{path.name}: {node.name} is {length} lines; move it to src/"
    assert any("NBVAL_CHECK_OUTPUT" in c.source for c in code_cells(path)), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_papermill_reads_every_parameter(path):
    import papermill

    assert set(papermill.inspect_notebook(str(path))) == parameters_of(path), (
        f"{path.name}: papermill cannot parse a line of the parameters cell (a comment with "
        "quotes?)")


@pytest.mark.parametrize("path", PARAMS, ids=lambda p: p.stem)
def test_parameter_files_name_real_parameters(path):
    notebook = ROOT / "notebooks" / (path.stem.split("__")[0] + ".ipynb")
    assert notebook.is_file(), f"{path.name} has no notebook"
    given = set(yaml.safe_load(path.read_text()) or {})
    unknown = given - parameters_of(notebook)
    assert not unknown, f"{path.name} sets parameters the notebook lacks: {sorted(unknown)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_and_its_script_agree(path):
    script = path.with_suffix(".py")
    assert script.is_file(), f"{path.name} is not paired with {script.name}"
    from_script = jupytext.read(script)
    from_notebook = nbformat.read(path, as_version=4)
    assert [c.source for c in from_script.cells] == [c.source for c in from_notebook.cells], (
        f"{path.name} and {script.name} differ: run `jupytext --sync {path}`")


def test_every_run_has_an_executed_notebook():
    """Every run of a language the demo corpus has enough documents in is published; the
    parameter files of the others (Danish, Swedish, Nynorsk: a researcher's corpus may have
    them) are not run on it."""
    from digiwelfare.runs import languages_supported

    executed = {p.stem for p in (ROOT / "results" / "notebooks").glob("*.ipynb")
                if not p.stem.endswith(".failed")}
    langs = set(languages_supported(ROOT / "corpus", ROOT / "params", 20))
    runs = {p.stem for p in PARAMS if "__" not in p.stem or p.stem.split("__")[1] in langs}
    assert runs <= executed and langs == {"en", "nb"}
    assert not {s for s in executed if "__" in s and s.split("__")[1] not in langs}


def test_executed_notebooks_hold_no_machine_specific_paths():
    for path in (ROOT / "results" / "notebooks").glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert str(ROOT) not in text, f"{path.name} shows an absolute path of this checkout"


def test_no_downloads_or_cdn_in_code():
    for path in [*ROOT.joinpath("src").rglob("*.py"), *ROOT.joinpath("notebooks").glob("*.py")]:
        text = Path(path).read_text(encoding="utf-8")
        assert "nltk.download" not in text, path
        assert "cdn." not in text.lower(), path
