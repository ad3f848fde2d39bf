"""Makefile targets that no other test runs: `make mutate` (dry run only; a real run takes
minutes per module)."""

import re
import shutil
import subprocess

import pytest

from digiwelfare.config import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def mutate_plan(*args):
    """The modules and tests `make mutate` would use, from its dry run."""
    dry = subprocess.run(["make", "-n", "--no-print-directory", "-C", str(ROOT), "mutate", *args],
                         capture_output=True, text=True, check=True).stdout
    found = re.search(r'make mutate: (.+) against (.+) in build/mutation', dry)
    assert found, dry
    return found[1].split(), found[2].split(), dry


def test_mutate_defaults_to_existing_statistics_modules_and_their_tests():
    modules, tests, dry = mutate_plan()
    assert "src/digiwelfare/effects.py" in modules and "tests/test_effects.py" in tests
    for path in modules + tests:
        assert (ROOT / path).is_file(), path
    assert all(m.startswith("src/digiwelfare/") for m in modules)
    assert "> build/mutation/pyproject.toml" in dry  # mutmut's settings stay in the copy


def test_mutate_takes_one_module_and_only_its_tests():
    modules, tests, _ = mutate_plan("MUTATE=src/digiwelfare/effects.py")
    assert modules == ["src/digiwelfare/effects.py"] and tests == ["tests/test_effects.py"]


def test_what_mutmut_leaves_is_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "build/" in ignored and "mutants/" in ignored


def nb_runs(tmp_path, *args, dry_run=True):
    """The notebook runs `make nb` would do into an empty folder, from its dry run."""
    dry = subprocess.run(["make", *["-n"] * dry_run, "--no-print-directory", "-C", str(ROOT),
                          "nb", f"OUT={tmp_path}", "LANGS=en nb", *args],
                         capture_output=True, text=True)
    return dry, sorted(set(re.findall(r"digiwelfare run \S+ \S+/(\S+)\.ipynb", dry.stdout)))


def test_make_nb_runs_one_notebook_with_the_ones_it_needs(tmp_path):
    _, runs = nb_runs(tmp_path, "NB=09_read_concordances", "LANG=nb")
    assert runs == ["02_prepare_tokens", "03_select_model__nb", "04_fit_topics__nb",
                    "09_read_concordances__nb"]
    _, runs = nb_runs(tmp_path, "NB=notebooks/01_explore_corpus.ipynb")
    assert runs == ["01_explore_corpus"]
    _, runs = nb_runs(tmp_path, "NB=08_compare_keyness")  # no LANG given: the first of LANGS
    assert runs == ["02_prepare_tokens", "08_compare_keyness__en"]


def test_make_nb_names_what_would_work(tmp_path):
    # Run for real: it stops at the check, before anything is made.
    dry, _ = nb_runs(tmp_path, "NB=09_concordances", "LANG=en", dry_run=False)
    assert dry.returncode == 2
    assert "no parameter file params/09_concordances__en.yaml" in dry.stderr
    assert "09_read_concordances" in dry.stderr
    dry, _ = nb_runs(tmp_path, dry_run=False)
    assert dry.returncode == 2 and "give NB=notebook" in dry.stderr


@pytest.mark.parametrize("flags, mode", [([], ""), (["-n"], "n"), (["-q"], "q"),
                                         (["-t", "-n"], "n t")])
def test_make_knows_a_dry_run_from_a_real_one(flags, mode):
    # `make all` ends with `make settle` only in a real run; the Makefile adds long options
    # to MAKEFLAGS ("--warn-undefined-variables"), whose letters must not read as -n or -t
    # (they did, and settle never ran)
    out = subprocess.run(["make", "-p", *flags, "--no-print-directory", "-C", str(ROOT),
                          "help"], capture_output=True, text=True).stdout
    found = re.search(r"^MAKE_MODE := ?(.*)$", out, re.M)
    assert found and found[1].strip() == mode, found


def _manifest_runs(out, langs: str) -> list[str]:
    """The runs `make all OUT=out LANGS=langs` lists as the manifest's prerequisites, in
    their order (the order make starts the ready ones in), from make's database."""
    dry = subprocess.run(["make", "-np", "--no-print-directory", "-C", str(ROOT), f"OUT={out}",
                          f"LANGS={langs}", "all"], capture_output=True, text=True)
    line = next(ln for ln in dry.stdout.splitlines()
                if ln.startswith(f"{out}/results/manifest.json:"))
    return [re.sub(r"\.ipynb$", "", p.rsplit("/", 1)[-1]) for p in line.split(":", 1)[1].split()]


def test_make_all_lists_the_runs_longest_first_by_their_last_cpu_seconds(tmp_path):
    """The manifest's prerequisites (the order make starts ready runs in) follow the CPU
    seconds in build/timings, longest first; a run never timed comes before them all."""
    timings = tmp_path / "build" / "timings"
    timings.mkdir(parents=True)
    (timings / "10_map_actors__en.cpu.txt").write_text("90.0\n")
    (timings / "01_explore_corpus.cpu.txt").write_text("5.0\n")
    (timings / "07_validate_topics.cpu.txt").write_text("40.0\n")
    runs = _manifest_runs(tmp_path, "en")
    timed = [r for r in runs if (timings / f"{r}.cpu.txt").exists()]
    assert timed == ["10_map_actors__en", "07_validate_topics", "01_explore_corpus"]
    assert runs.index("10_map_actors__en") > max(runs.index(r) for r in runs if r not in timed)


def test_runs_not_timed_yet_come_first_longest_first_by_the_recorded_pipeline_runs(tmp_path):
    """In a folder with no timings, the runs are listed by the most CPU seconds the same
    notebook took in results/bench/pipeline_stages.csv, longest first (a run not recorded
    there last among them, by name); a timed run comes after every untimed one."""
    import pandas as pd

    timings = tmp_path / "build" / "timings"
    timings.mkdir(parents=True)
    (timings / "07_validate_topics.cpu.txt").write_text("9999.0\n")
    runs = _manifest_runs(tmp_path, "en nb")
    recorded = pd.read_csv(ROOT / "results" / "bench" / "pipeline_stages.csv")
    most = recorded.groupby("notebook")["cpu_seconds"].max()
    untimed = [r for r in runs if r != "07_validate_topics"]
    assert len(untimed) == 17 and runs[-1] == "07_validate_topics"
    assert untimed == sorted(untimed, key=lambda r: (-most.get(r, 0.0), r))
    assert untimed[0] == most.idxmax()  # the costliest notebook of the recorded runs first


def test_make_all_lets_a_late_run_of_one_language_wait_for_that_languages_model(tmp_path):
    """In `make all`, a late run (06 to 11) of one language waits (order only) for that
    language's model, never the other's; a run of every language for every model; 01 to 05
    for nothing extra."""
    dry = subprocess.run(["make", "-np", "--no-print-directory", "-C", str(ROOT),
                          f"OUT={tmp_path}", "LANGS=en nb", "all"],
                         capture_output=True, text=True).stdout
    order = {}  # the last listing: make lists the rules again after it remade build/deps.mk
    for line in dry.splitlines():
        found = re.match(rf"{re.escape(str(tmp_path))}/results/notebooks/(\S+)\.ipynb:.*\|(.*)",
                         line)
        if found:
            order[found[1]] = {p.rsplit("/build/", 1)[-1] for p in found[2].split()
                               if "/build/" in p}
    for lang in ("en", "nb"):
        model = {f"lda_{lang}/model", f"doc_topics_{lang}.parquet"}
        for run in ("06_guide_topics", "08_compare_keyness", "10_map_actors"):
            assert order[f"{run}__{lang}"] == model, run
    models = {f"{p}_{lang}{s}" for lang in ("en", "nb")
              for p, s in (("lda", "/model"), ("doc_topics", ".parquet"))}
    assert order["07_validate_topics"] == models
    for run in ("02_prepare_tokens", "03_select_model__nb", "04_fit_topics__en",
                "05_estimate_effects__nb"):
        assert order[run] == set(), run
