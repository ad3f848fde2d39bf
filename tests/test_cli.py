import subprocess
import sys

from conftest import EN_1, corpus_write, row
from tinynotebooks import notebook_tiny


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "digiwelfare", *args], capture_output=True,
                          text=True, cwd=cwd)


def test_validate_reports_counts(small_corpus):
    result = run("validate", str(small_corpus))
    assert result.returncode == 0
    assert "6 documents" in result.stdout and "valid" in result.stdout


def test_validate_fails_with_a_message_not_a_traceback(tmp_path):
    folder = corpus_write(tmp_path, [row("a1", doc_type="poem")], {"a1": EN_1})
    result = run("validate", str(folder))
    assert result.returncode == 1
    assert "row 2 (id a1), column 'doc_type': 'poem'" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_reports_failed_notebook_without_traceback(tmp_path):
    from digiwelfare.config import ROOT

    # A parameter that passes the check before the run (digiwelfare.params) but fails in the
    # notebook: a corpus folder without metadata.csv.
    out = tmp_path / "04_fit_topics__en.ipynb"
    result = run("run", str(ROOT / "notebooks" / "04_fit_topics.ipynb"), str(out),
                 "-p", "corpus", str(tmp_path / "empty"), "-p", "out", str(tmp_path),
                 "-p", "language", "en")
    assert result.returncode == 1
    assert "FAILED 04_fit_topics__en" in result.stderr
    assert "Parameter 'corpus' = " in result.stderr and "no metadata.csv" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and out.with_suffix(".failed.ipynb").exists()


def test_run_refuses_a_bad_parameter_before_the_notebook_starts(tmp_path):
    from digiwelfare.config import ROOT

    out = tmp_path / "04_fit_topics__de.ipynb"
    result = run("run", str(ROOT / "notebooks" / "04_fit_topics.ipynb"), str(out),
                 "-p", "language", "de")
    assert result.returncode == 2
    assert "the command line (-p language de): `language: de` is not an allowed value; " \
        "expected one of en, nb" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and not out.with_suffix(".failed.ipynb").exists()


def test_run_names_a_missing_notebook(tmp_path):
    result = run("run", str(tmp_path / "nope.ipynb"), str(tmp_path / "out.ipynb"))
    assert result.returncode == 1
    assert "nope.ipynb: no such notebook" in result.stderr and "Traceback" not in result.stderr


def test_a_pipeline_step_writes_where_it_is_told_and_shows_no_live_widgets(tmp_path):
    # A notebook's default `out = None` means a scratch folder, for runs by hand; a step of
    # the pipeline without --out or an `out` in its file writes the published tree, and its
    # kernel knows it is a pipeline step (the explorers then render their static copy).
    import json

    notebook_tiny(tmp_path / "nb.ipynb",
                  "from digiwelfare.explorers import frontend_live\n"
                  "print(repr(out), frontend_live())",
                  params="out = None")
    result = run("run", str(tmp_path / "nb.ipynb"), str(tmp_path / "done.ipynb"))
    assert result.returncode == 0, result.stderr
    cells = json.loads((tmp_path / "done.ipynb").read_text())["cells"]
    printed = "".join(o.get("text", "") for c in cells for o in c.get("outputs", []))
    assert printed == "'.' False\n"


def test_a_short_output_path_keeps_its_timing_beside_it(tmp_path):
    # the timing's folder once came from output.parents[2], an IndexError for a short path
    notebook_tiny(tmp_path / "nb.ipynb", "print(1)", params=None)
    result = run("run", "nb.ipynb", "done.ipynb", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    seconds = float((tmp_path / "build" / "timings" / "done.txt").read_text())
    assert result.stdout.split() == ["done", f"{seconds:.1f}", "s"]


def test_a_run_skips_the_iri_grammar_and_still_validates_notebooks():
    # The runner keeps jsonschema from building the rfc3987 grammar (seconds per run);
    # notebook validation must still accept a good notebook and reject a broken one.
    code = (
        "import sys\n"
        "from digiwelfare.cli import _jsonschema_iri_skip\n"
        "_jsonschema_iri_skip()\n"
        "import nbformat, papermill\n"
        "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1 + 1')])\n"
        "nbformat.validate(nb)\n"
        "nb.cells[0]['cell_type'] = 'nonsense'\n"
        "try:\n"
        "    nbformat.validate(nb)\n"
        "except nbformat.ValidationError:\n"
        "    print('rejected')\n"
        "print(sys.modules['rfc3987_syntax'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["rejected", "None"]
