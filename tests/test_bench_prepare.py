"""Notebook 02's stage taken apart (:mod:`digiwelfare.bench_prepare`): the steps do the
stage's work (the same tokens as :func:`digiwelfare.tokentable.tokens_build`), and the
README's table is worked by hand and is the committed measurement's."""

import json

import pytest

from digiwelfare.bench_prepare import BAR, prepare_parts, prepare_parts_table
from digiwelfare.config import ROOT
from digiwelfare.corpus import corpus_read
from digiwelfare.synth import corpus_synthesize, corpus_write
from digiwelfare.tokentable import tokens_build


def _stage_tokens(folder):
    table = tokens_build(corpus_read(folder), workers=1)
    return int(table["tokens"].map(len).sum()), len(table)


@pytest.mark.parametrize("which", ["demo", "planted"])
def test_the_steps_make_what_the_stage_makes(tmp_path, which):
    """On the demo corpus (real-like pages: debris, two languages, stop words) and on a
    planted one (pseudo-words: no stop word, so lingua reads every paragraph)."""
    if which == "demo":
        folder = ROOT / "corpus"
    else:
        folder = tmp_path / "planted"
        corpus_write(corpus_synthesize(80, 4, seed=3), folder)
    result = prepare_parts(folder)
    assert (result["tokens"], result["parts"]) == _stage_tokens(folder)
    assert result["documents"] == len(corpus_read(folder))
    para = result["paragraphs"]
    assert para["settled_before_lingua"] + para["lingua"] == para["detectable"] > 0
    if which == "demo":  # real sentences carry stop words; most are settled by them
        assert para["settled_before_lingua"] > para["lingua"]
    else:
        assert para["settled_before_lingua"] == 0
    assert list(result["steps"]) == ["reading", "repeated lines", "cleaning", "languages",
                                     "tokens", "lingua alone"]
    for timing in result["steps"].values():
        assert timing["tokens_per_s"] == round(result["tokens"] / max(timing["seconds"], 1e-9))


def _result(lingua=2.0):
    step = lambda wall, cpu, rate: {"seconds": wall, "cpu_seconds": cpu, "tokens_per_s": rate}
    return {"corpus": "/tmp/c", "documents": 1000, "parts": 1010, "tokens": 4_000_000,
            "paragraphs": {"detectable": 30, "settled_before_lingua": 10, "lingua": 20},
            "steps": {"reading": step(1.0, 1.0, 4_000_000),
                      "repeated lines": step(1.0, 0.5, 4_000_000),
                      "cleaning": step(4.0, 4.0, 1_000_000),
                      "languages": step(3.0, 5.0, 1_333_333),
                      "tokens": step(1.0, 1.0, 4_000_000),
                      "lingua alone": step(lingua, 3.5, round(4_000_000 / lingua))}}


def test_table_worked_by_hand():
    table, prose = prepare_parts_table(_result()).split("\n\n")
    rows, prose = table.split("\n"), " ".join(prose.split())
    assert rows[2] == "| reading | 1.0 | 1.0 | 10% | 4,000,000 |"
    assert rows[4] == "| cleaning | 4.0 | 4.0 | 40% | 1,000,000 |"
    assert rows[5] == "| languages | 3.0 | 5.0 | 30% | 1,333,333 |"
    # lingua's batch is part of the languages step: listed under it, not added to the sum
    assert rows[6] == "| of which lingua alone (both cores) | 2.0 | 3.5 | 20% | 2,000,000 |"
    assert rows[7] == "| tokens | 1.0 | 1.0 | 10% | 4,000,000 |"
    assert rows[8] == "| all steps | 10.0 | 11.5 | 100% | 400,000 |"
    assert "10 were settled before lingua" in prose and "lingua read 20." in prose
    # 2,000,000 a second is the bar, not under it
    assert prose.endswith("under 2,000,000 tokens a second: cleaning, languages.")
    slower = " ".join(prepare_parts_table(_result(lingua=2.5)).split("\n\n")[1].split())
    assert slower.endswith("cleaning, languages, lingua alone.")


def test_readme_table_is_the_committed_measurement():
    committed = json.loads((ROOT / "results" / "bench" / "prepare_parts.json").read_text())
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("<!-- prepare parts -->\n")[1].split("<!-- end prepare parts -->")[0]
    assert block == prepare_parts_table(committed)
    # the prose after the table rests on this: the batch alone is under the bar
    assert "Lingua's batch alone, on both cores, is slower than the bar" in " ".join(readme.split())
    assert committed["steps"]["lingua alone"]["tokens_per_s"] < BAR
    assert committed["paragraphs"]["settled_before_lingua"] == 0
