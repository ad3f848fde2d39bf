"""The mutation report: scores counted by hand, merging runs, equivalent mutants checked, and
the README's table tied to results/mutation/score.csv."""

from pathlib import Path

import pandas as pd
import pytest

from digiwelfare.mutation import (
    diff_change,
    readme_table,
    readme_update,
    report_write,
    results_parse,
    score_merge,
    survivors_parse,
    textstat_mutation_score,
)

ROOT = Path(__file__).resolve().parents[1]

RESULTS = """\
    digiwelfare.pvalues.x_p_adjust_holm__mutmut_1: killed
    digiwelfare.pvalues.x_p_adjust_holm__mutmut_2: survived
    digiwelfare.pvalues.x_p_adjust_holm__mutmut_3: timeout
    digiwelfare.pvalues.x_p_adjust_bh__mutmut_1: no tests
    digiwelfare.pvalues.x_p_adjust_bh__mutmut_2: skipped
    digiwelfare.pvalues.x_p_adjust_bh__mutmut_3: survived
    digiwelfare.pvalues.x_p_adjust_bh__mutmut_4: suspicious
    digiwelfare.networks.xǁGraphǁedges__mutmut_1: killed
"""
SURVIVORS = """\
## digiwelfare.pvalues.x_p_adjust_bh__mutmut_1
# digiwelfare.pvalues.x_p_adjust_bh__mutmut_1: no tests
--- src/digiwelfare/pvalues.py
+++ src/digiwelfare/pvalues.py
-    m = len(ok)
+    m = None

## digiwelfare.pvalues.x_p_adjust_bh__mutmut_3
# digiwelfare.pvalues.x_p_adjust_bh__mutmut_3: survived
--- src/digiwelfare/pvalues.py
+++ src/digiwelfare/pvalues.py
-    x = max(0, y)
+    x = max(1, y)

## digiwelfare.pvalues.x_p_adjust_holm__mutmut_2
# digiwelfare.pvalues.x_p_adjust_holm__mutmut_2: survived
--- src/digiwelfare/pvalues.py
+++ src/digiwelfare/pvalues.py
-    a = 1
+    a = 2
"""
EQUIVALENT = pd.DataFrame({"module": ["digiwelfare.pvalues"],
                           "mutant": ["digiwelfare.pvalues.x_p_adjust_bh__mutmut_3"],
                           "change": ["x = max(1, y)"], "reason": ["y is never below 1"]})


def test_scores_by_hand():
    results = results_parse(RESULTS)
    assert len(results) == 8 and set(results.module) == {"digiwelfare.pvalues",
                                                         "digiwelfare.networks"}
    score = textstat_mutation_score(results, EQUIVALENT).set_index("module")
    p = score.loc["digiwelfare.pvalues"]
    # 7 mutants: 1 killed + 1 timeout count; 1 skipped and 1 equivalent leave 5: 2 / 5
    assert (p.mutants, p.killed, p.timeout, p.survived, p.no_tests, p.skipped, p.other,
            p.equivalent) == (7, 1, 1, 2, 1, 1, 1, 1)
    assert p.score == pytest.approx(0.4)
    assert score.loc["digiwelfare.networks", "score"] == 1.0


def test_runs_merge_by_module():
    old = pd.DataFrame({"module": ["a", "b"], "mutants": [1, 2], "killed": [1, 1],
                        "timeout": 0, "survived": [0, 1], "no_tests": 0, "skipped": 0,
                        "other": 0, "equivalent": 0, "score": [1.0, 0.5]})
    new = old.iloc[[1]].assign(killed=2, survived=0, score=1.0)
    merged = score_merge(new, old)
    assert merged.module.tolist() == ["a", "b"] and merged.killed.tolist() == [1, 2]
    assert score_merge(new, None).module.tolist() == ["b"]


def test_report_written_and_equivalents_checked(tmp_path):
    (tmp_path / "results.txt").write_text(RESULTS, encoding="utf-8")
    (tmp_path / "survivors.txt").write_text(SURVIVORS, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    EQUIVALENT.to_csv(out / "equivalent.csv", index=False)
    (out / "survivors.txt").write_text("## digiwelfare.keyness.x_f__mutmut_9\n# kept\n",
                                       encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("a\n<!-- mutation-score -->\nold\n<!-- /mutation-score -->\nb\n")
    score = report_write(tmp_path / "results.txt", tmp_path / "survivors.txt", out, readme)
    assert pd.read_csv(out / "score.csv").equals(score)
    blocks = survivors_parse((out / "survivors.txt").read_text(encoding="utf-8"))
    assert "digiwelfare.keyness.x_f__mutmut_9" in blocks  # another module's survivors stay
    assert blocks["digiwelfare.pvalues.x_p_adjust_bh__mutmut_3"].startswith(
        "# survived; equivalent: y is never below 1")
    assert readme.read_text() == ("a\n<!-- mutation-score -->\n" + readme_table(score)
                                  + "\n<!-- /mutation-score -->\nb\n")
    # a listed equivalent mutant whose line changed, or that was killed, must be judged again
    EQUIVALENT.assign(change="x = max(2, y)").to_csv(out / "equivalent.csv", index=False)
    with pytest.raises(ValueError, match=r"line 2 .*now changes 'x = max\(1, y\)'"):
        report_write(tmp_path / "results.txt", tmp_path / "survivors.txt", out)
    EQUIVALENT.assign(mutant="digiwelfare.pvalues.x_p_adjust_holm__mutmut_1").to_csv(
        out / "equivalent.csv", index=False)
    with pytest.raises(ValueError, match="has it as killed"):
        report_write(tmp_path / "results.txt", tmp_path / "survivors.txt", out)
    assert diff_change("+++ f\n-a\n+b\n+c") == "b / c"
    with pytest.raises(ValueError, match="no <!-- mutation-score -->"):
        readme_update("no block", score)


def test_the_readme_quotes_the_mutation_scores():
    """The README's table is results/mutation/score.csv, number for number."""
    score = pd.read_csv(ROOT / "results" / "mutation" / "score.csv")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- mutation-score -->\n")[1].split("\n<!-- /mutation-score -->")[0]
    assert block == readme_table(score)
    # and the score is the stated formula of the stated counts
    counted = score.mutants - score.skipped - score.equivalent
    assert score.score.tolist() == pytest.approx(
        ((score.killed + score.timeout) / counted).round(3).tolist())


def test_every_equivalent_mutant_has_a_reason():
    eq = pd.read_csv(ROOT / "results" / "mutation" / "equivalent.csv", dtype=str,
                     keep_default_na=False)
    assert list(eq.columns) == ["module", "mutant", "change", "reason"]
    assert (eq.reason.str.len() > 10).all() and not eq.mutant.duplicated().any()
    assert (eq.module == eq.mutant.str.rsplit(".", n=1).str[0]).all()
