"""A notebook run by hand: a scratch folder of its own, caches read from the pipeline's
folder, and a missing cache made by make (the same runs the Makefile would do)."""

import re
import subprocess

import pytest

from digiwelfare.config import ROOT, SCRATCH, Paths, paths_resolve, pipeline_out
from digiwelfare.session import NEEDS, needs_files, needs_make, needs_targets


@pytest.fixture(autouse=True)
def _no_pipeline_markers(monkeypatch):
    monkeypatch.delenv("DIGIWELFARE_OUT", raising=False)
    monkeypatch.delenv("MAKELEVEL", raising=False)


@pytest.fixture
def no_make(monkeypatch):
    """paths_resolve without making missing caches (a checkout may have no build/)."""
    asked = []
    monkeypatch.setattr("digiwelfare.session.needs_make",
                        lambda paths, language=None: asked.append((paths.notebook, language)))
    return asked


def test_out_none_writes_a_scratch_folder_and_reads_the_pipeline_caches(capsys, no_make):
    paths = paths_resolve("corpus", None)
    assert paths.out == SCRATCH / "interactive"
    assert "Run by hand: what this notebook writes goes to" in capsys.readouterr().out
    paths = paths_resolve("corpus", None, notebook="08_compare_keyness")
    assert paths.out == ROOT / "build" / "scratch" / "08_compare_keyness"
    assert paths.tables == paths.out / "results" / "tables"
    assert paths.figures != ROOT / "figures" and ROOT / "results" not in paths.tables.parents
    assert paths.tokens_file() == ROOT / "build" / "tokens.parquet"  # made by the pipeline
    assert no_make == [("08_compare_keyness", None)]  # asked to make what is missing


def test_a_scratch_run_writes_its_own_caches_under_scratch(no_make):
    # 02, 03 and 04 make caches: played with by hand, they must not replace the pipeline's.
    assert paths_resolve("corpus", None, notebook="02_prepare_tokens").tokens_file() == \
        SCRATCH / "02_prepare_tokens" / "build" / "tokens.parquet"
    p03 = paths_resolve("corpus", None, notebook="03_select_model")
    assert p03.choice_file("en") == SCRATCH / "03_select_model" / "build" / "chosen_k_en.txt"
    assert p03.tokens_file() == ROOT / "build" / "tokens.parquet"
    p04 = Paths(ROOT / "corpus", SCRATCH / "04_fit_topics", "04_fit_topics", ROOT)
    assert p04.model_dir("en") == SCRATCH / "04_fit_topics" / "build" / "lda_en"
    assert p04.choice_file("en") == ROOT / "build" / "chosen_k_en.txt"


def test_an_explicit_out_is_used_for_everything(small_corpus, tmp_path, no_make):
    paths = paths_resolve(small_corpus, tmp_path, notebook="02_prepare_tokens")
    assert paths.out == tmp_path.resolve() and paths.upstream is None
    assert paths.tokens_file() == tmp_path.resolve() / "build" / "tokens.parquet"


def test_another_corpus_gets_a_pipeline_folder_of_its_own(small_corpus, tmp_path):
    other = pipeline_out(small_corpus)
    assert other.parent == SCRATCH / "pipeline" and other.name.startswith("corpus-")
    twin = tmp_path / "elsewhere" / "corpus"
    twin.mkdir(parents=True)
    assert pipeline_out(twin) != other  # same folder name, another corpus
    assert pipeline_out(ROOT / "corpus") == ROOT


def test_the_environment_still_wins_over_a_scratch_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("DIGIWELFARE_OUT", str(tmp_path))
    assert paths_resolve("corpus", None).out == tmp_path.resolve()


class _FakeMake:
    """Stands in for subprocess.Popen: records the command, prints two lines, succeeds."""

    def __init__(self, returncode=0):
        self.commands, self.returncode = [], returncode

    def __call__(self, command, **kwargs):
        self.commands.append(command)
        self.stdout = iter(["02_prepare_tokens      12.0 s\n", "03_select_model__en   80.0 s\n"])
        return self

    def wait(self):
        return self.returncode


def test_a_missing_cache_is_made_by_make_with_progress_lines(small_corpus, tmp_path, capsys):
    paths = paths_resolve(small_corpus, tmp_path / "mine")
    paths = type(paths)(paths.corpus, paths.out, "04_fit_topics", None)
    fake = _FakeMake()
    made = needs_make(paths, "en", run=fake)
    out = tmp_path.resolve() / "mine"
    assert made == [f"{out}/build/tokens.parquet", f"{out}/build/vocabulary_en.txt",
                    f"{out}/build/chosen_k_en.txt"]
    command = fake.commands[0]
    assert command[:4] == ["make", "--no-print-directory", "-C", str(ROOT)]
    assert f"OUT={out}" in command and f"CORPUS={small_corpus.resolve()}" in command
    printed = capsys.readouterr().out
    assert "04_fit_topics reads tokens (made by 02_prepare_tokens)" in printed
    assert "03_select_model__en   80.0 s" in printed


def test_nothing_is_made_when_the_caches_are_there(small_corpus, tmp_path):
    paths = paths_resolve(small_corpus, tmp_path)
    paths = type(paths)(paths.corpus, paths.out, "09_read_concordances", None)
    files = [f for kind in needs_files(paths, "en").values() for f in kind]
    assert [f.name for f in files] == ["parts.parquet", "doc_topics_en.parquet"]
    for file in files:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("x")
    fake = _FakeMake()
    assert needs_make(paths, "en", run=fake) == [] and fake.commands == []


def test_a_failed_make_and_a_missing_cache_under_make_say_so(small_corpus, tmp_path,
                                                              monkeypatch):
    paths = paths_resolve(small_corpus, tmp_path)
    paths = type(paths)(paths.corpus, paths.out, "08_compare_keyness", None)
    with pytest.raises(RuntimeError, match="could not make .*tokens.parquet"):
        needs_make(paths, "en", run=_FakeMake(returncode=2))
    monkeypatch.setenv("MAKELEVEL", "1")
    with pytest.raises(FileNotFoundError, match="08_compare_keyness reads tokens.*make it with"):
        needs_make(paths, "en", run=_FakeMake())


def _runs(target: str, out) -> set[str]:
    """The notebook runs `make -n` would do for ``target`` in an empty output folder."""
    result = subprocess.run(["make", "-n", "--no-print-directory", "LANGS=en", f"OUT={out}",
                             target], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(re.findall(r"digiwelfare run \S+ \S+/(\S+)\.ipynb", result.stdout))


@pytest.mark.parametrize("notebook", sorted(NEEDS))
def test_needs_ask_make_for_the_runs_the_makefile_would_do(notebook, tmp_path):
    paths = paths_resolve("corpus", tmp_path)
    paths = type(paths)(paths.corpus, paths.out, notebook, None)
    ours = set()
    for target in needs_targets(paths, list(NEEDS[notebook]), "en"):
        ours |= _runs(target, tmp_path)
    run = notebook if (ROOT / "params" / f"{notebook}.yaml").is_file() else f"{notebook}__en"
    theirs = _runs(f"{tmp_path}/results/notebooks/{run}.ipynb", tmp_path)
    assert ours == theirs - {run}
    assert ours  # every notebook in NEEDS needs at least notebook 02
