"""The run table and the Makefile dependencies made from it: an edit reruns exactly the
notebooks that read the edited file.

The expected rebuild sets below are written by hand from reading the notebooks (their
imports, parameter files and what they load), not computed by the run table's code.
"""

import re
import subprocess
import sys

import pytest

from digiwelfare.config import LEXICON, ROOT
from digiwelfare.rundeps import (
    RUN_TABLE,
    lexicon_reads,
    makedeps,
    modules_closure,
    notebook_imports,
    param_value,
    row_text,
    rows_write,
)

ALL = {"01_explore_corpus", "02_prepare_tokens", "03_select_model__en", "03_select_model__nb",
       "04_fit_topics__en", "04_fit_topics__nb", "05_estimate_effects__en",
       "05_estimate_effects__nb", "06_guide_topics__en", "06_guide_topics__nb",
       "07_validate_topics", "08_compare_keyness__en", "08_compare_keyness__nb",
       "09_read_concordances__en", "09_read_concordances__nb", "10_map_actors__en",
       "10_map_actors__nb", "11_validate_coding"}
MAKE = ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed",
        "LANGS=en nb"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """An output folder in which every run is up to date (made with `make -t`, which touches
    the targets in order instead of running them)."""
    out = tmp_path_factory.mktemp("out")
    for folder in ("results/notebooks", "build/lda_en", "build/lda_nb"):
        (out / folder).mkdir(parents=True)
    target = f"{out}/results/manifest.json"
    subprocess.run([*MAKE, "-t", f"OUT={out}", target], check=True, capture_output=True)
    return out, target


def reruns(built, *what_if) -> set[str]:
    """The notebook runs `make --dry-run -W FILE` would do."""
    out, target = built
    dry = subprocess.run([*MAKE, "--dry-run", f"OUT={out}", *[f"-W{w}" for w in what_if],
                          target], capture_output=True, text=True, check=True)
    # A product's rule prints `test -e product || <run its maker>`: that is no rerun.
    runs = re.findall(r"^\S*python -m digiwelfare run \S+ \S+/(\S+)\.ipynb", dry.stdout, re.M)
    return set(runs)


def test_nothing_reruns_when_nothing_changed(built):
    assert reruns(built) == set()


def test_an_actor_list_reruns_only_the_actor_maps(built):
    assert reruns(built, "lexicon/actors.yaml") == {"10_map_actors__en", "10_map_actors__nb"}


def test_the_discourse_dictionary_reruns_the_notebooks_that_read_it(built):
    assert reruns(built, "lexicon/dictionary_logics.yaml") == {
        "06_guide_topics__en", "06_guide_topics__nb", "09_read_concordances__en",
        "09_read_concordances__nb", "10_map_actors__en", "10_map_actors__nb",
        "11_validate_coding"}


def test_the_debris_rules_rerun_notebook_02_and_what_reads_its_products(built):
    # clean.py reads debris.yaml and only notebook 02 cleans (tokentable); a dry run cannot
    # know that 02's products come out the same, so it lists every run that reads them
    assert reruns(built, "lexicon/debris.yaml") == ALL - {"01_explore_corpus",
                                                          "07_validate_topics"}


def test_only_notebook_02_reads_the_cleaning_rules_itself():
    # the others reach them only through 02's products, so a real make that finds those
    # products unchanged after 02 reruns nothing else; stop lists and lemma corrections are
    # read by every notebook that tokenises or lemmatises a word
    from digiwelfare.rundeps import run_reads

    readers = {run for run in ALL if any(p.name in ("debris.yaml", "notice_cues.yaml")
                                         for p in run_reads(run, ROOT / "params",
                                                            ["en", "nb"])["lexicon"])}
    assert readers == {"02_prepare_tokens"}
    assert any(p.name == "stopwords_nb.txt"
               for p in run_reads("08_compare_keyness__nb", ROOT / "params", ["en", "nb"])[
                   "lexicon"])


def test_an_edit_of_the_run_tables_code_reruns_nothing(built):
    # Each run reads its own row's file, not the module: build/deps.mk is made again, the
    # rows are the same, so no notebook reruns.
    assert reruns(built, "src/digiwelfare/rundeps.py") == set()
    # A row that changed reruns that notebook's runs only.
    out, _ = built
    assert reruns(built, f"{out}/build/rows/08_compare_keyness.txt") == {
        "08_compare_keyness__en", "08_compare_keyness__nb"}


def test_a_row_file_is_rewritten_only_when_its_row_changed(tmp_path, monkeypatch):
    import dataclasses

    import digiwelfare.rundeps as rundeps

    first = rows_write(tmp_path)
    assert sorted(p.stem for p in first) == sorted(RUN_TABLE)
    # a new row file carries the time of the module that holds the table
    table_time = (ROOT / "src" / "digiwelfare" / "rundeps.py").stat().st_mtime_ns
    assert {p.stat().st_mtime_ns for p in first} == {table_time}
    assert rows_write(tmp_path) == []
    changed = dict(RUN_TABLE)
    changed["08_compare_keyness"] = dataclasses.replace(changed["08_compare_keyness"],
                                                        reads=("tokens",))
    monkeypatch.setattr(rundeps, "RUN_TABLE", changed)
    assert rows_write(tmp_path) == [tmp_path / "rows" / "08_compare_keyness.txt"]
    assert (tmp_path / "rows" / "08_compare_keyness.txt").stat().st_mtime_ns > table_time
    assert "reads=('tokens',)" in row_text("08_compare_keyness")


def test_every_run_reads_its_row_and_not_the_run_tables_module():
    deps = makedeps(ROOT / "params", ["en", "nb"])
    for line in deps.splitlines():
        if line.startswith("$(NB_OUT)/"):
            notebook = line.split("/")[1].split(".")[0].split("__")[0]
            assert f"$(BUILD)/rows/{notebook}.txt" in line
    assert "src/digiwelfare/rundeps.py" not in deps.split("# (src/digiwelfare/rundeps.py)")[1]


def test_a_plotting_module_reruns_the_notebooks_that_draw(built):
    # 02 draws nothing; 07 plots with matplotlib directly.
    assert reruns(built, "src/digiwelfare/figures.py") == ALL - {"02_prepare_tokens",
                                                                 "07_validate_topics"}


def test_a_corpus_text_reruns_all_but_the_synthetic_check(built):
    text = sorted((ROOT / "corpus" / "texts").glob("*.txt"))[0].relative_to(ROOT)
    assert reruns(built, str(text)) == ALL - {"07_validate_topics"}


def test_a_parameter_file_reruns_its_run_and_what_reads_its_products(built):
    assert reruns(built, "params/10_map_actors__nb.yaml") == {"10_map_actors__nb"}
    # 03 writes the chosen K: 04 reads it; 05, 09 and 11 read 04's model or its table.
    assert reruns(built, "params/03_select_model__en.yaml") == {
        "03_select_model__en", "04_fit_topics__en", "05_estimate_effects__en",
        "09_read_concordances__en", "11_validate_coding"}


def test_a_missing_product_reruns_its_maker_only(built):
    out, _ = built
    (out / "build" / "doc_topics_nb.parquet").unlink()
    try:
        dry = subprocess.run([*MAKE, "--dry-run", f"OUT={out}", f"{out}/results/manifest.json"],
                             capture_output=True, text=True, check=True).stdout
    finally:
        (out / "build" / "doc_topics_nb.parquet").touch()
    assert f"test -e {out}/build/doc_topics_nb.parquet || " in dry
    assert "notebooks/04_fit_topics.ipynb" in dry


def test_settle_after_a_run_that_kept_the_products_leaves_a_dry_run_empty(tmp_path):
    # Notebook 02 ran again and wrote the same products: they are now older than its run.
    out = tmp_path
    for folder in ("results/notebooks", "build/lda_en", "build/lda_nb"):
        (out / folder).mkdir(parents=True)
    target = f"{out}/results/manifest.json"
    subprocess.run([*MAKE, "-t", f"OUT={out}", target], check=True, capture_output=True)
    (out / "build" / "run-start").touch()
    (out / "results" / "notebooks" / "02_prepare_tokens.ipynb").touch()
    assert reruns((out, target)) >= {"03_select_model__en", "08_compare_keyness__nb"}
    settle = [*MAKE, f"OUT={out}", "settle", "SETTLE=after-all"]
    subprocess.run(settle, check=True, capture_output=True)
    assert reruns((out, target)) == set()
    assert reruns((out, target), "lexicon/actors.yaml") == {"10_map_actors__en",
                                                            "10_map_actors__nb"}
    # Only at the end of `make all`, after a run that started after every input's last edit.
    refused = subprocess.run([*MAKE, f"OUT={out}", "settle"], capture_output=True, text=True)
    assert refused.returncode == 2 and "make all" in refused.stderr


@pytest.mark.parametrize("notebook", ["01_explore_corpus", "07_validate_topics",
                                      "10_map_actors"])
def test_the_import_graph_covers_what_python_imports(notebook):
    # What Python really loads on the notebook's imports must be in the computed closure.
    roots = sorted(notebook_imports(notebook))
    code = ("import importlib, sys\n"
            f"for m in {roots!r}:\n    importlib.import_module(m)\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('digiwelfare'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    closure = {p.relative_to(ROOT / "src").with_suffix("").as_posix().replace("/", ".")
               .removesuffix(".__init__") for p in modules_closure(set(roots))}
    assert "digiwelfare.figures" in loaded or notebook == "07_validate_topics"
    assert set(loaded) <= closure


def test_lexicon_files_are_found_from_the_module_source():
    tokens = lexicon_reads(ROOT / "src" / "digiwelfare" / "tokens.py")
    names = {p.name for p in tokens}
    assert {"stopwords_en.txt", "stopwords_nb.txt", "lemma_overrides.yaml"} <= names
    assert all(p.parent == LEXICON for p in tokens)
    assert lexicon_reads(ROOT / "src" / "digiwelfare" / "figures.py") == []


def test_parameter_values_are_read_without_yaml(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("language: en\nactors_file: 'lexicon/actors.yaml'  # who acts\n")
    assert param_value(path, "actors_file") == "lexicon/actors.yaml"
    assert param_value(path, "concepts_file") is None


def test_every_notebook_has_a_row_and_an_unknown_one_is_refused(tmp_path):
    assert set(RUN_TABLE) == {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    (tmp_path / "12_new_idea.yaml").write_text("x: 1\n")
    with pytest.raises(SystemExit, match="12_new_idea.*does not list"):
        makedeps(tmp_path, ["en"])
