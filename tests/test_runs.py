"""Which languages get runs, and why the others do not."""

import subprocess
import sys

import pandas as pd

from digiwelfare.config import ROOT
from digiwelfare.runs import language_left_out, languages_counted, languages_supported
from digiwelfare.tokentable import tokens_modelled


def corpus_with(tmp_path, tags):
    pd.DataFrame({"id": [f"d{i}" for i in range(len(tags))], "title": "t",
                  "language": tags}).to_csv(tmp_path / "metadata.csv", index=False)
    return tmp_path


def test_languages_are_counted_per_document_and_need_enough_documents(tmp_path):
    corpus = corpus_with(tmp_path, ["en"] * 3 + ["en;nb"] * 2 + ["da"] + ["fi"] * 9 + [""])
    assert languages_counted(corpus) == {"en": 5, "nb": 2, "da": 1, "fi": 9}
    assert languages_supported(corpus, min_docs=2) == ["en", "nb"]  # fi has no lemmas here
    assert languages_supported(corpus, min_docs=3) == ["en"]
    params = tmp_path / "params"
    params.mkdir()
    (params / "03_select_model__nb.yaml").write_text("language: nb\n")
    assert languages_supported(corpus, params, min_docs=2) == ["nb"]  # en has no parameters


def test_every_left_out_language_has_a_reason(tmp_path):
    counts = {"en": 30, "da": 3, "fi": 40}
    assert language_left_out("en", counts, None, 20) is None
    assert "only 3 document(s) in 'da'" in language_left_out("da", counts, None, 20)
    assert "no stop words or lemmas for language 'fi'" in language_left_out("fi", counts)
    assert "no parameter files for 'en'" in language_left_out("en", counts, tmp_path, 20)


def test_the_makefile_asks_before_the_environment_exists():
    """Standard library only: the system Python answers for the demo corpus."""
    out = subprocess.run([sys.executable, "-I", "-S", "-c",  # -S: no site-packages at all
                          "import sys; sys.path.insert(0, 'src'); from digiwelfare.runs "
                          "import main; main(['languages', 'corpus', 'params'])"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["en", "nb"]


def test_parts_no_model_sees_are_listed_with_the_reason():
    tokens = pd.DataFrame({"id": ["a", "b", "c", "c", "d"],
                           "language": ["en", "en", "en", "da", "en"],
                           "n_words": [10, 12, 9, 40, 3],
                           "tokens": [["x"], ["y"], ["z"], ["w"], []]})
    modelled, left = tokens_modelled(tokens, None, min_docs=2)
    assert modelled["id"].tolist() == ["a", "b", "c"]
    assert left[["id", "language"]].values.tolist() == [["c", "da"], ["d", "en"]]
    assert "only 1 document(s) in 'da'" in left["reason"].iloc[0]
    assert left["reason"].iloc[1] == "no word left after cleaning and stop words"
