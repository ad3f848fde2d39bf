"""Planted corpora: the vectorised draw against numpy's own sampler, covariate effects that
show in the documents, the corpus format and the command."""

import json

import numpy as np
import pandas as pd
import pytest

from digiwelfare.checks import ParameterError
from digiwelfare.cli import main
from digiwelfare.corpus import corpus_read
from digiwelfare.synth import corpus_synthesize, corpus_write, tokens_draw, words_spell


def test_draw_equals_numpys_choice_token_by_token():
    rng = np.random.default_rng(3)
    phi = rng.dirichlet(np.full(40, 0.1), size=4)
    theta = rng.dirichlet(np.full(4, 0.3), size=6)
    lengths = [5, 1, 9, 3, 7, 2]
    got = tokens_draw(np.random.default_rng(11), theta, phi, lengths)
    ref_rng = np.random.default_rng(11)
    for d, n in enumerate(lengths):
        z = ref_rng.choice(4, size=n, p=theta[d])
        words = [ref_rng.choice(40, p=phi[k]) for k in z]
        assert got[d].tolist() == words


def test_pseudo_words_are_distinct_and_nb_uses_its_letters():
    en, nb = words_spell(5000, "en"), words_spell(5000, "nb")
    assert len(set(en)) == len(set(nb)) == 5000
    assert not any(c in "".join(en) for c in "æøå")
    assert any(c in "".join(nb) for c in "æøå")


def test_a_detector_finds_each_planted_document_in_its_own_language(tmp_path):
    # lingua (through the language module) is the independent judge: a planted corpus whose
    # English paragraphs were found Swedish sent a third of its tokens to no model at all
    from digiwelfare.language import corpus_language_parts

    corpus_write(corpus_synthesize(200, 5, seed=7), tmp_path / "c")
    docs = corpus_read(tmp_path / "c")
    parts = corpus_language_parts(docs).merge(
        docs[["id", "language"]].rename(columns={"language": "planted"}), on="id")
    words = parts["text"].str.split().str.len()
    share = words[parts["language"] == parts["planted"]].sum() / words.sum()
    assert share >= 0.99, parts.groupby(["planted", "language"]).size()
    assert set(parts["planted"]) == {"en", "nb"}


def test_covariate_effects_show_in_the_mixtures():
    planted = corpus_synthesize(4000, 4, seed=2, n_words=200, doc_length=20, alpha=1.0,
                                effect_scale=1.5)
    meta, theta, effects = planted["meta"], planted["theta"], planted["effects"]
    ref = theta[meta["doc_type"] == "project_report"].mean(axis=0)
    for level in ("policy_document", "abstract"):
        coef = effects[(effects.covariate == "doc_type") & (effects.level == level)]
        gap = theta[meta["doc_type"] == level].mean(axis=0) - ref
        # a topic whose coefficient is well above the level's others gains share
        strong = coef.coefficient.to_numpy() - coef.coefficient.mean()
        assert np.corrcoef(strong, gap)[0, 1] > 0.8
    slope = effects[effects.covariate == "year"].coefficient.to_numpy()
    years = meta["year"].to_numpy()
    trend = [np.polyfit(years, theta[:, k], 1)[0] for k in range(4)]
    assert np.corrcoef(slope - slope.mean(), trend)[0, 1] > 0.8
    np.testing.assert_allclose(theta.sum(axis=1), 1)


def test_written_corpus_loads_and_its_texts_are_the_drawn_words(tmp_path):
    planted = corpus_synthesize(30, 3, seed=4, n_words=100, doc_length=40)
    corpus_write(planted, tmp_path / "c")
    docs = corpus_read(tmp_path / "c")
    assert list(docs["id"]) == list(planted["meta"]["id"])
    vocab = pd.read_csv(tmp_path / "c" / "truth" / "vocabulary.csv")
    back = {lang: dict(zip(vocab[lang], vocab["index"], strict=True)) for lang in ("en", "nb")}
    for row, words in zip(docs.itertuples(), planted["docs"], strict=True):
        assert [back[row.language][w] for w in row.text.split()] == words.tolist()
    np.testing.assert_array_equal(np.load(tmp_path / "c" / "truth" / "phi.npy"), planted["phi"])
    settings = json.loads((tmp_path / "c" / "truth" / "settings.json").read_text())
    assert settings["seed"] == 4 and settings["docs"] == 30


def test_command_writes_once_and_refuses_an_existing_corpus(tmp_path, capsys):
    args = ["synth", "--docs", "12", "--topics", "3", "--seed", "5", "--into",
            str(tmp_path / "c"), "--words", "60"]
    assert main(args) == 0
    assert len(list((tmp_path / "c" / "texts").glob("*.txt"))) == 12
    assert main(args) == 2
    assert "already holds a corpus" in capsys.readouterr().err


def test_bad_settings_are_named():
    with pytest.raises(ParameterError, match="'topics'"):
        corpus_synthesize(10, 1)
    with pytest.raises(ParameterError, match="'beta'"):
        corpus_synthesize(10, 3, beta=0)
