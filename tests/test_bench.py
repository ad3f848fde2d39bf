"""The benchmark's bookkeeping (never its timings): ratios and the README's table, which must
be the one the committed results/bench/bench.json gives."""

import json
import resource

import numpy as np
import pandas as pd
import pytest

from digiwelfare.bench import bench_prose, bench_summary, bench_table, run_one
from digiwelfare.config import ROOT

RESULT = {"runs": [{
    "docs": 1000, "seed": 0, "tokens": 150_000, "peak_rss_mb": 500.0, "recovery": 0.995,
    "stages": {"fit": {"seconds": 6.0, "cpu_seconds": 2.0}},
    "peers": {"gensim_defaults": {"seconds": 3.0, "cpu_seconds": 1.0, "recovery": 0.8},
              "tomotopy": {"seconds": 30.0, "cpu_seconds": 9.0, "recovery": 0.9}}}],
    "slope": None}


def test_ratios_are_peer_cpu_over_engine_cpu():
    row = bench_summary(RESULT).iloc[0]
    assert row.gensim_defaults_cpu_ratio == 0.5
    assert row.tomotopy_cpu_ratio == 4.5


def test_table_row_by_hand():
    assert bench_table(RESULT).splitlines()[2] == (
        "| 1,000 | 0 | 2.0 | 0.9950 | 1.0 (0.5×) | 0.8000 | 9.0 (4.5×) | 0.9000 | – | – |")
    with_tutorial = json.loads(json.dumps(RESULT))
    with_tutorial["runs"][0]["peers"]["tutorial_pipeline"] = {
        "seconds": 40.0, "cpu_seconds": 20.0, "recovery": 0.75}
    assert bench_table(with_tutorial).splitlines()[2].endswith("| 0.9000 | 20.0 | 0.7500 |")


def _stages(fit_cpu, t1, t2, prep):
    return {"fit": {"seconds": fit_cpu, "cpu_seconds": fit_cpu},
            "tokens_1_workers": {"tokens_per_s": t1}, "tokens_2_workers": {"tokens_per_s": t2},
            "prepare": {"tokens_per_s": prep}}


def test_prose_by_hand_one_value_or_a_span_per_size():
    peers = {"gensim_defaults": {"cpu_seconds": 1.0, "recovery": 0.8},
             "tomotopy": {"cpu_seconds": 9.0, "recovery": 0.9}}
    runs = [{"docs": 1000, "seed": s, "tokens": 150_000, "peak_rss_mb": 1024.0,
             "recovery": r, "stages": _stages(c, 10_000, 20_000, 3_000), "peers": peers,
             "tokens_speedup_1_to_2_workers": x}
            for s, r, c, x in ((0, 0.995, 2.0, 2.5), (1, 0.9991, 2.44, 1.75))]
    runs.append({"docs": 100_000, "seed": 0, "tokens": 15_000_000, "peak_rss_mb": 3584.0,
                 "recovery": 0.99995, "stages": _stages(40.0, 1_000_000, 1_500_000, 30_000),
                 "peers": {}, "tokens_speedup_1_to_2_workers": 1.5})
    text = " ".join(bench_prose({"runs": runs, "slope": 0.7, "load_average": [1, 2, 3]})
                    .split())
    assert "load average of 1.00, 2.00, 3.00" in text
    assert ("At 1,000 documents (seeds 0, 1; 150,000 tokens) the engine fitted in 2.0 to 2.4 "
            "CPU seconds with recovery 0.9950 to 0.9991;") in text
    assert "gensim's defaults 1.0 (0.800); tomotopy 9.0 (0.900)." in text
    assert "10,000 tokens a second on one worker and 20,000 on two (a speed-up of 1.75 to " \
        "2.50)" in text
    assert "1,500,000 on two (a speed-up of 1.50);" in text
    assert ("At 100,000 documents (seed 0; 15,000,000 tokens) the engine fitted in 40.0 CPU "
            "seconds with recovery 1.0000. The token stage") in text
    assert "peaked at 3.5 GB" in text and "from 1,000 to 100,000 documents is 0.7" in text


def test_readme_table_is_the_committed_benchmark():
    path = ROOT / "results" / "bench" / "bench.json"
    if not path.is_file():
        pytest.skip("no results/bench/bench.json: run make bench")
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- bench table -->\n")[1].split("<!-- end bench table -->")[0]
    assert block == bench_table(json.loads(path.read_text())), (
        "README's benchmark table differs from results/bench/bench.json; paste the output "
        "of `python -m digiwelfare.bench --table`")
    prose = readme.split("<!-- bench prose -->\n")[1].split("<!-- end bench prose -->")[0]
    assert prose == bench_prose(json.loads(path.read_text())), (
        "README's benchmark paragraph differs from results/bench/bench.json; paste the output "
        "of `python -m digiwelfare.bench --prose`")


def test_one_run_has_every_field():
    run = run_one(60, 0, peers=False)
    assert run["docs"] == 60 and run["tokens"] > 60 * 100
    assert set(run["stages"]) == {"synth", "read", "tokens_1_workers", "tokens_2_workers",
                                  "prepare", "fit", "infer"}
    # notebook 02's stage keeps every planted token too (no debris, no stop word planted)
    assert run["stages"]["prepare"]["tokens"] == run["tokens"]
    assert run["stages"]["tokens_2_workers"]["tokens"] == run["tokens"]  # no stop word planted
    assert run["tokens_speedup_1_to_2_workers"] > 0
    for stage in ("read", "fit", "infer"):
        seconds = run["stages"][stage]["seconds"]
        assert run["stages"][stage]["tokens_per_s"] == round(run["tokens"] / max(seconds, 1e-9))
    now_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert 50 < run["peak_rss_mb"] <= now_mb + 0.1  # this process's peak: numpy alone is 30 MB
    assert 0 < run["recovery"] <= 1


def test_token_stage_writes_each_partition_as_the_tokeniser_reads_it(tmp_path):
    import pandas as pd

    from digiwelfare.bench import tokens_stage
    from digiwelfare.synth import corpus_synthesize, corpus_write
    from digiwelfare.tokens import tokens_from_text

    corpus_write(corpus_synthesize(25, 3, seed=4), tmp_path / "corpus")
    meta = pd.read_csv(tmp_path / "corpus" / "metadata.csv")
    expected = [tokens_from_text((tmp_path / "corpus" / "texts" / f"{i}.txt").read_text(), lang)
                for i, lang in zip(meta["id"], meta["language"], strict=True)]
    stage = tokens_stage(tmp_path / "corpus", 1, tmp_path / "parts", partition_docs=10)
    assert stage["partitions"] == 3 and stage["tokens"] == sum(map(len, expected))
    parts = pd.concat([pd.read_parquet(f) for f in sorted((tmp_path / "parts").iterdir())])
    assert parts["id"].tolist() == meta["id"].tolist()
    assert [list(t) for t in parts["tokens"]] == expected


def test_the_tutorial_peer_recovers_topics_from_the_texts(tmp_path):
    """The tutorial pipeline reads the texts themselves; its topic-word rows come back in the
    truth's word order, each a distribution, and find planted topics on an easy corpus."""
    import numpy as np
    import pandas as pd

    from digiwelfare.bench import N_TOPICS, _tutorial
    from digiwelfare.synth import corpus_synthesize, corpus_write
    from digiwelfare.topics import topics_recovery

    planted = corpus_synthesize(400, N_TOPICS, seed=2)
    corpus_write(planted, tmp_path / "corpus")
    vocab = pd.read_csv(tmp_path / "corpus" / "truth" / "vocabulary.csv")
    index = {w: i for lang in ("en", "nb") for w, i in zip(vocab[lang], vocab["index"],
                                                            strict=True)}
    phi = _tutorial(tmp_path / "corpus", 0, index)
    assert phi.shape == planted["phi"].shape
    assert np.allclose(phi.sum(axis=1), 1, atol=0.02)  # every word of the texts is a truth word
    assert topics_recovery(planted["phi"], phi)[0] > 0.3


def test_pipeline_table_by_hand_and_in_the_readme(tmp_path):
    from digiwelfare.bench_pipeline import pipeline_table

    path = tmp_path / "runs.csv"
    path.write_text("out,date,docs,spelling,wall_seconds,cpu_seconds,peak_used_gb,idle_gb,note\n"
                    "a,d,1000,1,60,100.0,,,small\nb,d,100000,1,6000,9000.0,5.25,0.75,large\n"
                    "c,d,100000,1,600,900.0,4.0,1.0,faster\n", encoding="utf-8")
    text = pipeline_table(path)
    assert "| `b` | 100,000 | 1 | 100 min 0 s | 9,000 | 5.2 GB (0.8) | large |" in text
    assert "| `a` | 1,000 | 1 | 1 min 0 s | 100 | – | small |" in text
    # the last run of each size: 60 s to 600 s over a hundredfold is a slope of 0.5
    assert text.endswith("spelling 1: 0.50 (1,000 to 100,000 documents).\n")
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- pipeline runs -->\n")[1].split("<!-- end pipeline runs -->")[0]
    assert block == pipeline_table(ROOT / "results" / "bench" / "pipeline_runs.csv")


def _targets_inputs(folder, wall_100k=540, prepare=150_000, chains=50.0, recovery=0.995):
    """The four files :func:`targets_table` reads, written by hand."""
    def run(docs, seed, rec, fit, tok2, prep):
        return {"docs": docs, "seed": seed, "recovery": rec,
                "stages": {"fit": {"seconds": fit}, "tokens_2_workers": {"tokens_per_s": tok2},
                           "prepare": {"tokens_per_s": prep}}}

    bench = {"runs": [run(10_000, 0, 0.999, 4.0, 10, 10), run(10_000, 1, recovery, 16.5, 10, 10),
                      run(100_000, 0, 1.0, 30.0, 2_500_000, prepare)]}
    (folder / "bench.json").write_text(json.dumps(bench), encoding="utf-8")
    (folder / "pipeline_runs.csv").write_text(
        "out,date,docs,spelling,wall_seconds,cpu_seconds,peak_used_gb,idle_gb,note\n"
        "old,d,1000,1,10,1.0,,,x\nsmall,d,1000,2,60,1.0,,,x\nmid,d,10000,2,100,1.0,,,x\n"
        f"big,d,100000,2,{wall_100k},1.0,3.9,0.5,x\n", encoding="utf-8")
    (folder / "pipeline_stages.csv").write_text(
        "out,notebook,wall_seconds,cpu_seconds\nmid,03_select_model__en,100.0,1\n"
        "mid,03_select_model__nb,81.0,1\nmid,04_fit_topics__en,500.0,1\n"
        "big,03_select_model__en,900.0,1\n", encoding="utf-8")
    (folder / "guided_cost.json").write_text(json.dumps(
        {"language": "nb", "tokens": 1234, "keyword_topics": 6, "seconds": chains}),
        encoding="utf-8")


def test_targets_table_reads_each_bar_against_its_file_by_hand_and_in_the_readme(tmp_path):
    """Each row of the README's table of issue #14's targets, worked by hand: the lowest
    recovery of the 10,000-document seeds (0.995), the slowest fit (16.5 s: over 15 s), the
    sweeps of the last 10,000-document run of the latest spelling (100 + 81 s = 3 min 1 s:
    over 3 minutes), the token stage and notebook 02's, the last 100,000-document run (540 s,
    3.9 GB), the slope from 60 s to 540 s over a hundredfold (log 9 / log 100 = 0.48), and
    that run with one language's chains (540 + 50 s = 9 min 50 s)."""
    from digiwelfare.bench_pipeline import targets_table

    _targets_inputs(tmp_path)
    rows = targets_table(tmp_path).splitlines()[2:]
    assert [r.rsplit("|", 2)[1].strip() for r in rows] == [
        "yes", "**no**", "**no**", "yes", "**no**", "yes", "yes", "yes", "yes"]
    assert "| at least 0.99 on each seed | 0.9950 to 0.9990 |" in rows[0]
    assert "| under 15 s | 16.5 s |" in rows[1]
    assert "(`mid`) | within 3 min | 3 min 1 s |" in rows[2]
    assert "| 2,500,000 tokens/s |" in rows[3] and "| 150,000 tokens/s |" in rows[4]
    assert "(`big`) | within 10 min | 9 min 0 s |" in rows[5]
    assert "(in use before it: 0.5 GB) | under 4 GB | 3.9 GB |" in rows[6]
    assert "1,000 to 100,000 documents | at most 1.1 | 0.48 |" in rows[7]
    assert "| 9 min 50 s (50 s of chains) | yes |" in rows[8]
    _targets_inputs(tmp_path, wall_100k=700, chains=61.0, recovery=0.98)
    rows = targets_table(tmp_path).splitlines()[2:]
    assert [r.rsplit("|", 2)[1].strip() for r in rows] == [
        "**no**", "**no**", "**no**", "yes", "**no**", "**no**", "yes", "yes", "**no**"]
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- targets -->\n")[1].split("<!-- end targets -->")[0]
    assert block == targets_table(ROOT / "results" / "bench")


def test_guided_cost_seeds_planted_topics_and_fits_both_models(tmp_path, monkeypatch):
    """The guided chains' benchmark on a small planted corpus: keyword topics seeded with
    the planted topics' top words of the vocabulary notebook 02 would keep, fitted with
    notebook 06's settings (fewer sweeps here), both models, every field filled."""
    from digiwelfare.bench_pipeline import guided_cost
    from digiwelfare.config import paths_resolve
    from digiwelfare.corpus import corpus_read
    from digiwelfare.products import tokens_write, vocabulary_write
    from digiwelfare.synth import corpus_synthesize, corpus_write
    from digiwelfare.tokentable import tokens_build
    from digiwelfare.vocabulary import dictionary_build

    corpus = corpus_write(corpus_synthesize(120, 4, seed=2, n_words=200, doc_length=60),
                          tmp_path / "corpus")
    out = tmp_path / "out"
    paths = paths_resolve(str(corpus), str(out), "02_prepare_tokens")
    tokens = tokens_build(corpus_read(corpus))
    tokens = tokens[tokens["tokens"].str.len() > 0]
    tokens_write(tokens, paths.tokens_file())
    nb = tokens[tokens["language"] == "nb"]
    vocabulary_write(dictionary_build(nb["tokens"]), paths.vocabulary_file("nb"))
    import digiwelfare.guided as guided

    original = guided.guided_fit
    monkeypatch.setattr(guided, "guided_fit", lambda *a, **k: original(
        *a, **(k | {"iterations": 30, "tol": None})))
    cost = guided_cost(corpus, out, categories=2, per_category=2, workers=1)
    assert cost["documents"] == len(nb) and cost["tokens"] > 0
    assert cost["keyword_topics"] == 2 and cost["sweeps"] == {"guided": 30, "unguided": 30}
    assert cost["seconds"] >= 0 and cost["peak_rss_mb"] > 0


def test_the_independent_generator_draws_lda_documents_as_asked():
    from digiwelfare.bench_mixtures import mixtures_draw

    phi, bow = mixtures_draw(400, 50, 4, 0.1, seed=3, length=30)
    assert phi.shape == (4, 50) and np.allclose(phi.sum(1), 1.0)
    assert len(bow) == 400 and all(0 <= w < 50 and c > 0 for doc in bow for w, c in doc)
    lengths = [sum(c for _, c in doc) for doc in bow]
    assert 25 < np.mean(lengths) < 35  # Poisson(30)
    # sparse mixtures: with alpha 0.1 and 4 topics most of a document is one topic, so its
    # words sit in few topics' supports; the same seed draws the same corpus
    again = mixtures_draw(400, 50, 4, 0.1, seed=3, length=30)
    assert again[1] == bow and np.array_equal(again[0], phi)
    assert mixtures_draw(400, 50, 4, 0.1, seed=4, length=30)[1] != bow


def test_mixtures_table_rows_worked_by_hand():
    from digiwelfare.bench_mixtures import mixtures_table

    fit = {"cpu_seconds": 2.04, "recovery": 0.99871, "worst_topic": 0.9912}
    result = {"runs": [{"docs": 2000, "words": 1500, "alpha": 0.5, "topics": 50, "seed": 2,
                        "fits": {
        "engine_auto": fit | {"sweeps": 1000, "settled": False},
        "engine_25_sweeps": {"cpu_seconds": 1.0, "recovery": 0.8, "worst_topic": 0.31},
        "gensim_defaults": {"cpu_seconds": 3.26, "recovery": 0.7, "worst_topic": 0.2},
        "tomotopy": {"cpu_seconds": 40.0, "recovery": 0.9, "worst_topic": 0.01}}}]}
    row = mixtures_table(result).splitlines()[2]
    assert row == ("| 2,000 | 1,500 | 0.5 | 50 | 2 | 0.9987 (0.99); 2.0 s | 1000 (cap) | "
                   "0.8000 (0.31); 1.0 s | 0.7000 (0.20); 3.3 s | 0.9000 (0.01); 40.0 s |")


def test_readme_mixtures_table_is_the_committed_run():
    from digiwelfare.bench_mixtures import mixtures_table

    path = ROOT / "results" / "bench" / "mixtures.json"
    if not path.is_file():
        pytest.skip("no results/bench/mixtures.json: run make bench")
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- mixtures table -->\n")[1].split("<!-- end mixtures table -->")[0]
    assert block == mixtures_table(json.loads(path.read_text())) + "\n", (
        "README's table of the independent generator differs from results/bench/mixtures.json; "
        "paste the output of `python -m digiwelfare.bench --mixtures-table`")


def test_sample_check_table_worked_by_hand():
    from digiwelfare.bench_sample import sample_check_table

    def rows(language, fitted, documents, perplexities, se, chosen):
        best = min(range(len(perplexities)), key=perplexities.__getitem__)
        return [{"language": language, "fitted": fitted, "parts": 30_000, "documents": documents,
                 "planted_k": 12, "k": k, "perplexity": p, "perplexity_se": se,
                 "best": i == best, "within_1se": p <= perplexities[best] + se,
                 "chosen": k == chosen}
                for i, (k, p) in enumerate(zip([8, 10, 12, 14], perplexities, strict=True))]

    check = pd.DataFrame(rows("en", "all", 30_000, [900.0, 850.0, 800.0, 801.0], 2.0, 12)
                         + rows("en", "sample", 20_000, [905.0, 851.0, 852.0, 853.0], 3.0, 10))
    assert sample_check_table(check) == (
        "| language | fitted | document parts fitted (of all) | planted K | best K | K within "
        "one standard error of the best | K chosen |\n|---|---|---:|---:|---:|---|---:|\n"
        "| en | all | 30,000 (30,000) | 12 | 12 | 12, 14 | 12 |\n"
        "| en | sample | 20,000 (30,000) | 12 | 10 | 10, 12, 14 | 10 |\n\n"
        "In en the sample chose K = 10 where every part chose K = 12 (12 were planted).\n")
    same = check.assign(chosen=check["k"] == 12)
    assert sample_check_table(same).endswith(
        "\n\nIn en the sample chose the K every part chose (12; 12 were planted).\n")


def test_sample_check_fits_every_part_and_the_sample():
    """The check's two sweeps: one of every document, one of the sample, each the rule's
    table of notebook 03's own sweep on those documents."""
    from digiwelfare.bench_sample import _sweep_choice
    from digiwelfare.heldout import fit_sample
    from digiwelfare.selection import k_choose, topics_sweep
    from digiwelfare.topics import topics_simulate
    from digiwelfare.vocabulary import dictionary_build

    docs, _, _ = topics_simulate(n_docs=120, n_topics=3, n_words=80, doc_length=60, seed=5)
    dictionary = dictionary_build(docs, no_below=1, no_above=1.0)
    bow = [dictionary.doc2bow(d) for d in docs]
    whole = _sweep_choice(bow, dictionary, [2, 3], [1, 2], None, 30, 1)
    part = _sweep_choice(bow, dictionary, [2, 3], [1, 2], 60, 30, 1)
    assert whole["documents"].tolist() == [120, 120] and part["documents"].tolist() == [60, 60]
    sub = [bow[i] for i in fit_sample(120, 60)]
    by_hand = k_choose(topics_sweep(sub, dictionary, [2, 3], [1, 2], engine="anchor",
                                    sweeps=30, workers=1))
    assert part["perplexity"].tolist() == by_hand["perplexity"].tolist()
    assert part["chosen"].tolist() == by_hand["chosen"].tolist()


def test_readme_sample_check_table_is_the_committed_run():
    from digiwelfare.bench_sample import sample_check_table

    path = ROOT / "results" / "bench" / "sample_check.csv"
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- sample check -->\n")[1].split("<!-- end sample check -->")[0]
    assert block == sample_check_table(pd.read_csv(path)), (
        "README's table of the sample check differs from results/bench/sample_check.csv; "
        "paste the output of `python -m digiwelfare.bench --sample-check-table`")
