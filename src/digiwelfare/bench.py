"""``make bench``: the anchor engine against two peers on planted corpora, timed and scored.

For each size in ``BENCH_SIZES`` and each of the seeds 0, 1 and 2, a fresh process:

1. ``synth``: draws a planted corpus (:func:`digiwelfare.synth.corpus_synthesize`: K = 20,
   3,000 pseudo-words, about 150 tokens a document, alpha 0.1, beta 0.01, half of the
   documents spelled in ``nb``) and writes it in the corpus format;
2. ``read``: reads the texts back and maps every token to its word (both spellings);
   ``tokens_1_workers`` and ``tokens_2_workers``: the token stage (:func:`tokens_stage`) on
   one and on two processes (the run's ``tokens_speedup_1_to_2_workers``: the ratio of their
   wall seconds); ``prepare``: notebook 02's whole stage, cleaning and languages included
   (:func:`prepare_stage`, one process);
3. ``fit``: :func:`digiwelfare.engine.engine_fit`, one fit, default settings;
4. ``infer``: the documents' topic proportions with the topics fixed (``doc_counts``);
5. the peers on the same bags of words: gensim ``LdaModel`` with its defaults, as tutorials
   write it (``random_state`` the seed), and tomotopy's ``LDAModel`` at the same K, one
   worker, 500 iterations; and ``tutorial_pipeline``, from the texts: a loop of NLTK
   tokenising and per-token lemmatising, then gensim with its defaults (:func:`_tutorial`).

Recovery is :func:`digiwelfare.topics.topics_recovery` (mean cosine of matched topic-word
rows). Seconds are wall time and CPU time of the process; on a shared machine the wall time
depends on the load, so both are kept. ``results/bench/bench.json`` holds every run and the
log-log slope of the engine's fitting time against the number of documents;
``results/bench/summary.csv`` one row per run. :func:`bench_table` renders the README's table
from the json (``tests/test_bench.py`` checks the README against it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd

SEEDS = (0, 1, 2)
N_TOPICS = 20
TOMOTOPY_ITERATIONS = 500


def _timed(fn, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return result, {"seconds": round(time.perf_counter() - wall, 3),
                    "cpu_seconds": round(time.process_time() - cpu, 3)}


def _read(folder: Path) -> list[list[tuple[int, int]]]:
    """Bags of words of the written texts, word ids the truth's indices."""
    vocab = pd.read_csv(folder / "truth" / "vocabulary.csv")
    index = {lang: dict(zip(vocab[lang], vocab["index"], strict=True)) for lang in ("en", "nb")}
    meta = pd.read_csv(folder / "metadata.csv")
    bow = []
    for doc_id, lang in zip(meta["id"], meta["language"], strict=True):
        ids = [index[lang][w] for w in (folder / "texts" / f"{doc_id}.txt").read_text(
            encoding="utf-8").split()]
        words, counts = np.unique(ids, return_counts=True)
        bow.append([(int(w), int(c)) for w, c in zip(words, counts, strict=True)])
    return bow


def _tokens_partition(job) -> int:
    """One partition of the token stage: read its texts, tokenise them
    (:func:`digiwelfare.tokens.tokens_from_text`), write them as one Parquet file; only the
    count comes back, so memory stays that of one partition."""
    from digiwelfare.products import tokens_write
    from digiwelfare.tokens import tokens_from_text

    folder, ids, languages, target = job
    tokens = [tokens_from_text((folder / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8"),
                               lang) for doc_id, lang in zip(ids, languages, strict=True)]
    tokens_write(pd.DataFrame({"id": ids, "language": languages, "tokens": tokens}), target)
    return sum(map(len, tokens))


def tokens_stage(folder: Path, workers: int, into: Path, partition_docs: int = 10_000) -> dict:
    """Time the token stage on a planted corpus: documents in partitions of
    ``partition_docs`` on ``workers`` processes (:func:`digiwelfare.parallel.tasks_run`),
    each partition written to ``into`` as ``part-NNNNN.parquet``. The planted texts are
    monolingual and free of debris, so this times tokenising, stop words and lemmas, not the
    cleaning and the language detection of notebook 02."""
    from digiwelfare.parallel import tasks_run

    meta = pd.read_csv(folder / "metadata.csv")
    into.mkdir(parents=True, exist_ok=True)
    jobs = [(folder, list(meta["id"][i:i + partition_docs]),
             list(meta["language"][i:i + partition_docs]), into / f"part-{i:08d}.parquet")
            for i in range(0, len(meta), partition_docs)]
    counts, timing = _timed(tasks_run, _tokens_partition, jobs, workers)
    tokens = sum(counts)
    return timing | {"tokens": tokens, "workers": workers, "partitions": len(jobs),
                     "tokens_per_s": round(tokens / max(timing["seconds"], 1e-9))}


def prepare_stage(folder: Path, workers: int = 1) -> dict:
    """Time notebook 02's whole token stage on a planted corpus (:func:`digiwelfare.tokentable.
    tokens_build`): cleaning with the corpus's repeated lines, each paragraph's language,
    tokens, stop words and lemmas; what :func:`tokens_stage` leaves out."""
    from digiwelfare.corpus import corpus_read
    from digiwelfare.tokentable import tokens_build

    corpus = corpus_read(folder)
    table, timing = _timed(tokens_build, corpus, workers=workers, keep_text=True,
                           with_debris=True)
    tokens = int(sum(map(len, table[0]["tokens"])))
    return timing | {"tokens": tokens, "workers": workers,
                     "tokens_per_s": round(tokens / max(timing["seconds"], 1e-9))}


def _tutorial(folder: Path, seed: int, truth_index) -> np.ndarray:
    """A pipeline as tutorials write it: a loop over documents that tokenises each with
    NLTK (Treebank's tokeniser: no data to download) and lemmatises token by token
    (simplemma, called per token), then gensim's ``Dictionary``, ``doc2bow`` and
    ``LdaModel`` with its defaults. Returns the topic-word rows in the truth's word order."""
    import simplemma
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel
    from nltk.tokenize import TreebankWordTokenizer

    tokenizer = TreebankWordTokenizer()
    meta = pd.read_csv(folder / "metadata.csv")
    docs = []
    for doc_id, lang in zip(meta["id"], meta["language"], strict=True):
        text = (folder / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
        docs.append([simplemma.lemmatize(t, lang=lang) for t in tokenizer.tokenize(text.lower())
                     if t.isalpha()])
    dictionary = Dictionary(docs)
    model = LdaModel([dictionary.doc2bow(d) for d in docs], id2word=dictionary,
                     num_topics=N_TOPICS, random_state=seed)
    topics = model.get_topics()
    phi = np.zeros((N_TOPICS, max(truth_index.values()) + 1))
    for word, j in dictionary.token2id.items():
        if word in truth_index:
            phi[:, truth_index[word]] += topics[:, j]
    return phi


def _gensim_defaults(bow, n_words, seed, n_topics=N_TOPICS):
    from gensim.models import LdaModel

    model = LdaModel(corpus=bow, id2word={i: f"w{i}" for i in range(n_words)},
                     num_topics=n_topics, random_state=seed)
    return model.get_topics()


def _tomotopy(bow, n_words, seed, n_topics=N_TOPICS):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import tomotopy

    model = tomotopy.LDAModel(k=n_topics, seed=seed)
    for doc in bow:
        model.add_doc([f"w{w}" for w, c in doc for _ in range(c)])
    model.train(TOMOTOPY_ITERATIONS, workers=1)
    phi = np.zeros((n_topics, n_words))
    columns = [int(w[1:]) for w in model.used_vocabs]
    for k in range(n_topics):
        phi[k, columns] = model.get_topic_word_dist(k)
    return phi


def _synth(n_docs: int, seed: int, folder: Path) -> dict:
    from digiwelfare.synth import corpus_synthesize, corpus_write

    planted = corpus_synthesize(n_docs, N_TOPICS, seed=seed)
    corpus_write(planted, folder)
    return planted


def run_one(n_docs: int, seed: int, peers: bool = True) -> dict:
    """One size and seed, in this process: stages, peak memory, recovery, peers."""
    from digiwelfare.engine import engine_fit
    from digiwelfare.topics import topics_recovery

    stages = {}
    with tempfile.TemporaryDirectory(prefix="bench_") as scratch:
        folder = Path(scratch) / "corpus"
        planted, stages["synth"] = _timed(_synth, n_docs, seed, folder)
        bow, stages["read"] = _timed(_read, folder)
        for workers in (1, 2):
            stages[f"tokens_{workers}_workers"] = tokens_stage(folder, workers,
                                                               Path(scratch) / f"tokens{workers}")
        stages["prepare"] = prepare_stage(folder)
        tutorial = None
        if peers:
            vocab = pd.read_csv(folder / "truth" / "vocabulary.csv")
            index = {w: i for lang in ("en", "nb") for w, i in zip(vocab[lang], vocab["index"],
                                                                    strict=True)}
            tutorial = _timed(_tutorial, folder, seed, index)
    speedup = round(stages["tokens_1_workers"]["seconds"]
                    / max(stages["tokens_2_workers"]["seconds"], 1e-9), 2)
    tokens = int(sum(c for doc in bow for _, c in doc))
    n_words = planted["phi"].shape[1]
    model, stages["fit"] = _timed(engine_fit, bow, n_words, N_TOPICS, seed=seed)
    _, stages["infer"] = _timed(model.doc_counts, bow)
    for name in ("read", "fit", "infer"):
        stages[name]["tokens_per_s"] = round(tokens / max(stages[name]["seconds"], 1e-9))
    run = {"docs": n_docs, "seed": seed, "tokens": tokens, "words": n_words,
           "topics": N_TOPICS, "stages": stages, "tokens_speedup_1_to_2_workers": speedup,
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
           "recovery": round(topics_recovery(planted["phi"], model.phi)[0], 5), "peers": {}}
    if peers:
        for name, fit in (("gensim_defaults", _gensim_defaults), ("tomotopy", _tomotopy)):
            phi, timing = _timed(fit, bow, n_words, seed)
            run["peers"][name] = timing | {
                "recovery": round(topics_recovery(planted["phi"], phi)[0], 5)}
        phi, timing = tutorial
        run["peers"]["tutorial_pipeline"] = timing | {
            "recovery": round(topics_recovery(planted["phi"], phi)[0], 5)}
    return run


def bench_run(sizes: list[int], out: Path, peers: bool = True, seeds=SEEDS,
              merge: bool = False) -> dict:
    """Every size and seed, each in its own process (so that peak memory is its own), then
    ``bench.json`` and ``summary.csv`` in ``out``. With ``merge``, the runs already in
    ``out/bench.json`` of sizes not run now are kept (so the largest size, about half an
    hour a seed, can be added to the others), and the slope is over all of them."""
    runs = []
    if merge and (out / "bench.json").is_file():
        old = json.loads((out / "bench.json").read_text())["runs"]
        runs = [r for r in old if r["docs"] not in sizes]
    for n_docs in sizes:
        for seed in seeds:
            cmd = [sys.executable, "-m", "digiwelfare.bench", "--one", str(n_docs), str(seed)]
            if not peers:
                cmd.append("--no-peers")
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode:
                raise RuntimeError(f"bench: {n_docs} documents, seed {seed} failed:\n"
                                   f"{done.stderr[-2000:]}")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            r = runs[-1]
            print(f"bench: {n_docs:>7} documents, seed {seed}: fit {r['stages']['fit']['seconds']}"
                  f" s, recovery {r['recovery']}"
                  + "".join(f"; {k} {v['seconds']} s, {v['recovery']}"
                            for k, v in r["peers"].items()), flush=True)
    runs.sort(key=lambda r: (r["docs"], r["seed"]))
    fits = pd.DataFrame([(r["docs"], r["stages"]["fit"]["seconds"]) for r in runs],
                        columns=["docs", "seconds"]).groupby("docs")["seconds"].mean()
    slope = (float(np.polyfit(np.log(fits.index), np.log(fits.to_numpy()), 1)[0])
             if len(fits) > 1 else None)
    result = {"runs": runs, "slope": None if slope is None else round(slope, 3),
              "note": "measured on a 2-core machine shared with other work (under load): wall "
                      "seconds depend on the load, CPU seconds less so",
              "load_average": [round(x, 2) for x in os.getloadavg()]}
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(result, indent=1) + "\n")
    bench_summary(result).to_csv(out / "summary.csv", index=False)
    return result


def bench_summary(result: dict) -> pd.DataFrame:
    """One row per run: sizes, the engine's seconds and recovery, each peer's, and the
    peer-to-engine ratios of fitting time (wall and CPU)."""
    rows = []
    for r in result["runs"]:
        fit = r["stages"]["fit"]
        row = {"docs": r["docs"], "seed": r["seed"], "tokens": r["tokens"],
               "engine_seconds": fit["seconds"], "engine_cpu_seconds": fit["cpu_seconds"],
               "engine_recovery": r["recovery"], "peak_rss_mb": r["peak_rss_mb"]}
        for name, p in r["peers"].items():
            row |= {f"{name}_seconds": p["seconds"], f"{name}_cpu_seconds": p["cpu_seconds"],
                    f"{name}_recovery": p["recovery"],
                    f"{name}_cpu_ratio": round(p["cpu_seconds"] / fit["cpu_seconds"], 2)}
        rows.append(row)
    return pd.DataFrame(rows)


def bench_table(result: dict) -> str:
    """The README's table: per size and seed, CPU seconds and recovery of the engine and of
    each peer, and each peer's CPU time as a multiple of the engine's."""
    table = bench_summary(result)
    lines = ["| documents | seed | engine s (CPU) | engine recovery | gensim defaults s | "
             "gensim recovery | tomotopy s | tomotopy recovery | tutorial pipeline s | "
             "tutorial recovery |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in table.itertuples():
        tutorial = (f"{r.tutorial_pipeline_cpu_seconds:.1f} | {r.tutorial_pipeline_recovery:.4f}"
                    if hasattr(r, "tutorial_pipeline_cpu_seconds") else "– | –")
        lines.append(f"| {r.docs:,} | {r.seed} | {r.engine_cpu_seconds:.1f} | "
                     f"{r.engine_recovery:.4f} | {r.gensim_defaults_cpu_seconds:.1f} "
                     f"({r.gensim_defaults_cpu_ratio:.1f}×) | {r.gensim_defaults_recovery:.4f} | "
                     f"{r.tomotopy_cpu_seconds:.1f} ({r.tomotopy_cpu_ratio:.1f}×) | "
                     f"{r.tomotopy_recovery:.4f} | {tutorial} |")
    return "\n".join(lines) + "\n"


def _span(values, fmt: str) -> str:
    """One value, or the lowest and the highest ("0.9995 to 0.9997")."""
    low, high = min(values), max(values)
    return format(low, fmt) if format(low, fmt) == format(high, fmt) else \
        f"{format(low, fmt)} to {format(high, fmt)}"


def bench_prose(result: dict) -> str:
    """The README's paragraph on the committed run, every number read from ``result``: per
    size, the engine's and each peer's CPU seconds and recovery, the token stage's and
    notebook 02's whole stage's tokens a second, peak memory; then the slope."""
    names = {"gensim_defaults": "gensim's defaults", "tomotopy": "tomotopy",
             "tutorial_pipeline": "the tutorial pipeline"}
    sizes = sorted({r["docs"] for r in result["runs"]})
    load = ", ".join(f"{x:.2f}" for x in result.get("load_average", []))
    out = [f"The committed run ended at a load average of {load} (a size's runs are its seeds)."]
    for n in sizes:
        runs = [r for r in result["runs"] if r["docs"] == n]
        st = [r["stages"] for r in runs]
        seeds = ", ".join(str(r["seed"]) for r in runs)
        peers = "; ".join(
            f"{label} {_span([r['peers'][k]['cpu_seconds'] for r in runs], '.1f')} "
            f"({_span([r['peers'][k]['recovery'] for r in runs], '.3f')})"
            for k, label in names.items() if all(k in r["peers"] for r in runs))
        out.append(
            f"At {n:,} documents (seed{'s' if len(runs) > 1 else ''} {seeds}; "
            f"{_span([r['tokens'] for r in runs], ',')} tokens) the engine fitted in "
            f"{_span([s['fit']['cpu_seconds'] for s in st], '.1f')} CPU seconds with recovery "
            f"{_span([r['recovery'] for r in runs], '.4f')}"
            + (f"; the peers took, in CPU seconds (recovery): {peers}" if peers else "")
            + ". The token stage ran at "
            + f"{_span([s['tokens_1_workers']['tokens_per_s'] for s in st], ',')} tokens a second "
            f"on one worker and {_span([s['tokens_2_workers']['tokens_per_s'] for s in st], ',')}"
            f" on two (a speed-up of "
            f"{_span([r['tokens_speedup_1_to_2_workers'] for r in runs], '.2f')})"
            f"; notebook 02's whole stage (`prepare`, one worker) at "
            f"{_span([s['prepare']['tokens_per_s'] for s in st], ',')}; a run's process peaked "
            f"at {_span([r['peak_rss_mb'] / 1024 for r in runs], '.1f')} GB of memory.")
    out.append("The one-worker token stage runs first and loads the lemma dictionaries, which "
               "the two workers then inherit, so at the smaller sizes the speed-up overstates "
               "what the second core gives; the largest size's is the one to read.")
    slope = result.get("slope")
    out.append(f"The log-log slope of the engine's fitting time from {sizes[0]:,} to "
               f"{sizes[-1]:,} documents is {slope} (`slope` in the json)." if slope is not None
               else "One size gives no slope.")
    return textwrap.fill(" ".join(out), width=92) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m digiwelfare.bench", description=__doc__
                                     .split("\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10_000])
    parser.add_argument("--out", default="results/bench")
    parser.add_argument("--no-peers", action="store_true", help="time the engine only")
    parser.add_argument("--seeds", nargs="+", type=int, default=list(SEEDS))
    parser.add_argument("--merge", action="store_true",
                        help="keep the runs in OUT/bench.json of sizes not run now")
    parser.add_argument("--one", nargs=2, type=int, metavar=("DOCS", "SEED"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--tokens", metavar="CORPUS",
                        help="time only the token stage on a planted corpus (see --workers)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--guided", nargs=2, metavar=("CORPUS", "RUN"),
                        help="time notebook 06's chains with seed words planted in CORPUS, on "
                             "the tokens of a pipeline run into RUN (see --workers)")
    parser.add_argument("--prepare-parts", metavar="CORPUS",
                        help="time each step of notebook 02's stage alone on a planted corpus "
                             "(OUT/prepare_parts.json)")
    parser.add_argument("--prepare-parts-table", action="store_true",
                        help="print the README's table from OUT/prepare_parts.json")
    parser.add_argument("--table", action="store_true",
                        help="print the README's table from OUT/bench.json")
    parser.add_argument("--prose", action="store_true",
                        help="print the README's paragraph on OUT/bench.json")
    parser.add_argument("--targets", action="store_true",
                        help="print the README's table of issue #14's targets from OUT")
    parser.add_argument("--mixtures", action="store_true",
                        help="fit the engine and its peers on corpora of an independent "
                             "generator, sparse and dense mixtures (OUT/mixtures.json)")
    parser.add_argument("--mixtures-table", action="store_true",
                        help="print the README's table from OUT/mixtures.json")
    parser.add_argument("--sample-check", nargs=2, metavar=("CORPUS", "RUN"),
                        help="fit notebook 03's sweep on every part and on its sample, on "
                             "the tokens of a pipeline run into RUN (OUT/sample_check.csv)")
    parser.add_argument("--sample-check-table", action="store_true",
                        help="print the README's table from OUT/sample_check.csv")
    args = parser.parse_args(argv)
    if args.sample_check or args.sample_check_table:
        from digiwelfare.bench_sample import sample_check, sample_check_table

        if args.sample_check:
            check = sample_check(Path(args.sample_check[0]), Path(args.sample_check[1]),
                                 workers=args.workers)
            check.to_csv(Path(args.out) / "sample_check.csv", index=False)
        print(sample_check_table(pd.read_csv(Path(args.out) / "sample_check.csv")), end="")
    elif args.prepare_parts or args.prepare_parts_table:
        from digiwelfare.bench_prepare import prepare_parts, prepare_parts_table

        target = Path(args.out) / "prepare_parts.json"
        if args.prepare_parts:
            target.write_text(json.dumps(prepare_parts(args.prepare_parts), indent=1) + "\n")
        print(prepare_parts_table(json.loads(target.read_text("utf-8"))), end="")
    elif args.one:
        print(json.dumps(run_one(*args.one, peers=not args.no_peers)))
    elif args.tokens:
        with tempfile.TemporaryDirectory(prefix="bench_tokens_") as scratch:
            stage = tokens_stage(Path(args.tokens), args.workers, Path(scratch))
        usage = [resource.getrusage(who).ru_maxrss / 1024
                 for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
        print(json.dumps(stage | {"peak_rss_mb": round(usage[0], 1),
                                  "peak_rss_mb_workers": round(usage[1], 1)}))
    elif args.guided:
        from digiwelfare.bench_pipeline import guided_cost

        print(json.dumps(guided_cost(Path(args.guided[0]), Path(args.guided[1]),
                                     workers=args.workers)))
    elif args.mixtures or args.mixtures_table:
        from digiwelfare.bench_mixtures import mixtures_run, mixtures_table

        if args.mixtures:
            mixtures_run(Path(args.out))
        print(mixtures_table(json.loads((Path(args.out) / "mixtures.json").read_text())))
    elif args.targets:
        from digiwelfare.bench_pipeline import targets_table

        print(targets_table(Path(args.out)), end="")
    elif args.prose:
        print(bench_prose(json.loads((Path(args.out) / "bench.json").read_text())), end="")
    elif args.table:
        print(bench_table(json.loads((Path(args.out) / "bench.json").read_text())), end="")
    else:
        bench_run(args.sizes, Path(args.out), peers=not args.no_peers, seeds=args.seeds,
                  merge=args.merge)
    return 0


if __name__ == "__main__":
    sys.exit(main())
