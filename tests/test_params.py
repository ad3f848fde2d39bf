"""Notebook parameters are checked before a notebook runs (digiwelfare.params)."""

import datetime
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tinynotebooks import notebook_tiny

from digiwelfare import params as P
from digiwelfare.config import ROOT
from digiwelfare.notebook import params_read
from digiwelfare.params import RULES, ParamsError, notebook_parameters, params_file_read

NOTEBOOKS = {p.stem: p for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}
PARAM_FILES = sorted((ROOT / "params").glob("*.yaml"))
RULE_KEYS = {"type", "null", "min", "max", "choices", "items", "keys", "values", "empty", "file",
             "words"}


def notebook_of(stem):
    return NOTEBOOKS[stem]


def write(tmp_path, text, name="run.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problem(tmp_path, stem, text):
    """The message for a parameter file of notebook ``stem`` holding ``text``."""
    path = write(tmp_path, text)
    with pytest.raises(ParamsError) as err:
        params_read(path, notebook=notebook_of(stem))
    return str(err.value), path




# The defects of the issue, one by one: each gives one message naming the file, the line,
# the parameter, the value, what is expected and what to do.
@pytest.mark.parametrize("stem, text, line, says", [
    ("03_select_model", "language: en\nks: 5\n", 2,
     ["`ks: 5` is a whole number; expected a non-empty list", "write it as a list: `ks: [5]`"]),
    ("08_compare_keyness", "n_key: 12.5\n", 1,
     ["`n_key: 12.5` is a decimal number; expected a whole number from 1 to 200"]),
    ("04_fit_topics", "\n\ntopic_labels: foo\n", 3,
     ["`topic_labels: foo` is a text; expected a mapping", "`topic_labels: {}`"]),
    ("03_select_model", "seeds: []\n", 1,
     ["`seeds: []` is an empty list", "non-empty list of whole numbers from 0 to"]),
    ("04_fit_topics", "lam: \"0.6\"\n", 1,
     ["`lam: '0.6'` is a text; expected a number from 0.0 to 1.0",
      "write it without quotes: `lam: 0.6`"]),
    ("08_compare_keyness", "min_freq: 5\nnodes: discretion\n", 2,
     ["`nodes: discretion` is a text; expected a non-empty list of non-empty texts",
      "write it as a list: `nodes: [discretion]`"]),
    ("03_select_model", "pases: 10\n", 1,
     ["`pases` is not a parameter of 03_select_model.ipynb; did you mean `passes`?"]),
    ("09_read_concordances", "query: \"\"\n", 1,
     ["`query: ''` is an empty text; expected a non-empty text"]),
    ("09_read_concordances", "sort: left4\n", 1,
     ["`sort: left4` is not an allowed value; expected one of left1, left2", "or null"]),
    ("04_fit_topics", "topic_labels: {0: Care}\n", 1,
     ["the key 0 is out of range; expected a mapping"]),
    ("04_fit_topics", "num_topics: 1\n", 1,
     ["out of range; expected a whole number of at least 2 or null"]),
    ("06_guide_topics", "dictionary_file: nowhere.yaml\n", 1, ["no such file"]),
])
def test_each_bad_value_gets_one_message_with_file_line_and_advice(tmp_path, stem, text, line,
                                                                   says):
    message, path = problem(tmp_path, stem, text)
    assert f"{path}, line {line}: " in message
    assert f"{stem}.ipynb was not run: 1 parameter cannot be used" in message
    for phrase in says:
        assert phrase in message
    assert "Traceback" not in message


def test_every_problem_is_listed_in_file_order(tmp_path):
    message, path = problem(tmp_path, "03_select_model",
                            "passes: 0\nlanguage: de\nworkers: 2\nks: [4, 1]\n")
    lines = message.splitlines()
    assert "3 parameters cannot be used" in lines[0]
    assert [line.split(": ")[0] for line in lines[1:4]] == [
        f"  {path}, line {n}" for n in (1, 2, 4)]
    assert "one of en, nb" in lines[2]
    assert "element 2 (1) is out of range" in lines[3]


def test_languages_come_from_the_runs_module(tmp_path, monkeypatch):
    import digiwelfare.runs

    path = write(tmp_path, "language: fi\n")
    with pytest.raises(ParamsError, match="one of en, nb, nn, da, sv"):
        params_read(path, notebook=notebook_of("04_fit_topics"))
    monkeypatch.setattr(digiwelfare.runs, "LANGUAGES", ("en", "nb", "fi"))
    assert params_read(path, notebook=notebook_of("04_fit_topics")) == {"language": "fi"}


def test_a_yaml_syntax_error_names_the_file_line_and_column(tmp_path):
    path = write(tmp_path, "language: en\nks: [4, 6\npasses: 20\n")
    with pytest.raises(ParamsError) as err:
        params_file_read(path)
    message = str(err.value)
    assert message.startswith(f"{path}, line 3, column 7: not valid YAML")
    assert "<unicode string>" not in message and "Traceback" not in message
    assert "   3 | passes: 20" in message


@pytest.mark.parametrize("text, says", [
    ("- 4\n- 6\n", "expected a mapping of parameter names to values"),
    ("ks: [4]\npasses: 2\nks: [6]\n", "lines 1 and 3: `ks` is given twice"),
    ("[ks]: 4\n", "line 1, column 1: not valid YAML: found unhashable key"),
])
def test_a_file_that_is_not_a_mapping_of_names_is_refused(tmp_path, text, says):
    with pytest.raises(ParamsError, match=says.replace("[", r"\[")):
        params_file_read(write(tmp_path, text))


def test_missing_and_non_utf8_files_are_named(tmp_path):
    with pytest.raises(ParamsError, match="no such parameter file"):
        params_file_read(tmp_path / "nope.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("query: skjønn\n".encode("latin-1"))
    with pytest.raises(ParamsError, match="not UTF-8"):
        params_file_read(bad)


def test_lines_are_those_of_the_keys(tmp_path):
    params, lines = params_file_read(write(tmp_path, "# a comment\nks: [4,\n  6]\n\nseed: 1\n"))
    assert params == {"ks": [4, 6], "seed": 1}
    assert lines == {"ks": 2, "seed": 5}
    assert params_file_read(write(tmp_path, "# only a comment\n")) == ({}, {})


def test_an_undeclared_parameter_is_checked_by_its_default(tmp_path):
    nb = notebook_tiny(tmp_path / "99_new_thing.ipynb", "print(x)",
                       params='x = 1\nnames = ["a", "b"]\nrate = 0.5\nflag = True\nanything = None')
    assert "99_new_thing" not in RULES
    ok = {"x": 3, "names": ["c"], "rate": 1, "flag": False, "anything": {"a": [1]}}
    assert P.params_check(nb, ok, "p.yaml") == ok
    for anything in ("", [], None, 2.5):
        assert P.params_check(nb, {"anything": anything}, "p.yaml")
    for bad, says in [({"x": "3"}, "is a text; expected a whole number"),
                      ({"x": True}, "is true/false; expected a whole number"),
                      ({"names": ["c", 2]}, r"element 2 \(2\) is a whole number; expected a "
                                            "non-empty list of non-empty texts"),
                      ({"rate": "high"}, "is a text; expected a number"),
                      ({"flag": "yes"}, "is a text; expected true or false"),
                      ({"x": datetime.date(2024, 1, 1)}, "is a date; expected a whole")]:
        with pytest.raises(ParamsError, match=says):
            P.params_check(nb, bad, "p.yaml")


def test_override_location_is_named(tmp_path):
    path = write(tmp_path, "passes: 20\n")
    with pytest.raises(ParamsError, match=r"  the command line \(-p passes x\): `passes: x`"):
        params_read(path, {"passes": "x"}, notebook=notebook_of("03_select_model"),
                    where={"passes": "the command line (-p passes x)"})


# The rules cannot rot: they name real notebooks and parameters, use known keys, and accept
# the notebook's own defaults and the shipped parameter files.
def test_rules_name_notebooks_and_parameters_that_exist():
    stale = []
    for stem, rules in RULES.items():
        if stem == "*":
            continue
        assert stem in NOTEBOOKS, f"RULES has an entry for {stem}, which is no notebook"
        declared = notebook_parameters(NOTEBOOKS[stem])
        stale += [f"{stem}: {name}" for name in rules if name not in declared]
    assert not stale, ("rules in digiwelfare/params.py for parameters the notebooks no longer "
                       f"have (renamed or removed? update RULES): {stale}")
    used = {name for path in NOTEBOOKS.values() for name in notebook_parameters(path)}
    assert not set(RULES["*"]) - used, "shared rules no notebook uses"


def _rules_in(rule):
    yield rule
    for key in ("items", "keys", "values"):
        if key in rule:
            yield from _rules_in(rule[key])


def test_rules_use_only_known_keys_and_types():
    for stem, rules in RULES.items():
        for name, rule in rules.items():
            for part in _rules_in(rule):
                assert set(part) <= RULE_KEYS, (stem, name, set(part) - RULE_KEYS)
                assert set(P._types(part)) <= set(P._TYPES), (stem, name)
                if "choices" in part:
                    assert P._choices(part), (stem, name, "no allowed values")


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_each_notebook_accepts_its_own_defaults(stem):
    defaults = notebook_parameters(NOTEBOOKS[stem])
    rules = P.rules_for(NOTEBOOKS[stem], defaults)
    wrong = {n: P.value_problem(v, rules[n]) for n, v in defaults.items()}
    assert not {n: w for n, w in wrong.items() if w}


@pytest.mark.parametrize("path", PARAM_FILES, ids=lambda p: p.stem)
def test_shipped_parameter_files_pass(path):
    notebook = NOTEBOOKS[path.stem.split("__")[0]]
    assert params_read(path, notebook=notebook)


# Through the command line: no traceback, nothing started, nothing deleted.
def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "digiwelfare", *args], capture_output=True,
                          text=True)


def test_run_stops_before_papermill_with_the_message(tmp_path):
    params = write(tmp_path, "language: en\nks: 5\n")
    out = tmp_path / "results" / "notebooks" / "03_select_model__en.ipynb"
    result = run_cli("run", str(notebook_of("03_select_model")), str(out),
                     "--params", str(params), "--corpus", "corpus", "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith("FAILED 03_select_model__en: 03_select_model.ipynb was not")
    assert f"{params}, line 2: `ks: 5`" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "results").exists()  # papermill never started


def test_run_reports_a_broken_yaml_file_without_traceback(tmp_path):
    params = write(tmp_path, "language: en\nks: [4, 6\n")
    result = run_cli("run", str(notebook_of("03_select_model")), str(tmp_path / "x.ipynb"),
                     "--params", str(params), "-p", "passes", "[1")
    assert result.returncode == 2
    assert f"{params}, line 3, column 1: not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_make_keeps_the_good_model_when_the_parameter_file_breaks(tmp_path):
    """A copy of the project's Makefile with a fitted model in build/: a broken parameter
    file fails the step with the message, and the model and executed notebook stay."""
    if not (ROOT / ".venv" / ".installed").is_file() or shutil.which("make") is None:
        pytest.skip("needs make and the project's .venv (make env)")
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.lock", "notebooks", "params",
                 "lexicon", "src/digiwelfare"):  # src: make's dependencies are made from it
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(
            ROOT / name, copy / name, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                         if (ROOT / name).is_dir() else {}))
    (copy / "corpus" / "texts").mkdir(parents=True)
    (copy / "corpus" / "metadata.csv").write_text("id\n")
    for path in copy.rglob("*"):  # the sources are older than the outputs...
        os.utime(path, (time.time() - 7200,) * 2)
    products = {"build/tokens.parquet": b"tokens", "build/vocabulary_en.txt": b"0\n",
                "build/chosen_k_en.txt": b"6\n",
                "build/lda_en/model": b"a good model",
                "results/notebooks/02_prepare_tokens.ipynb": b"{}",
                "results/notebooks/03_select_model__en.ipynb": b"{}",
                "results/notebooks/04_fit_topics__en.ipynb": b"{}"}
    for rel, data in products.items():
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        (copy / rel).write_bytes(data)
        os.utime(copy / rel, (time.time() - 3600,) * 2)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    params = copy / "params" / "04_fit_topics__en.yaml"
    params.write_text("language: en\nlam: [0.6\n")  # ...and this newer: make reruns 04
    # -o: the shared environment counts as up to date; the copy's Makefile must never
    # reinstall it (that would point the editable install at this temporary copy)
    result = subprocess.run(["make", "--no-print-directory", "-C", str(copy), "LANGS=en",
                             "-o", ".venv/.installed",
                             "results/notebooks/04_fit_topics__en.ipynb"],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert f"{Path('params') / '04_fit_topics__en.yaml'}, line 3, column 1: not valid YAML" \
        in result.stderr
    assert "Traceback" not in result.stderr and "Deleting" not in result.stderr
    for rel, data in products.items():
        assert (copy / rel).read_bytes() == data, f"{rel} was changed or deleted"
