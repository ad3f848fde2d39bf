"""Dictionaries: matching, rates, intervals (coverage and hand-worked), sentences, dispersion."""

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from digiwelfare.dictionaries import (
    Entry,
    dictionary_lines_sample,
    dictionary_match,
    dictionary_read,
    lemmas_all,
    sentences_lemmatize,
    sentences_match,
    terms_locate,
    text_sentences,
    textstat_dictionary,
    textstat_dictionary_difference,
    textstat_dictionary_groups,
    textstat_dictionary_highest,
    textstat_term_periods,
    textstat_topic_dictionary,
)


@pytest.fixture
def lexicon(tmp_path):
    path = tmp_path / "dict.yaml"
    path.write_text("categories:\n"
                    "  control:\n    en: [monitor, surveillance, \"performance measure*\"]\n"
                    "    nb: [overvåking, \"kontroll*\"]\n"
                    "  barriers:\n    en: [\"sick leave\", turnover, \"staff shortage*\"]\n"
                    "    nb: [sykefravær, turnover]\n", encoding="utf-8")
    return dictionary_read(path)


def test_dictionary_matching_longest_first(lexicon):
    lemmas = lemmas_all("Managers monitored sick leave and performance measurement, and "
                        "staff shortages grew.", "en")
    hits = dictionary_match(lemmas, lexicon, "en")
    assert [(c, e) for _, _, c, e in hits] == [("control", "monitor"), ("barriers", "sick leave"),
                                               ("control", "performance measure*"),
                                               ("barriers", "staff shortage*")]
    assert Entry("kontroll*", ("kontroll*",)).matches_at(["kontrollrutine"], 0)


def test_dictionary_file_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories:\n  control: [monitor]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="category 'control' must map languages"):
        dictionary_read(bad)
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a mapping 'categories:'"):
        dictionary_read(bad)


def test_punctuation_only_and_empty_texts(lexicon):
    assert lemmas_all("– • & § 12", "nb") == [] and lemmas_all("", "en") == []
    parts = pd.DataFrame({"id": ["a", "b"],
                          "text": ["– • & §", "Kontrollrutiner – § og ukjentxq."]})
    rates = textstat_dictionary(parts, lexicon, "nb").set_index(["id", "category"])
    assert rates.loc[("a", "control"), "tokens"] == 0 and np.isnan(rates.loc[("a", "control"),
                                                                             "rate"])
    assert rates.loc[("b", "control"), "hits"] == 1
    assert len(dictionary_lines_sample(parts, lexicon, "nb")) == 1


def test_rates_and_small_groups(lexicon, capsys):
    parts = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [
        "Managers monitor staff. Sick leave rose.",
        "Surveillance and sick leave go together here.",
        "Nothing relevant in this text at all.", "No year for this monitor."]})
    rates = textstat_dictionary(parts, lexicon, "en")
    got = rates.set_index(["id", "category"])
    assert got.loc[("a", "control"), "hits"] == 1 and got.loc[("a", "control"), "tokens"] == 6
    assert got.loc[("a", "control"), "rate"] == pytest.approx(1000 / 6)
    meta = pd.DataFrame({"id": ["a", "b", "c", "d"], "doc_type": ["x", "x", "y", pd.NA]})
    groups = textstat_dictionary_groups(rates, meta, "doc_type", n_boot=200, min_docs=2)
    assert "1 documents have no value" in capsys.readouterr().out
    x = groups.set_index(["group", "category"]).loc[("x", "control")]
    assert x.hits == 2 and x.rate == pytest.approx(1000 * 2 / (6 + 7)) and x.documents == 2
    assert x.ci_low <= x.rate <= x.ci_high and x.ci_method == "bootstrap over documents"
    y = groups.set_index(["group", "category"]).loc[("y", "control")]
    assert y.few_docs and np.isnan(y.ci_low) and np.isnan(y.ci_high)


def test_zero_hits_get_the_exact_poisson_interval_not_zero_zero():
    rates = pd.DataFrame({"id": [f"d{i}" for i in range(12)], "category": "c", "hits": 0,
                          "tokens": 250})
    meta = pd.DataFrame({"id": rates["id"], "year": pd.array([2020] * 12, dtype="Int64")})
    row = textstat_dictionary_groups(rates, meta, "year").iloc[0]
    # no hits in 3,000 tokens: the upper 97.5 % Poisson limit is -ln(0.025) = 3.689 hits
    assert row.ci_low == 0 and row.ci_high == pytest.approx(3.68888 * 1000 / 3000, rel=1e-4)
    assert row.ci_method == "exact Poisson" and not row.few_docs


def test_difference_by_hand_and_few_documents():
    rates = pd.DataFrame({"id": ["a1", "a2", "b1", "b2"], "category": "c",
                          "hits": [2, 4, 1, 1], "tokens": [100, 200, 100, 300]})
    meta = pd.DataFrame({"id": ["a1", "a2", "b1", "b2"], "g": ["A", "A", "B", "B"]})
    row = textstat_dictionary_difference(rates, meta, "g", "A", min_docs=1, n_boot=300).iloc[0]
    # A: 6 hits in 300 tokens = 20 per 1,000; B: 2 in 400 = 5 per 1,000
    assert (row.rate_a, row.rate_b, row.difference, row.ratio) == pytest.approx((20, 5, 15, 4))
    assert row.diff_low <= 15 <= row.diff_high and row.ratio_low <= 4 <= row.ratio_high
    few = textstat_dictionary_difference(rates, meta, "g", "A", "B").iloc[0]
    assert few.few_docs and np.isnan(few.diff_low) and few.group_b == "B"


def test_no_zero_width_interval_for_a_difference():
    # Identical documents: every resample gives the same difference, and a zero-width
    # interval would claim a certainty a bootstrap over documents cannot give: none is given,
    # and ci_method says why. Neither group with a hit: no interval either.
    ids = [f"d{i}" for i in range(20)]
    same = pd.DataFrame({"id": ids, "category": "c", "hits": [4] * 10 + [1] * 10,
                         "tokens": 200})
    meta = pd.DataFrame({"id": ids, "g": ["A"] * 10 + ["B"] * 10})
    row = textstat_dictionary_difference(same, meta, "g", "A", n_boot=200).iloc[0]
    assert row.difference == pytest.approx(15) and row.ratio == pytest.approx(4)
    assert np.isnan([row.diff_low, row.diff_high, row.ratio_low, row.ratio_high]).all()
    assert row.ci_method == "none: every resample gives the same difference"
    assert not row.few_docs
    zero = textstat_dictionary_difference(same.assign(hits=0), meta, "g", "A").iloc[0]
    assert zero.ci_method == "none: no hits in either group" and np.isnan(zero.diff_low)
    assert np.isnan(zero.ratio)
    few = textstat_dictionary_difference(same, meta, "g", "A", min_docs=11).iloc[0]
    assert few.ci_method == "none: fewer than 11 documents" and few.few_docs


def test_bootstrap_pools_hits_and_tokens_of_the_resampled_documents():
    # One long document with every hit and nine short ones without: the pooled rate is
    # 10 / 1,090 tokens; resampling sums (not means of per-document rates) brackets it.
    ids = [f"d{i}" for i in range(10)]
    meta = pd.DataFrame({"id": ids, "g": "A"})
    pooled = pd.DataFrame({"id": ids, "category": "c", "hits": [10] + [0] * 9,
                           "tokens": [1000] + [10] * 9})
    one = textstat_dictionary_groups(pooled, meta, "g", n_boot=500).iloc[0]
    assert one.rate == pytest.approx(10_000 / 1090)
    assert one.ci_low == 0 and one.ci_high >= one.rate


def test_difference_interval_is_bca_and_deterministic():
    # 12 and 15 documents with varied rates: the interval is scipy's BCa interval of the
    # pooled difference (each group's documents resampled separately), computed here by
    # hand as Efron & Tibshirani (1993, eq. 14.10, 14.14, 14.15) give it from the same
    # resamples: bias correction z0 from the share of resamples below the estimate,
    # acceleration from the jackknife.
    from scipy.stats import norm

    rng = np.random.default_rng(5)
    n_a, n_b = 12, 15
    tokens = rng.integers(300, 1500, n_a + n_b).astype(float)
    hits = rng.poisson(np.r_[np.full(n_a, 9.0), np.full(n_b, 4.0)] / 1000 * tokens
                       * rng.gamma(1.5, 1 / 1.5, n_a + n_b)).astype(float)
    ids = [f"d{i:02d}" for i in range(n_a + n_b)]
    rates = pd.DataFrame({"id": ids, "category": "c", "hits": hits, "tokens": tokens})
    meta = pd.DataFrame({"id": ids, "g": ["A"] * n_a + ["B"] * n_b})
    row = textstat_dictionary_difference(rates, meta, "g", "A", n_boot=3000, seed=9).iloc[0]
    again = textstat_dictionary_difference(rates, meta, "g", "A", n_boot=3000, seed=9)
    assert (row.diff_low, row.diff_high) == (again.diff_low[0], again.diff_high[0])
    ha, ta, hb, tb = hits[:n_a], tokens[:n_a], hits[n_a:], tokens[n_a:]
    theta = 1000 * (ha.sum() / ta.sum() - hb.sum() / tb.sum())
    assert row.difference == pytest.approx(theta)
    # our own resamples (another stream): the bounds agree to bootstrap noise
    own = np.random.default_rng(123)
    ia, ib = own.integers(0, n_a, (20000, n_a)), own.integers(0, n_b, (20000, n_b))
    boot = 1000 * (ha[ia].sum(1) / ta[ia].sum(1) - hb[ib].sum(1) / tb[ib].sum(1))
    z0 = norm.ppf((boot < theta).mean())
    jack = []
    for h, t, other in ((ha, ta, hb.sum() / tb.sum()), (hb, tb, None)):
        for i in range(len(h)):
            keep = np.arange(len(h)) != i
            rate = h[keep].sum() / t[keep].sum()
            jack.append(("A", 1000 * (rate - other)) if other is not None
                        else ("B", 1000 * (ha.sum() / ta.sum() - rate)))
    acc_num = acc_den = 0.0
    for group in ("A", "B"):  # acceleration summed over the two samples
        j = np.array([v for g, v in jack if g == group])
        d = j.mean() - j
        acc_num += (d ** 3).sum()
        acc_den += (d ** 2).sum()
    a = acc_num / (6 * acc_den ** 1.5)
    alphas = [norm.cdf(z0 + (z0 + z) / (1 - a * (z0 + z))) for z in norm.ppf([0.025, 0.975])]
    low, high = np.percentile(boot, 100 * np.array(alphas))
    spread = boot.std()
    # (here BCa moves each bound by about 0.15 spreads from the percentile interval's)
    assert abs(row.diff_low - low) < 0.07 * spread and abs(row.diff_high - high) < 0.07 * spread
    pct_low, pct_high = np.percentile(boot, [2.5, 97.5])
    assert abs(row.diff_low - pct_low) > 0.1 * spread < abs(row.diff_high - pct_high)
    assert row.ci_method == "BCa bootstrap over documents"
    # the ratio's interval is BCa on the log scale: it brackets the ratio of pooled rates
    assert row.ratio == pytest.approx((ha.sum() / ta.sum()) / (hb.sum() / tb.sum()))
    assert row.ratio_low < row.ratio < row.ratio_high


def test_difference_interval_covers_the_true_difference():
    # Documents whose own rates vary (gamma) around 8 and 5 per 1,000, lengths 200-2,000, 25
    # a group: the 95 % interval of the difference should cover the true 3 per 1,000 about
    # 95 % of the time (200 replications: a binomial standard error of 1.5 points), and be
    # about as wide as 2 x 1.96 standard deviations of the estimates over the replications
    # (the sampling distribution itself, the independent reference). Measured here: 91.5 %
    # coverage, width 0.91 of that (a bootstrap over 25 documents is a little narrow; with
    # 400 replications and 999 resamples BCa covered 92.8 %, the percentile interval 94 %).
    # An interval that ignored how documents vary (Poisson), or a 90 % one, would miss.
    rng = np.random.default_rng(42)
    covered, reps, n = 0, 200, 25
    estimates, widths = [], []
    for r in range(reps):
        tokens = rng.integers(200, 2000, size=2 * n)
        mu = np.r_[np.full(n, 8.0), np.full(n, 5.0)] / 1000
        hits = rng.poisson(rng.gamma(2.0, mu / 2.0) * tokens)
        ids = [f"d{i}" for i in range(2 * n)]
        rates = pd.DataFrame({"id": ids, "category": "c", "hits": hits, "tokens": tokens})
        meta = pd.DataFrame({"id": ids, "g": ["A"] * n + ["B"] * n})
        row = textstat_dictionary_difference(rates, meta, "g", "A", n_boot=400, seed=r).iloc[0]
        covered += row.diff_low <= 3.0 <= row.diff_high
        estimates.append(row.difference)
        widths.append(row.diff_high - row.diff_low)
    assert 0.9 <= covered / reps <= 0.99
    assert 0.85 <= np.mean(widths) / (2 * 1.96 * np.std(estimates, ddof=1)) <= 1.1


def test_sentences_categories_and_topics(lexicon):
    text = ("Vi brukte f.eks. intervjuer. Se St.meld. nr. 9 om dette! Data, e.g. logs, "
            "were read.\n\nNew paragraph without a stop")
    assert text_sentences(text) == ["Vi brukte f.eks. intervjuer.", "Se St.meld. nr. 9 om dette!",
                                    "Data, e.g. logs, were read.", "New paragraph without a stop"]
    assert text_sentences("") == [] and text_sentences("– . §") == ["– . §"]
    parts = pd.DataFrame({"id": ["a", "b"], "text": ["Managers monitor staff. Sick leave rose.",
                                                     "Surveillance and sick leave go together."]})
    lemmatized = sentences_lemmatize(parts, "en")
    assert len(lemmatized) == 3 and lemmatized["lemmas"].iloc[0][:2] == ["manager", "monitor"]
    found = sentences_match(lemmatized, lexicon, "en")
    assert found[["id", "sentence", "category"]].values.tolist() == [
        ["a", 0, "control"], ["a", 1, "barriers"], ["b", 0, "barriers"], ["b", 0, "control"]]
    rates = textstat_dictionary(parts, lexicon, "en")
    doc_topics = pd.DataFrame({"id": ["a", "b"], "1": [1.0, 0.5], "2": [0.0, 0.5]})
    by_topic = textstat_topic_dictionary(rates, doc_topics).set_index(["topic", "category"])
    # topic 1: a (weight 1) has 1 hit in 6 tokens, b (weight 0.5) 1 hit in 6 tokens
    assert by_topic.loc[(1, "control"), "rate"] == pytest.approx(1000 * 1.5 / (6 + 3))


def test_dispersion_positions_by_hand(capsys):
    parts = pd.DataFrame({"id": ["late", "early", "none"], "text": [
        "trust data trust", "data one two three", "trust"]})
    meta = pd.DataFrame({"id": ["late", "early", "none"],
                         "year": pd.array([2021, 2015, None], dtype="Int64")})
    table = terms_locate(parts, meta, ["Trust", "data"], "en")
    assert "1 documents have no year" in capsys.readouterr().out
    # early (2015) is document 0 with 4 lemmas; late (2021) is document 1 with 3
    assert table[["term", "id", "x", "doc_start"]].values.tolist() == [
        ["data", "early", 0.0, 0], ["trust", "late", 1.0, 1], ["data", "late", 1 + 1 / 3, 1],
        ["trust", "late", 1 + 2 / 3, 1]]
    assert table.attrs["n_documents"] == 2 and math.isclose(table["x"].max(), 5 / 3)
    assert terms_locate(parts, meta, ["absent"], "en").empty


def test_term_periods_counted_by_hand():
    from digiwelfare.dictionaries import textstat_term_periods

    parts = pd.DataFrame({"id": ["a", "b", "c", "d", "e"]})
    meta = pd.DataFrame({"id": ["a", "b", "c", "d", "e"], "year": [2015, 2018, 2019, 2021, None]})
    # 'ai' twice in c and once in d (later), 'case' in a (earlier) and e (no year: left out)
    positions = pd.DataFrame({"term": ["ai", "ai", "ai", "case", "case"],
                              "id": ["c", "c", "d", "a", "e"]})
    table = textstat_term_periods(positions, parts, meta, ["ai", "case"], 2019)
    got = table.set_index(["term", "period"])
    assert got.loc[("ai", "2019 and later"), ["documents", "using", "hits"]].tolist() == [2, 2, 3]
    assert got.loc[("ai", "before 2019"), ["documents", "using", "hits"]].tolist() == [2, 0, 0]
    assert got.loc[("case", "before 2019"), "share"] == 0.5
    assert got.loc[("case", "2019 and later"), "hits"] == 0


def test_highest_group_needs_its_interval_above_every_other_rate():
    from digiwelfare.dictionaries import textstat_dictionary_highest

    groups = pd.DataFrame({
        "group": ["DK", "NO", "SE", "DK", "NO", "SE"],
        "category": ["control"] * 3 + ["trust"] * 3,
        "rate": [9.0, 5.0, 6.0, 4.0, 3.5, 12.0],
        # control: DK's lower bound 6.5 clears SE's 6.0; trust: SE (12.0) has too few
        # documents to take part, and DK's lower bound 3.9 clears NO's 3.5
        "ci_low": [6.5, 3.0, 4.0, 3.9, 3.0, 1.0],
        "few_docs": [False, False, False, False, False, True]})
    table = textstat_dictionary_highest(groups)
    assert table.to_dict("records") == [
        {"category": "control", "group": "DK", "rate": 9.0, "ci_low": 6.5, "next_group": "SE",
         "next_rate": 6.0},
        {"category": "trust", "group": "DK", "rate": 4.0, "ci_low": 3.9, "next_group": "NO",
         "next_rate": 3.5}]
    groups.loc[3, "ci_low"] = 3.4  # now DK's interval reaches below NO's rate
    assert textstat_dictionary_highest(groups)["category"].tolist() == ["control"]


def _lexicon(categories):
    """A dictionary built in memory: ``{category: {language: [entry, ...]}}``."""
    return {c: {lang: [Entry(e, tuple(e.split())) for e in es] for lang, es in langs.items()}
            for c, langs in categories.items()}


def test_every_word_of_an_entry_must_match():
    lexicon = _lexicon({"control": {"en": ["performance measure*", "kontroll*"]},
                        "barriers": {"en": ["sick leave", "staff shortage*"]},
                        "nb_only": {"nb": ["sykefravær"]}})
    # a category without English entries is skipped; a first word alone is no hit, nor a
    # prefix entry's first letters
    lemmas = ["staff", "meet", "sick", "day", "performance", "management", "performance",
              "measurement", "kommune", "sick", "leave", "kontrollør"]
    assert dictionary_match(lemmas, lexicon, "en") == [
        (6, 8, "control", "performance measure*"), (9, 11, "barriers", "sick leave"),
        (11, 12, "control", "kontroll*")]
    assert dictionary_match(["performance", "measur"], lexicon, "en") == []


def test_longest_entry_wins_whatever_the_category_order():
    # "a" sorts before "b", and the exact one-word entry comes before the prefixed one
    lexicon = _lexicon({"a": {"en": ["sick", "care"]}, "b": {"en": ["sick leave", "car* park"]}})
    assert dictionary_match(["sick", "leave", "care", "park", "sick"], lexicon, "en") == [
        (0, 2, "b", "sick leave"), (2, 4, "b", "car* park"), (4, 5, "a", "sick")]


def test_rates_per_thousand_tokens_by_hand(lexicon):
    parts = pd.DataFrame({"id": ["b", "a"], "text": ["Monitor.", "Monitor surveillance."]})
    rates = textstat_dictionary(parts, lexicon, "en").set_index(["id", "category"])
    assert rates.loc[("a", "control"), "rate"] == pytest.approx(1000 * 2 / 2)
    assert rates.loc[("b", "control"), "rate"] == pytest.approx(1000.0)  # one token, one hit


def test_group_rates_columns_order_and_boundaries():
    # group "y" listed first; "x" has exactly min_docs documents, each 2 hits in 100 tokens:
    # every resample gives 20 per 1,000, so the interval is [20, 20]
    ids = [f"d{i}" for i in range(13)]
    rates = pd.DataFrame({"id": ids, "category": "c", "hits": [2] * 10 + [1, 0, 0],
                          "tokens": [100] * 10 + [1, 0, 0]})
    meta = pd.DataFrame({"id": ids, "g": ["x"] * 10 + ["y"] * 3})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a group of 0 tokens gives NaN, not a warning
        groups = textstat_dictionary_groups(rates.iloc[::-1], meta, "g", n_boot=50)
        zero = textstat_dictionary_groups(rates.assign(tokens=0, hits=0), meta, "g",
                                          n_boot=50, min_docs=11)
        # one document of ten has tokens: a resample without it pools 0 / 0 (left out), one
        # with it gives that document's 100 per 1,000 whatever else it holds
        sparse = textstat_dictionary_groups(
            rates.iloc[:10].assign(hits=[1] + [0] * 9, tokens=[10] + [0] * 9), meta, "g",
            n_boot=200).iloc[0]
    assert (sparse.rate, sparse.ci_low, sparse.ci_high) == pytest.approx((100, 100, 100))
    assert list(groups.columns) == ["group", "category", "documents", "hits", "tokens", "rate",
                                    "ci_low", "ci_high", "ci_method", "few_docs"]
    assert groups["group"].tolist() == ["x", "y"]
    x, y = groups.iloc[0], groups.iloc[1]
    assert (x.documents, x.hits, x.tokens, bool(x.few_docs)) == (10, 20, 1000, False)
    assert (x.rate, x.ci_low, x.ci_high) == pytest.approx((20, 20, 20), rel=1e-12)
    assert (y.tokens, y.rate, bool(y.few_docs)) == (1, pytest.approx(1000), True)
    assert zero["rate"].isna().all()


def test_a_group_without_tokens_has_no_rate_and_no_interval():
    # three documents, enough for an interval, but none holds a token: 0 hits in 0 tokens is
    # no rate at all, so neither the exact Poisson bound (1000 * 3.69 / 0) nor a bootstrap
    ids = ["a", "b", "c", "d", "e"]
    rates = pd.DataFrame({"id": ids, "category": "c", "hits": [0, 0, 0, 1, 2],
                          "tokens": [0, 0, 0, 50, 50]})
    meta = pd.DataFrame({"id": ids, "g": ["empty"] * 3 + ["full"] * 2})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        groups = textstat_dictionary_groups(rates, meta, "g", n_boot=50, min_docs=2)
    empty = groups.set_index("group").loc["empty"]
    assert (empty.documents, empty.hits, empty.tokens, bool(empty.few_docs)) == (3, 0, 0, False)
    assert np.isnan(empty.rate) and np.isnan(empty.ci_low) and np.isnan(empty.ci_high)
    assert empty.ci_method == "none: no tokens"
    full = groups.set_index("group").loc["full"]
    assert full.rate == pytest.approx(1000 * 3 / 100) and full.ci_method != "none: no tokens"


def test_group_interval_is_the_percentile_bootstrap_and_seeded():
    # 20 documents with varied rates: the bounds are the 2.5th and 97.5th percentiles of
    # pooled rates over resampled documents; our own resamples (another stream) agree to
    # bootstrap noise (a 3.5th or 98.5th percentile would be 0.15 spreads away)
    rng = np.random.default_rng(3)
    tokens = rng.integers(200, 900, 20).astype(float)
    hits = rng.poisson(6 / 1000 * tokens * rng.gamma(1.5, 1 / 1.5, 20)).astype(float)
    ids = [f"d{i}" for i in range(20)]
    rates = pd.DataFrame({"id": ids, "category": "c", "hits": hits, "tokens": tokens})
    meta = pd.DataFrame({"id": ids, "g": "A"})
    row = textstat_dictionary_groups(rates, meta, "g", n_boot=4000).iloc[0]
    idx = np.random.default_rng(77).integers(0, 20, (40000, 20))
    boot = 1000 * hits[idx].sum(1) / tokens[idx].sum(1)
    low, high = np.percentile(boot, [2.5, 97.5])
    assert abs(row.ci_low - low) < 0.07 * boot.std() and abs(row.ci_high - high) < 0.07 * boot.std()
    # the documented defaults (1,000 resamples, seed 1), the same interval on every call
    default = textstat_dictionary_groups(rates, meta, "g")
    pd.testing.assert_frame_equal(default, textstat_dictionary_groups(rates, meta, "g",
                                                                      n_boot=1000, seed=1))
    pd.testing.assert_frame_equal(default, textstat_dictionary_groups(rates, meta, "g"))


def test_concordance_lines_by_hand(lexicon):
    text = ("One two three four five six seven eight nine monitor ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen. Staff shortages grew. "
            "Sick leave.")
    parts = pd.DataFrame({"id": ["z"], "text": [text]})
    lines = dictionary_lines_sample(parts, lexicon, "en", n=5, window=3)
    assert list(lines.columns) == ["category", "entry", "id", "left", "node", "right"]
    # categories sorted, whatever their order in the text
    assert lines.values.tolist() == [
        ["barriers", "staff shortage*", "z", "seventeen eighteen nineteen",
         "staff shortages", "grew sick leave"],
        ["barriers", "sick leave", "z", "staff shortages grew", "sick leave", ""],
        ["control", "monitor", "z", "seven eight nine", "monitor", "ten eleven twelve"]]
    short = dictionary_lines_sample(
        pd.DataFrame({"id": ["s"], "text": ["Monitor it now."]}), lexicon, "en", window=2)
    assert (short["left"].iloc[0], short["right"].iloc[0]) == ("", "it now")
    early = dictionary_lines_sample(
        pd.DataFrame({"id": ["s"], "text": ["We monitor."]}), lexicon, "en", window=2)
    assert early["left"].iloc[0] == "we"


def test_concordance_sample_size_seed_and_defaults(lexicon):
    words = " ".join(f"monitor w{i} w{i} w{i} w{i} w{i} w{i} w{i} w{i} w{i}." for i in range(30))
    parts = pd.DataFrame({"id": ["m"], "text": [words]})
    two = dictionary_lines_sample(parts, lexicon, "en", n=2)
    assert len(two) == 2
    five = dictionary_lines_sample(parts, lexicon, "en")
    assert len(five) == 5 and five["right"].str.split().str.len().eq(8).all()
    pd.testing.assert_frame_equal(five, dictionary_lines_sample(parts, lexicon, "en"))
    pd.testing.assert_frame_equal(five, dictionary_lines_sample(parts, lexicon, "en", n=5,
                                                                  window=8, seed=1))


def test_topic_rates_shares_and_order():
    rates = pd.DataFrame({"id": ["a", "a", "b", "b"], "category": ["z", "m", "z", "m"],
                          "hits": [3, 1, 0, 2], "tokens": [100, 100, 50, 50]})
    doc_topics = pd.DataFrame({"id": ["a", "b"], "2": [0.25, 1.0], "1": [0.75, 0.0]})
    table = textstat_topic_dictionary(rates, doc_topics)
    assert table["topic"].dtype.kind == "i"
    assert table[["topic", "category"]].values.tolist() == [[1, "m"], [1, "z"], [2, "m"],
                                                            [2, "z"]]
    # topic 2: m has 0.25 * 1 + 1 * 2 = 2.25 weighted hits, z 0.75, in 0.25 * 100 + 50 tokens
    t2 = table[table["topic"] == 2].set_index("category")
    assert t2.loc["m", "rate"] == pytest.approx(1000 * 2.25 / 75)
    assert t2.loc["m", "share"] == pytest.approx(2.25 / 3)
    assert t2.loc["z", "share"] == pytest.approx(0.75 / 3)


def test_topic_rates_count_documents_in_both_tables_only():
    """A part with no topic weights and a weighted document with no rates add nothing; the
    topics come in the sorted order of their column names ("10" before "9"), worked by hand."""
    rates = pd.DataFrame({"id": ["a", "a", "x", "x"], "category": ["m", "z", "m", "z"],
                          "hits": [2, 0, 50, 50], "tokens": [40, 40, 10, 10]})
    doc_topics = pd.DataFrame({"id": ["a", "y"], "9": [0.5, 1.0], "10": [0.5, 0.0]})
    table = textstat_topic_dictionary(rates, doc_topics)
    assert table[["topic", "category"]].values.tolist() == [[10, "m"], [10, "z"], [9, "m"],
                                                            [9, "z"]]
    # only a counts: 0.5 * 2 hits in 0.5 * 40 tokens for m in either topic
    assert table["rate"].tolist() == pytest.approx([50.0, 0.0, 50.0, 0.0])
    assert table["share"].tolist() == pytest.approx([1.0, 0.0, 1.0, 0.0])
    assert textstat_topic_dictionary(rates[rates["id"] == "x"], doc_topics).empty


def test_sentences_paragraphs_and_a_first_word_before_a_stop(lexicon):
    assert text_sentences("Heading\n\nText here. Hei. Du der.") == [
        "Heading", "Text here.", "Hei.", "Du der."]
    found = sentences_match(
        pd.DataFrame({"id": ["a"], "sentence": [0], "lemmas": [["monitor", "monitor"]]}),
        lexicon, "en")
    assert found.to_dict("records") == [{"id": "a", "sentence": 0, "category": "control",
                                         "hits": 2}]


def test_dispersion_year_starts_and_a_document_listed_twice():
    parts = pd.DataFrame({"id": ["a", "b", "c"], "text": ["trust", "trust", "trust"]})
    # b is listed twice: its first year counts, and it is placed once
    meta = pd.DataFrame({"id": ["a", "b", "b", "c"], "year": [2015, 2016, 2019, 2016]})
    table = terms_locate(parts, meta, ["trust"], "en")
    assert table["x"].tolist() == [0, 1, 2] and table.attrs["n_documents"] == 3
    assert table.attrs["year_starts"] == {2015: 0, 2016: 1}
    periods = textstat_term_periods(table, parts, meta, ["trust"], 2017).set_index("period")
    assert periods["documents"].tolist() == [3, 0]


def test_term_period_without_documents_has_no_share():
    parts = pd.DataFrame({"id": ["a"]})
    meta = pd.DataFrame({"id": ["a"], "year": [2015]})
    positions = pd.DataFrame({"term": ["ai"], "id": ["a"]})
    table = textstat_term_periods(positions, parts, meta, ["ai"], 2030).set_index("period")
    assert table.loc["before 2030", "share"] == 1.0
    assert table.loc["2030 and later", "documents"] == 0
    assert np.isnan(table.loc["2030 and later", "share"])


def test_highest_group_ties_single_groups_and_order():
    groups = pd.DataFrame({
        "group": ["DK", "SE", "NO", "DK", "DK", "NO"],
        "category": ["z"] * 3 + ["y"] + ["x"] * 2,
        "rate": [9.0, 5.0, 5.0, 4.0, 7.0, 6.0],
        "ci_low": [6.5, 3.0, 3.0, 3.9, 6.0, 2.0],
        "few_docs": [False] * 6})
    # z: NO and SE tie for second, the first by name is named; y: one group, nothing to
    # clear; x: DK's lower bound equals NO's rate, which is not above it
    table = textstat_dictionary_highest(groups)
    assert table[["category", "group", "next_group"]].values.tolist() == [["z", "DK", "NO"]]
    groups.loc[4, "ci_low"] = 6.01
    assert textstat_dictionary_highest(groups)["category"].tolist() == ["x", "z"]


def test_difference_is_scipys_bca_interval_and_level_b_picks_one_group():
    # three groups; B against A only. A's documents all run at 20 per 1,000, so a resample
    # of A always pools 20; B's documents vary in hits and length
    from scipy.stats import bootstrap

    hb = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1], float)
    tb = np.array([100, 120, 90, 300, 150, 80, 110, 100, 240, 60, 130, 95], float)
    ids = [f"a{i}" for i in range(10)] + [f"b{i}" for i in range(12)] + ["c0", "c1"]
    rates = pd.DataFrame({"id": ids, "category": "c",
                          "hits": np.r_[np.full(10, 2.0), hb, [9, 9]],
                          "tokens": np.r_[np.full(10, 100.0), tb, [100, 100]]})
    meta = pd.DataFrame({"id": ids, "g": ["A"] * 10 + ["B"] * 12 + ["C"] * 2})
    row = textstat_dictionary_difference(rates, meta, "g", "A", "B").iloc[0]
    assert (row.group_b, row.docs_a, row.docs_b) == ("B", 10, 12)
    assert row.difference == pytest.approx(20 - 1000 * 7 / tb.sum())

    def statistic(ia, ib, axis=-1):  # the pooled rates of the resampled documents, by hand
        rate_a = 1000 * 2 * ia.shape[-1] / (100 * ia.shape[-1]) + 0 * ia.sum(axis)
        rate_b = 1000 * hb[ib].sum(axis) / tb[ib].sum(axis)
        return np.stack([rate_a - rate_b, np.log(rate_a / rate_b)])

    # the documented defaults: 2,000 resamples from a generator seeded with 1 (scipy draws
    # them in batches of 500)
    ci = bootstrap((np.arange(10), np.arange(12)), statistic, n_resamples=2000, method="BCa",
                   vectorized=True, rng=np.random.default_rng(1), batch=500).confidence_interval
    assert (row.diff_low, row.diff_high) == pytest.approx((ci.low[0], ci.high[0]), rel=1e-12)
    assert (row.ratio_low, row.ratio_high) == pytest.approx(np.exp([ci.low[1], ci.high[1]]),
                                                            rel=1e-12)


def test_difference_edge_groups_by_hand():
    # three documents a side, worked by hand: one side without hits gets a difference
    # interval but no ratio; a side without tokens has no rate (NaN, no warning); equal
    # numbers of hits on both sides are hits, not "no hits"; one token in all is a rate
    ids = ["a1", "a2", "a3", "b1", "b2", "b3"]
    meta = pd.DataFrame({"id": ids, "g": ["A"] * 3 + ["B"] * 3})

    def row(hits, tokens):
        rates = pd.DataFrame({"id": ids, "category": "c", "hits": hits, "tokens": tokens})
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return textstat_dictionary_difference(rates, meta, "g", "A", min_docs=1,
                                                  n_boot=200).iloc[0]

    table = row([1, 2, 3, 2, 2, 2], [100, 100, 100, 100, 200, 300])
    assert (table.group_a, table.group_b, table.ci_method) == (
        "A", "the rest", "BCa bootstrap over documents")
    assert table.rate_a == pytest.approx(20) and table.rate_b == pytest.approx(10)
    none_b = row([1, 2, 0, 0, 0, 0], [100] * 6)
    assert none_b.rate_b == 0 and np.isnan([none_b.ratio, none_b.ratio_low,
                                            none_b.ratio_high]).all()
    assert none_b.diff_low <= none_b.difference <= none_b.diff_high
    none_a = row([0, 0, 0, 1, 2, 0], [100] * 6)
    assert none_a.ratio == 0 and np.isnan([none_a.ratio_low, none_a.ratio_high]).all()
    assert none_a.diff_low <= none_a.difference <= none_a.diff_high
    assert np.isnan(row([0, 0, 0, 0, 1, 0], [0, 0, 0, 100, 100, 100]).rate_a)
    assert np.isnan(row([0, 1, 0, 0, 0, 0], [100, 100, 100, 0, 0, 0]).rate_b)
    one = row([1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0])
    assert (one.rate_a, one.rate_b) == (1000, 1000)
    full = textstat_dictionary_difference(
        pd.DataFrame({"id": ids, "category": "c", "hits": 1, "tokens": 100}), meta, "g", "A",
        min_docs=1, n_boot=50)
    assert list(full.columns) == [
        "category", "group_a", "group_b", "docs_a", "docs_b", "rate_a", "rate_b",
        "difference", "diff_low", "diff_high", "ratio", "ratio_low", "ratio_high",
        "few_docs", "ci_method"]
    assert full[["category", "docs_a", "docs_b"]].values.tolist() == [["c", 3, 3]]


def test_dictionary_file_description_and_entry_errors(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("categories:\n  control:\n    description: Watching staff\n"
                    "    en: [monitor]\n    nb: [overvåking]\n", encoding="utf-8")
    loaded = dictionary_read(path)
    assert [e.text for e in loaded["control"]["en"]] == ["monitor"]
    assert [e.text for e in loaded["control"]["nb"]] == ["overvåking"]
    path.write_text("categories:\n  control:\n    en: monitor\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"d\.yaml: category 'control', language 'en': "
                                         r"expected a list of words$"):
        dictionary_read(path)
    path.write_text("categories: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"d\.yaml: cannot be read as YAML"):
        dictionary_read(path)


def test_groups_leave_out_blank_values_and_take_a_document_once(capsys):
    rates = pd.DataFrame({"id": ["a", "b", "c"], "category": "c", "hits": [1, 2, 3],
                          "tokens": 100})
    # b has a blank value; c is listed twice, and its first value counts
    meta = pd.DataFrame({"id": ["a", "b", "c", "c"], "g": ["x", "  ", "x", "y"]})
    groups = textstat_dictionary_groups(rates, meta, "g", min_docs=5)
    assert "1 documents have no value" in capsys.readouterr().out
    assert groups[["group", "documents", "hits"]].values.tolist() == [["x", 2, 4]]
