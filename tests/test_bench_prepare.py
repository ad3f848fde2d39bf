"""Notebook 02's stage taken apart (:mod:`digiwelfare.bench_prepare`): the steps do the
stage's work (the same table as :func:`digiwelfare.tokentable.tokens_build` run in several
partitions), and the README's table is worked by hand and rests on the committed
measurement."""

import json

import pandas as pd
import pytest

from digiwelfare.bench_prepare import BAR, prepare_parts, prepare_parts_table
from digiwelfare.config import ROOT
from digiwelfare.corpus import corpus_read
from digiwelfare.synth import corpus_synthesize, corpus_write
from digiwelfare.tokentable import tokens_build


@pytest.mark.parametrize("which", ["demo", "planted"])
def test_the_steps_make_what_the_stage_makes(tmp_path, monkeypatch, which):
    """On the demo corpus (composed pages: debris, two languages, stop words) and on a
    planted one (pseudo-words: no stop word, so lingua reads every paragraph); the stage
    in partitions smaller than the corpus, each its own lingua batch, as notebook 02 runs."""
    if which == "demo":
        folder = ROOT / "corpus"
    else:
        folder = tmp_path / "planted"
        corpus_write(corpus_synthesize(80, 4, seed=3), folder)
    from digiwelfare import language

    batches = []  # the texts each call of lingua's batch was given, seen from outside
    real = language.texts_lingua
    monkeypatch.setattr(language, "texts_lingua",
                        lambda texts, *args: batches.append(list(texts)) or real(texts, *args))
    result, (table, debris) = prepare_parts(folder, with_table=True)
    ours = list(batches)  # not those of the stage below
    stage, stage_debris = tokens_build(corpus_read(folder), workers=1, partition_docs=30,
                                       keep_text=True, with_debris=True)
    pd.testing.assert_frame_equal(table, stage)
    pd.testing.assert_frame_equal(debris, stage_debris)
    assert result["tokens"] == int(stage["tokens"].map(len).sum())
    assert result["parts"] == len(stage)
    assert result["documents"] == len(corpus_read(folder))
    para = result["paragraphs"]
    # settled and left to lingua partition the detectable texts (so within texts_settled; the
    # batches lingua was given check the count from outside)
    assert para["settled_before_lingua"] + para["lingua"] == para["detectable"] > 0
    # lingua was called twice (the language step, then alone) with the same texts, as many
    # distinct ones as the result says it read
    assert len(ours) == 2 and ours[0] == ours[1]
    assert len(ours[0]) == len(set(ours[0])) == para["lingua"]
    if which == "demo":  # its sentences carry stop words; most are settled by them
        assert para["settled_before_lingua"] > para["lingua"]
        assert len(debris) > 0
    else:
        assert para["settled_before_lingua"] == 0
    assert list(result["steps"]) == ["reading", "repeated lines", "cleaning", "languages",
                                     "tokens", "table", "lingua alone"]
    for timing in result["steps"].values():
        assert timing["tokens_per_s"] == round(result["tokens"] / max(timing["seconds"], 1e-9))


def _result(lingua=2.0):
    def step(wall, cpu, rate):
        return {"seconds": wall, "cpu_seconds": cpu, "tokens_per_s": rate}

    return {"corpus": "/tmp/c", "documents": 1000, "parts": 1010, "tokens": 4_000_000,
            "paragraphs": {"detectable": 30, "settled_before_lingua": 10, "lingua": 20},
            "cores": 2, "load_average": [1.0, 0.5, 0.25],
            "steps": {"reading": step(1.0, 1.0, 4_000_000),
                      "repeated lines": step(1.0, 0.5, 4_000_000),
                      "cleaning": step(4.0, 4.0, 1_000_000),
                      "languages": step(3.0, 5.0, 1_333_333),
                      "tokens": step(0.5, 0.5, 8_000_000),
                      "table": step(0.5, 0.5, 8_000_000),
                      "lingua alone": step(lingua, 3.5, round(4_000_000 / lingua))}}


def test_table_worked_by_hand():
    table, prose = prepare_parts_table(_result()).split("\n\n")
    rows, prose = table.split("\n"), " ".join(prose.split())
    assert rows[2] == "| reading | 1.0 | 1.0 | 10% | 4,000,000 |"
    assert rows[3] == "| repeated lines | 1.0 | 0.5 | 10% | 4,000,000 |"
    assert rows[4] == "| cleaning | 4.0 | 4.0 | 40% | 1,000,000 |"
    assert rows[5] == "| languages | 3.0 | 5.0 | 30% | 1,333,333 |"
    # lingua's batch is part of the languages step: listed under it, not added to the sum
    assert rows[6] == ("| of which lingua alone (2 cores, models loaded) | 2.0 | 3.5 | 20% | "
                       "2,000,000 |")
    assert rows[7] == "| tokens | 0.5 | 0.5 | 5% | 8,000,000 |"
    assert rows[8] == "| table | 0.5 | 0.5 | 5% | 8,000,000 |"
    # 10 s of wall time, 11.5 CPU seconds, 4,000,000 tokens in 10 s
    assert rows[9] == "| all steps | 10.0 | 11.5 | | 400,000 |"
    assert "10 were settled before lingua" in prose and "lingua read 20." in prose
    # 4,000,000 tokens at 2,000,000 a second: 2.0 s
    assert "the whole stage would have 2.0 s of wall time; lingua's batch alone took 2.0 s " \
           "(3.5 CPU seconds) on this machine's 2 cores (load average 1.00, 0.50, 0.25" in prose
    # 2,000,000 a second is the bar, not under it
    assert prose.endswith("under 2,000,000 tokens a second: cleaning, languages.")
    slower = " ".join(prepare_parts_table(_result(lingua=2.5)).split("\n\n")[1].split())
    assert slower.endswith("cleaning, languages, lingua alone.")


def test_the_readme_s_prose_rests_on_the_committed_measurement():
    """The block itself is held to the file with the other benchmark blocks
    (``tests/test_readme_blocks.py``); here the claims the prose after it makes."""
    folder = ROOT / "results" / "bench"
    committed = json.loads((folder / "prepare_parts.json").read_text())
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    assert "Lingua's batch alone is slower than the bar on this machine" in readme
    assert committed["steps"]["lingua alone"]["tokens_per_s"] < BAR
    assert committed["paragraphs"]["settled_before_lingua"] == 0
    # the same planted corpus as the benchmark's largest size: the stage made the same tokens
    bench = json.loads((folder / "bench.json").read_text())
    largest = [r for r in bench["runs"] if r["docs"] == committed["documents"]]
    assert largest and all(r["stages"]["prepare"]["tokens"] == committed["tokens"]
                           for r in largest)
