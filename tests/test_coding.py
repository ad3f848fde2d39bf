"""Task sets on disk, answer files read back, Krippendorff's alpha against Krippendorff's
own worked examples, and dictionary validity against hand-worked cases and scipy."""

import numpy as np
import pandas as pd
import pytest
from scipy.stats import binomtest

from digiwelfare.coding import (
    answers_read,
    answers_simulate_dictionary,
    answers_write,
    coders_anonymise,
    keys_read,
    sentences_sample,
    taskset_write,
    textstat_agreement,
    textstat_dictionary_validity,
)
from digiwelfare.dictionaries import Entry
from digiwelfare.intrusion import answers_scored, tasks_word_intrusion


def word_tasks(seed=1):
    rng = np.random.default_rng(0)
    phi = rng.dirichlet(np.full(60, 0.1), size=5)
    return tasks_word_intrusion(phi, [f"word{i:02d}" for i in range(60)], "en", per_topic=2,
                                seed=seed)


def write(tmp_path, seed=1, sub="a"):
    tasks, key = word_tasks(seed)
    name = taskset_write(tasks, key, "word", "en", tmp_path / sub / "tasks", tmp_path / sub / "key",
                         "Which word does not belong?", "Word intrusion")
    return name, tasks, key


def test_a_task_set_is_the_same_bytes_every_time_and_named_by_its_content(tmp_path):
    a, *_ = write(tmp_path, sub="a")
    b, *_ = write(tmp_path, sub="b")
    c, *_ = write(tmp_path, seed=2, sub="c")
    assert a == b != c and a.startswith("word_en_")
    for suffix in (".html", ".csv"):
        assert ((tmp_path / "a" / "tasks" / f"{a}{suffix}").read_bytes()
                == (tmp_path / "b" / "tasks" / f"{b}{suffix}").read_bytes())
    assert keys_read(tmp_path / "a" / "key", [a])["task_set"].eq(a).all()


def test_the_key_never_reaches_what_coders_see(tmp_path):
    name, tasks, key = write(tmp_path)
    html = (tmp_path / "a" / "tasks" / f"{name}.html").read_text(encoding="utf-8")
    sheet = pd.read_csv(tmp_path / "a" / "tasks" / f"{name}.csv", keep_default_na=False)
    assert list(sheet.columns) == ["task_set", "task", "prompt", *[f"option_{i}" for i in
                                                                   range(1, 7)], "coder", "answer"]
    assert (sheet["answer"] == "").all() and (sheet["coder"] == "").all()
    for word in ("intruder", "topic", "correct"):
        assert word not in html.lower() and word not in sheet.columns
    # the page's data hold only the tasks' own fields
    import json
    import re

    data = json.loads(re.search(r'id="tasks">(.*?)</script>', html, re.S).group(1))
    assert {k for t in data["tasks"] for k in t} == {"task", "prompt", "options"}
    # the intruder sits in every position somewhere, so its place tells nothing
    assert set(key["answer"]) == set(range(1, 7)) or key["answer"].nunique() >= 4
    assert "<script src" not in html and "http" not in html and "<link" not in html


def test_answer_files_are_read_from_form_downloads_and_filled_sheets(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    answers_write(pd.DataFrame({"task_set": "s", "task": [1, 2], "coder": "K1", "answer": [3, 1]}),
                  folder / "answers_s_K1.csv")
    pd.DataFrame({"task_set": ["s", "s", "s"], "task": [1, 2, 3], "prompt": ["", "", ""],
                  "coder": ["", "", ""], "answer": ["2", "", "4"]}).to_csv(
        folder / "K2.csv", index=False)
    answers = answers_read(folder)
    assert answers[["coder", "task", "answer"]].values.tolist() == [
        ["K1", 1, 3], ["K1", 2, 1], ["K2", 1, 2], ["K2", 3, 4]]
    assert coders_anonymise(answers)["coder"].unique().tolist() == ["coder 1", "coder 2"]


def test_a_bad_answer_file_is_named_with_its_row(tmp_path):
    (tmp_path / "x.csv").write_text("task_set,task,answer\ns,1,2\ns,2,yes\n")
    with pytest.raises(ValueError, match=r"x.csv, row 3: task '2', answer 'yes'"):
        answers_read(tmp_path)
    (tmp_path / "x.csv").write_text("task,answer\n1,2\n")
    with pytest.raises(ValueError, match="no column.*task_set"):
        answers_read(tmp_path)


def as_answers(matrix, task_set="s"):
    """Coders x units (None: missing) as an answer table."""
    return pd.DataFrame([(task_set, u + 1, f"c{c}", v) for c, row in enumerate(matrix)
                         for u, v in enumerate(row) if v is not None],
                        columns=["task_set", "task", "coder", "answer"])


def test_alpha_matches_krippendorffs_worked_examples():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C: four
    # observers, twelve units, values missing; nominal alpha = 0.743.
    n = None
    example_c = [[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
                 [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
                 [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
                 [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]
    table = textstat_agreement(as_answers(example_c), n_boot=50)
    assert table["alpha"].iloc[0] == pytest.approx(0.743, abs=5e-4)
    assert table["pairable_tasks"].iloc[0] == 11  # unit 12 has one value only
    assert table["ci_low"].iloc[0] <= 0.743 <= table["ci_high"].iloc[0]
    # Example A: two observers, binary, ten units; alpha = 0.095.
    example_a = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    table = textstat_agreement(as_answers(example_a), n_boot=50)
    assert table["alpha"].iloc[0] == pytest.approx(0.095, abs=5e-4)
    assert table["percent_agreement"].iloc[0] == pytest.approx(0.6)  # 6 of 10 units agree


def test_percent_agreement_counts_pairs_by_hand():
    # unit 1: three coders 1,1,2 -> 1 of 3 pairs agree; unit 2: 3,3 -> 1 of 1
    table = textstat_agreement(as_answers([[1, 3], [1, 3], [2, None]]), n_boot=10)
    assert table["percent_agreement"].iloc[0] == pytest.approx(2 / 4)


def test_one_coder_has_no_alpha():
    table = textstat_agreement(as_answers([[1, 2, 3]]), n_boot=10)
    assert np.isnan(table["alpha"].iloc[0]) and table["coders"].iloc[0] == 1


def validity_case(yes_matched, n_matched, yes_unmatched, n_unmatched, size_m, size_u, coders=1):
    key = pd.DataFrame({
        "task_set": "d", "task": range(1, n_matched + n_unmatched + 1), "kind": "dictionary",
        "language": "en", "category": "care",
        "matched": [True] * n_matched + [False] * n_unmatched,
        "stratum_size": [size_m] * n_matched + [size_u] * n_unmatched})
    yes = ([1] * yes_matched + [2] * (n_matched - yes_matched) + [1] * yes_unmatched
           + [2] * (n_unmatched - yes_unmatched))
    answers = pd.concat([pd.DataFrame({"task_set": "d", "task": key["task"],
                                       "coder": f"c{c}", "answer": yes})
                         for c in range(coders)])
    return answers_scored(answers, key.assign(answer=1))


def test_dictionary_validity_by_hand_with_scipys_wilson_intervals():
    table = textstat_dictionary_validity(validity_case(8, 10, 2, 10, 100, 900))
    r = table.iloc[0]
    assert (r.matched_coded, r.matched_yes, r.unmatched_coded, r.unmatched_yes) == (10, 8, 10, 2)
    assert r.precision == pytest.approx(0.8)
    ci = binomtest(8, 10).proportion_ci(method="wilson")
    assert (r.precision_low, r.precision_high) == pytest.approx((ci.low, ci.high))
    # TP = 100 * 0.8 = 80, FN = 900 * 0.2 = 180
    assert r.recall == pytest.approx(80 / 260)
    assert r.f1 == pytest.approx(2 * 80 / (2 * 80 + 20 + 180))
    # recall's bounds: the 97.5 % Wilson bounds of both shares, at the worst corners
    m = binomtest(8, 10).proportion_ci(confidence_level=0.975, method="wilson")
    u = binomtest(2, 10).proportion_ci(confidence_level=0.975, method="wilson")
    assert r.recall_low == pytest.approx(100 * m.low / (100 * m.low + 900 * u.high))
    assert r.recall_high == pytest.approx(100 * m.high / (100 * m.high + 900 * u.low))
    assert r.f1_low <= r.f1 <= r.f1_high and r.recall_low <= r.recall <= r.recall_high


def test_majority_of_coders_decides_and_ties_are_left_out():
    key = pd.DataFrame({"task_set": "d", "task": [1, 2], "kind": "dictionary",
                        "language": "en", "category": "care", "matched": [True, True],
                        "stratum_size": [5, 5], "answer": 1})
    answers = pd.DataFrame({"task_set": "d", "task": [1, 1, 1, 2, 2],
                            "coder": ["a", "b", "c", "a", "b"], "answer": [1, 2, 1, 1, 2]})
    r = textstat_dictionary_validity(answers_scored(answers, key)).iloc[0]
    assert (r.matched_coded, r.matched_yes, r.ties, r.precision) == (1, 1, 1, 1.0)


def test_simulated_dictionary_coders_recover_precision_and_recall():
    n = 3000
    key = pd.DataFrame({"task": range(1, 2 * n + 1), "kind": "dictionary", "language": "en",
                        "category": "care", "matched": [True] * n + [False] * n,
                        "stratum_size": [400] * n + [3600] * n, "answer": 1})
    answers = answers_simulate_dictionary(key, "d", precision=0.7, miss_rate=0.05,
                                          noise=[0.0, 0.0, 0.0], seed=3)
    r = textstat_dictionary_validity(answers_scored(answers, key.assign(task_set="d"))).iloc[0]
    true_recall = 400 * 0.7 / (400 * 0.7 + 3600 * 0.05)
    assert r.precision_low <= 0.7 <= r.precision_high
    assert r.recall_low <= true_recall <= r.recall_high
    assert abs(r.recall - true_recall) < 0.05
    # noisy coders: three with 10 % noise agree less, and alpha says so
    noisy = answers_simulate_dictionary(key, "d", 0.7, 0.05, noise=[0.1, 0.1, 0.1], seed=3)
    alpha = textstat_agreement(noisy, n_boot=20)["alpha"].iloc[0]
    assert textstat_agreement(answers, n_boot=20)["alpha"].iloc[0] == pytest.approx(1.0)
    assert 0.3 < alpha < 0.9


def test_sentences_sample_is_stratified_and_marks_what_the_dictionary_found():
    parts = pd.DataFrame({"id": ["a", "b"], "text": [
        "Workload rose sharply. The office moved. Stress was reported by staff. Lunch is good.",
        "Managers watched the staff. The caseload doubled. Weather was mild. Trains ran late."]})
    lexicon = {"care": {"en": [Entry("workload", ("workload",)), Entry("stress", ("stress",)),
                               Entry("caseload", ("caseload",))]},
               "control": {"en": [Entry("watch", ("watch",))]}}
    tasks, key = sentences_sample(parts, lexicon, {"care": "overload"}, "en", n_matched=2,
                                  n_unmatched=3, seed=4)
    counts = key.groupby(["category", "matched"]).size()
    assert counts[("care", True)] == 2 and counts[("care", False)] == 3
    assert counts[("control", True)] == 1  # only one sentence matches control
    sizes = key.groupby(["category", "matched"])["stratum_size"].first()
    assert sizes[("care", True)] == 3 and sizes[("care", False)] == 5
    assert sizes[("control", True)] == 1 and sizes[("control", False)] == 7
    for (_, t), (_, k) in zip(tasks.iterrows(), key.iterrows(), strict=True):
        has = any(w in t["prompt"].lower() for w in ("workload", "stress", "caseload")) \
            if k["category"] == "care" else "watched" in t["prompt"]
        assert has == k["matched"]
    assert tasks["prompt"].str.startswith("Category: care (overload)").sum() == 5
    again = sentences_sample(parts, lexicon, {}, "en", n_matched=2, n_unmatched=3, seed=4)[1]
    assert again.equals(key)


def test_wilson_interval_is_statsmodels_with_its_bounds_around_the_share():
    """The Wilson interval is statsmodels' (an independent reference) to 1e-12; where its
    arithmetic puts a bound a rounding error inside the share (k = n: 0.9999999999999999;
    k = 0: 2.8e-17), the bound is the share itself."""
    from statsmodels.stats.proportion import proportion_confint

    from digiwelfare.coding import wilson_interval

    for n in range(1, 40):
        for k in range(n + 1):
            low, high = wilson_interval(k, n, 0.05)
            ref = proportion_confint(k, n, alpha=0.05, method="wilson")
            assert low <= k / n <= high
            assert abs(low - ref[0]) < 1e-12 and abs(high - ref[1]) < 1e-12
    assert wilson_interval(7, 7)[1] == 1.0 and wilson_interval(0, 7)[0] == 0.0
    assert proportion_confint(7, 7, method="wilson")[1] < 1.0  # what the wrapper mends
