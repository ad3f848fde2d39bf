import pandas as pd
import pytest

from digiwelfare.checks import ParameterError, choice_check, int_check
from digiwelfare.config import ROOT, paths_resolve
from digiwelfare.files import file_write_atomic, table_write


def test_root_is_the_checkout():
    assert (ROOT / "pyproject.toml").is_file()
    assert (ROOT / "src" / "digiwelfare" / "config.py").is_file()


def test_paths_resolve_relative_and_absolute(small_corpus, tmp_path, monkeypatch):
    monkeypatch.delenv("DIGIWELFARE_OUT", raising=False)
    paths = paths_resolve(small_corpus, tmp_path / "out")
    assert paths.corpus == small_corpus.resolve()
    assert paths.tables == (tmp_path / "out" / "results" / "tables").resolve()
    assert paths.tokens_file().parent == (tmp_path / "out" / "build").resolve()
    assert paths_resolve("corpus", ".").figures == ROOT / "figures"


def test_paths_resolve_names_the_parameter_when_no_corpus(tmp_path):
    with pytest.raises(ParameterError, match=r"Parameter 'corpus'.*no metadata.csv"):
        paths_resolve(tmp_path, ".")


def test_out_is_redirected_by_environment(small_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("DIGIWELFARE_OUT", str(tmp_path / "elsewhere"))
    assert paths_resolve(small_corpus, ".").out == (tmp_path / "elsewhere").resolve()


def test_choice_and_int_checks_say_what_would_work():
    assert choice_check("language", "nb", ["en", "nb"]) == "nb"
    with pytest.raises(ParameterError, match=r"'language' = 'de'.*one of 'en', 'nb'"):
        choice_check("language", "de", ["en", "nb"])
    assert int_check("k", 5, 2, 10) == 5
    for bad in (1, 11, 2.5, "5", True):
        with pytest.raises(ParameterError, match="whole number from 2 to 10"):
            int_check("k", bad, 2, 10)


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "sub" / "x.bin"
    file_write_atomic(target, b"abc")
    assert target.read_bytes() == b"abc"
    assert [p.name for p in target.parent.iterdir()] == ["x.bin"]
    assert target.stat().st_mode & 0o044  # readable by others, like any written file


def test_atomic_write_follows_the_umask_in_force_when_writing(tmp_path):
    import os
    import stat

    # the mask is read at each write, not once at import: a later umask counts
    old = os.umask(0o027)
    try:
        file_write_atomic(tmp_path / "x.bin", b"abc")
        reference = tmp_path / "plain.bin"
        reference.write_bytes(b"abc")  # open() applies the umask itself: the reference
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.bin").stat().st_mode) == stat.S_IMODE(
        reference.stat().st_mode) == 0o640


def test_table_write_is_byte_stable(tmp_path):
    table = pd.DataFrame({"term": ["b", "a"], "g2": [1 / 3, 2.0]})
    table_write(table, tmp_path / "t1.csv")
    table_write(table.copy(), tmp_path / "t2.csv")
    first, second = (tmp_path / "t1.csv").read_bytes(), (tmp_path / "t2.csv").read_bytes()
    assert first == second == b"term,g2\nb,0.333333\na,2\n"
