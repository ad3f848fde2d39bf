"""The methods appendix says what the manifest and the tables say, names what is missing,
marks simulated coders, and escapes what it quotes."""

import json

import pandas as pd

from digiwelfare.appendix import appendix_html
from digiwelfare.files import table_write


def run_folder(tmp_path, with_validation=True):
    tables = tmp_path / "results" / "tables"
    manifest = {
        "git_commit": "abc123", "python": "3.11.9", "platform": "Linux",
        "corpus": {"path": "corpus", "sha256": "f00d"},
        "packages": {"gensim": "4.4.0", "krippendorff": "0.8.1", "other": "1"},
        "runs": {
            "02_prepare_tokens": {"parameters": {"no_below": 2, "no_above": 0.5,
                                                 "corpus": "corpus"}, "seeds": {}},
            "03_select_model__en": {"parameters": {"ks": [4, 6, 8], "seeds": [1, 2, 3]},
                                    "seeds": {"seeds": [1, 2, 3]}, "wall_time_s": 88.3},
            "04_fit_topics__en": {"parameters": {"seed": 77, "restarts": 3, "passes": 20,
                                                 "iterations": 400, "note": "<b>x</b>"},
                                  "seeds": {"seed": 77}, "wall_time_s": 12.0},
        }}
    (tmp_path / "results").mkdir(parents=True)
    (tmp_path / "results" / "manifest.json").write_text(json.dumps(manifest))
    table_write(pd.DataFrame({"doc_type": ["abstract", "policy_document"],
                              "language": ["en", "en"], "documents": [3, 4],
                              "words": [1000, 2345]}), tables / "corpus_counts.csv")
    table_write(pd.DataFrame({"k": [4, 6, 8], "perplexity": [600.0, 581.66, 590.0],
                              "perplexity_se": [5.0, 4.13, 6.0], "used": [False, True, False]}),
                tables / "model_choice_en.csv")
    if with_validation:
        table_write(pd.DataFrame({"task_set": "word_en_1", "kind": "word", "language": "en",
                                  "topic": [1, 2], "answers": [6, 6], "coders": 3,
                                  "right": [5, 3], "precision": [5 / 6, 0.5],
                                  "ci_low": [0.4, 0.2], "ci_high": [0.97, 0.8],
                                  "source": "simulated"}), tables / "intrusion_precision.csv")
        table_write(pd.DataFrame({"task_set": ["word_en_1"], "coders": [3], "tasks": [8],
                                  "pairable_tasks": [8], "percent_agreement": [0.5],
                                  "alpha": [0.4321], "ci_low": [0.1], "ci_high": [0.7],
                                  "source": ["simulated"]}), tables / "coding_agreement.csv")
    return tmp_path


def test_the_appendix_quotes_the_run(tmp_path):
    html = appendix_html(run_folder(tmp_path))
    for text in ("abc123", "f00d", "3.11.9", "7 document parts", "3,345 words", "4, 6, 8",
                 "581.7 ± 4.1", "<td>6</td>", "4.4.0", "0.432", "wall time", "no_below"):
        assert text in html, text
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "simulated coders" in html
    assert "mean_precision" in html and "0.667" in html  # (5/6 + 1/2) / 2


def test_missing_tables_are_named_not_invented(tmp_path):
    html = appendix_html(run_folder(tmp_path, with_validation=False))
    assert "No validation tables (notebook 11) in this run" in html
    assert "No tokens_summary.csv in this run" in html
    assert "simulated" not in html
    empty = appendix_html(tmp_path / "nothing")
    assert "No corpus_counts.csv" in empty and "<h1>Methods appendix</h1>" in empty
