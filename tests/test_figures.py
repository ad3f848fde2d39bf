import pandas as pd
import pytest
from matplotlib.colors import to_rgb

from digiwelfare.corpus import corpus_read
from digiwelfare.figures import (
    OKABE_ITO,
    figure_write,
    plot_corpus_composition,
    plot_empty,
    plot_guided_compare,
    plot_keywords,
    plot_topic_prevalence,
)
from digiwelfare.figures_discourse import plot_keyness
from digiwelfare.keywords import textstat_keywords


def test_png_is_byte_identical_and_carries_no_version_or_time(small_corpus, tmp_path):
    docs = corpus_read(small_corpus)
    figure_write(plot_corpus_composition(docs), tmp_path / "a.png")
    figure_write(plot_corpus_composition(docs), tmp_path / "b.png")
    one, two = (tmp_path / "a.png").read_bytes(), (tmp_path / "b.png").read_bytes()
    assert one == two
    assert b"Software" not in one and b"matplotlib" not in one.lower()


def test_svg_has_no_date(small_corpus, tmp_path):
    for name in ("a.svg", "b.svg"):
        figure_write(plot_corpus_composition(corpus_read(small_corpus)), tmp_path / name)
    text = (tmp_path / "a.svg").read_text()
    assert "<dc:date>" not in text
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_axes_are_labelled(small_corpus):
    fig = plot_corpus_composition(corpus_read(small_corpus))
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
    assert colours == {tuple(round(c, 3) for c in to_rgb(OKABE_ITO[i])) for i in (0, 1)}


def test_composition_bars_count_every_dated_document_and_note_the_undated(small_corpus):
    docs = corpus_read(small_corpus)
    docs.loc[docs.index[0], "year"] = None
    ax_year, ax_lang = plot_corpus_composition(docs).axes
    assert sum(p.get_height() for p in ax_year.patches) == len(docs) - 1
    assert "(1 without a year, not shown)" in ax_year.get_title()
    assert sum(p.get_width() for p in ax_lang.patches) == len(docs)
    assert sorted(t.get_text() for t in ax_lang.get_yticklabels()) == sorted(
        docs["language"].unique())


def test_topic_prevalence_prints_every_cell():
    prevalence = pd.DataFrame({"group": ["abstract", "abstract", "other", "other"],
                               "topic": [1, 2, 1, 2], "prevalence": [0.7, 0.3, 0.25, 0.75],
                               "documents": 3})
    ax = plot_topic_prevalence(prevalence, {1: "T1 care"}).axes[0]
    assert sorted(t.get_text() for t in ax.texts) == ["0.25", "0.30", "0.70", "0.75"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["T1 care", "T2"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Abstract", "Other"]


def test_empty_figure_carries_its_title_and_note():
    fig = plot_empty("A title", "Nothing to draw; lower min_freq.")
    ax = fig.axes[0]
    assert ax.get_title() == "A title" and not ax.axison
    assert [t.get_text() for t in ax.texts] == ["Nothing to draw; lower min_freq."]


def test_keywords_bar_for_each_seed_word_found_with_its_document_share():
    table = textstat_keywords([["care", "care", "data"], ["care"]],
                              {"care": ["care", "absent"], "data": ["data"]},
                              {"care", "data"})
    fig = plot_keywords(table, n=5, columns=2)
    ax_care, ax_data = fig.axes
    # care: 3 of 4 tokens, in both documents; data: 1 of 4, in one
    assert [p.get_width() for p in ax_care.patches] == pytest.approx([750.0])
    assert [p.get_width() for p in ax_data.patches] == pytest.approx([250.0])
    assert [t.get_text() for t in ax_care.texts] == ["100% docs"]
    assert ax_care.get_title() == "care: 1 of 2 entries in vocabulary"
    assert ax_care.get_xlim()[1] >= 750.0


def test_guided_compare_bars_and_threshold():
    compare = pd.DataFrame({"name": ["care", "digital_control"],
                            "seed_capture_guided": [0.8, 0.6],
                            "seed_capture_unguided": [0.4, 0.7], "pi": [0.3, 0.9],
                            "retained": [True, False]})
    fig = plot_guided_compare(compare, 0.5)
    ax, ax_pi = fig.axes
    assert sorted(p.get_width() for p in ax.patches) == [0.4, 0.6, 0.7, 0.8]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["care", "digital control"]
    assert [round(p.get_width(), 2) for p in ax_pi.patches] == [0.3, 0.9]
    assert ax_pi.lines[0].get_xdata()[0] == 0.5 and ax_pi.get_xlim()[1] > 0.9
    assert to_rgb(ax_pi.patches[0].get_facecolor()) == to_rgb(OKABE_ITO[2])  # retained


def test_style_holds_inside_plots_and_importing_changes_no_global_setting():
    import subprocess
    import sys

    code = ("import matplotlib; before = dict(matplotlib.rcParams)\n"
            "import digiwelfare.figures_discourse\n"
            "print(dict(matplotlib.rcParams) == before)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "True", done.stderr
    keyness = pd.DataFrame({"term": ["a"], "log_ratio": [1.0], "key_for": ["A"]})
    ax = plot_keyness(keyness).axes[0]
    assert not ax.spines["top"].get_visible() and ax.title.get_fontsize() == 11


def test_a_kernel_shows_a_figure_as_the_png_written_and_an_edited_one_drawn_afresh(tmp_path):
    """In a notebook, `figure_write(fig, path); fig` shows the bytes of `path` without drawing
    the figure a second time; a figure edited in a later cell is drawn again, with the edit."""
    import base64
    import json

    from tinynotebooks import notebook_tiny

    from digiwelfare.notebook import notebook_run

    png = tmp_path / "f.png"
    notebook_tiny(tmp_path / "nb.ipynb",
                  "from matplotlib.figure import Figure\n"
                  "from digiwelfare.figures import figure_write\n"
                  "fig = Figure(figsize=(3, 2))\nax = fig.subplots()\nax.plot([1, 3, 2])\n"
                  "figure_write(fig, path)\n"
                  "fig.savefig = None  # showing it must not draw it again\nfig",
                  "del fig.savefig\nax.set_title('edited after writing')\nfig", params="path = ''")
    notebook_run(tmp_path / "nb.ipynb", tmp_path / "out.ipynb", {"path": str(png)})
    shown = [base64.b64decode(o["data"]["image/png"])
             for c in json.loads((tmp_path / "out.ipynb").read_text())["cells"]
             for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(shown) == 2
    assert shown[0] == png.read_bytes()
    assert shown[1] != shown[0] and shown[1][:8] == b"\x89PNG\r\n\x1a\n"
