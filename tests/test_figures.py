import pandas as pd

from digiwelfare.corpus import corpus_load
from digiwelfare.figures import (
    OKABE_ITO,
    figure_save,
    plot_corpus_composition,
    plot_topic_prevalence,
)
from digiwelfare.figures_discourse import plot_keyness


def test_png_is_byte_identical_and_carries_no_version_or_time(small_corpus, tmp_path):
    docs = corpus_load(small_corpus)
    figure_save(plot_corpus_composition(docs), tmp_path / "a.png")
    figure_save(plot_corpus_composition(docs), tmp_path / "b.png")
    one, two = (tmp_path / "a.png").read_bytes(), (tmp_path / "b.png").read_bytes()
    assert one == two
    assert b"Software" not in one and b"matplotlib" not in one.lower()


def test_svg_has_no_date(small_corpus, tmp_path):
    for name in ("a.svg", "b.svg"):
        figure_save(plot_corpus_composition(corpus_load(small_corpus)), tmp_path / name)
    text = (tmp_path / "a.svg").read_text()
    assert "<dc:date>" not in text
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_axes_are_labelled(small_corpus):
    fig = plot_corpus_composition(corpus_load(small_corpus))
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    prevalence = pd.DataFrame({"group": ["abstract", "abstract"], "topic": [1, 2],
                               "prevalence": [0.7, 0.3], "documents": [3, 3]})
    heat = plot_topic_prevalence(prevalence, {1: "T1 care", 2: "T2 data"})
    assert heat.axes[0].get_xlabel() == "Document type"
    keyness = pd.DataFrame({"term": ["a", "b"], "log_ratio": [1.0, -2.0], "key_for": ["A", "B"]})
    bars = plot_keyness(keyness, n=5, label_a="policy", label_b="research").axes[0]
    assert "policy / research" in bars.get_xlabel()
    colours = {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in bars.patches}
    assert len(colours) == 2
    assert OKABE_ITO[0] == "#0072B2"
