"""Topic models: seeded gensim LDA and tidy tables of what it found.

LDA as in Blei, Ng & Jordan (2003), fitted by online variational Bayes (Hoffman, Blei &
Bach 2010) in gensim's ``LdaModel``. ``LdaMulticore`` is avoided on purpose: its result
depends on process scheduling, so it is not reproducible byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary
from gensim.models import LdaModel

from digiwelfare.config import ParameterError, int_check


def k_check(num_topics: object, n_docs: int, name: str = "num_topics") -> int:
    """Check that the corpus can support ``num_topics`` topics: 2 to ``n_docs // 2``.

    Fewer than two documents per topic on average gives topics that are single documents.
    """
    high = n_docs // 2
    if high < 2:
        raise ParameterError(name, num_topics, f"the corpus has only {n_docs} document(s) in this "
                             "language; a topic model needs at least 4")
    return int_check(name, num_topics, 2, high)


def topics_fit(bow: list, dictionary: Dictionary, num_topics: int, passes: int = 20,
               iterations: int = 200, seed: int = 1, alpha="symmetric") -> LdaModel:
    """Fit a seeded LDA model on a bag-of-words corpus; the same inputs give the same model."""
    return LdaModel(corpus=bow, id2word=dictionary, num_topics=num_topics, passes=passes,
                    iterations=iterations, random_state=seed, alpha=alpha,
                    chunksize=max(len(bow), 1), eval_every=None)


def topics_fit_best(bow: list, dictionary: Dictionary, num_topics: int, restarts: int = 3,
                    seed: int = 1, **kwargs) -> LdaModel:
    """Fit ``restarts`` models with seeds ``seed, seed + 1, ...`` and keep the one with the
    highest variational bound on the training documents.

    Variational inference stops in local optima: on planted data a single run sometimes
    merges two true topics and splits another. The bound tells such runs apart; the restart
    that explains the documents best is kept (the same practice as STM's ``selectModel``).
    """
    best, best_bound = None, -np.inf
    for s in range(seed, seed + restarts):
        model = topics_fit(bow, dictionary, num_topics, seed=s, **kwargs)
        bound = model.bound(bow)
        if bound > best_bound:
            best, best_bound = model, bound
    return best


def textstat_top_words(model: LdaModel, n: int = 10) -> pd.DataFrame:
    """Top ``n`` words of each topic: ``topic, rank, word, probability`` (topics from 1)."""
    rows = []
    for k in range(model.num_topics):
        for rank, (word_id, prob) in enumerate(model.get_topic_terms(k, topn=n), start=1):
            rows.append((k + 1, rank, model.id2word[word_id], float(prob)))
    return pd.DataFrame(rows, columns=["topic", "rank", "word", "probability"])


def topics_label(top_words: pd.DataFrame, n: int = 3, names: dict | None = None
                 ) -> dict[int, str]:
    """Short labels such as ``"T1 care, home, nurse"`` from a :func:`textstat_top_words`
    table; a topic the analyst has named in ``names`` (``{1: "Home care"}``, as the
    ``topic_labels`` parameter gives it) is labelled ``"T1 Home care"`` instead."""
    first = top_words[top_words["rank"] <= n].sort_values(["topic", "rank"])
    labels = {k: f"T{k} " + ", ".join(g["word"]) for k, g in first.groupby("topic")}
    return labels | {int(k): f"T{int(k)} {v}" for k, v in (names or {}).items()}


def textstat_doc_topics(model: LdaModel, bow: list, ids: list[str]) -> pd.DataFrame:
    """Document-topic proportions as a wide table: ``id`` then one column per topic (1..K).

    Inferred once with ``minimum_probability=0`` so every row sums to one; reuse the table
    rather than inferring again (gensim's inference draws from the model's random state).
    """
    theta = np.zeros((len(bow), model.num_topics))
    for i, doc in enumerate(bow):
        for k, p in model.get_document_topics(doc, minimum_probability=0.0):
            theta[i, k] = p
    table = pd.DataFrame(theta, columns=list(range(1, model.num_topics + 1)))
    table.insert(0, "id", ids)
    return table


def textstat_prevalence(doc_topics: pd.DataFrame, meta: pd.DataFrame, by: str) -> pd.DataFrame:
    """Mean topic proportion per group of ``by``: ``group, topic, prevalence, documents``."""
    joined = doc_topics.merge(meta[["id", by]], on="id", how="left", validate="one_to_one")
    long = joined.melt(id_vars=["id", by], var_name="topic", value_name="proportion")
    table = (long.groupby([by, "topic"], sort=True)
             .agg(prevalence=("proportion", "mean"), documents=("id", "nunique")).reset_index())
    return table.rename(columns={by: "group"})


# --- reading a model ----------------------------------------------------------------------

def topics_word_matrix(model: LdaModel) -> np.ndarray:
    """Topic-word probabilities, K x V, rows summing to one (phi)."""
    phi = model.get_topics()
    return phi / phi.sum(axis=1, keepdims=True)


def textstat_topic_words(model: LdaModel, bow: list, n: int = 30, lam: float = 0.6
                         ) -> pd.DataFrame:
    """Top words of each topic by probability and by relevance, tidy.

    Relevance (Sievert & Shirley 2014): ``lam * log(phi_kw) + (1 - lam) * log(phi_kw / p_w)``,
    with ``p_w`` the word's share of all tokens in ``bow``; a small ``lam`` favours words
    specific to the topic, ``lam = 1`` is plain probability. Columns: ``topic, word,
    probability, lift, relevance, rank_probability, rank_relevance``, for the union of each
    topic's top ``n`` by either ranking, sorted by topic and relevance rank.
    """
    phi = topics_word_matrix(model)
    counts = np.zeros(phi.shape[1])
    for doc in bow:
        for word_id, c in doc:
            counts[word_id] += c
    p_w = np.maximum(counts / max(counts.sum(), 1), 1e-12)
    lift = phi / p_w
    relevance = lam * np.log(phi) + (1 - lam) * np.log(lift)
    relevance[:, counts == 0] = -np.inf  # a word absent from these documents is not specific
    rows = []
    for k in range(phi.shape[0]):
        by_prob = np.argsort(-phi[k], kind="stable")
        by_rel = np.argsort(-relevance[k], kind="stable")
        rank_p = {w: r for r, w in enumerate(by_prob, start=1)}
        rank_r = {w: r for r, w in enumerate(by_rel, start=1)}
        for w in sorted(set(by_prob[:n]) | set(by_rel[:n]), key=lambda w: (rank_r[w], rank_p[w])):
            rows.append((k + 1, model.id2word[int(w)], phi[k, w], lift[k, w], relevance[k, w],
                         rank_p[w], rank_r[w]))
    return pd.DataFrame(rows, columns=["topic", "word", "probability", "lift", "relevance",
                                       "rank_probability", "rank_relevance"])


def textstat_doc_topics_long(doc_topics: pd.DataFrame) -> pd.DataFrame:
    """The wide document-topic table of :func:`textstat_doc_topics` as tidy rows:
    ``id, topic, proportion``, sorted by id and topic."""
    long = doc_topics.melt(id_vars="id", var_name="topic", value_name="proportion")
    long["topic"] = long["topic"].astype(int)
    return long.sort_values(["id", "topic"], kind="stable").reset_index(drop=True)


def textstat_representative(doc_topics: pd.DataFrame, meta: pd.DataFrame, n: int = 3
                            ) -> pd.DataFrame:
    """The ``n`` documents with the largest share of each topic, with their titles:
    ``topic, rank, id, proportion, title, doc_type, year``."""
    long = textstat_doc_topics_long(doc_topics)
    top = (long.sort_values(["topic", "proportion", "id"], ascending=[True, False, True])
           .groupby("topic").head(n).copy())
    top["rank"] = top.groupby("topic").cumcount() + 1
    top = top.merge(meta[["id", "title", "doc_type", "year"]], on="id", how="left")
    return top[["topic", "rank", "id", "proportion", "title", "doc_type", "year"]].reset_index(
        drop=True)


# --- choosing K ---------------------------------------------------------------------------

def topic_diversity(top_words: list[list[str]]) -> float:
    """Share of unique words among all topics' top words (Dieng, Ruiz & Blei 2020): 1 means
    no two topics share a top word."""
    words = [w for topic in top_words for w in topic]
    return len(set(words)) / len(words) if words else 0.0


def topics_match(a: list[set[str]], b: list[set[str]]) -> float:
    """Mean Jaccard similarity of two runs' top-word sets, topics matched one to one
    (Hungarian algorithm) so that each topic of ``a`` pairs with its best partner in ``b``."""
    from scipy.optimize import linear_sum_assignment

    sim = np.array([[len(x & y) / len(x | y) if x | y else 0.0 for y in b] for x in a])
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].mean())


def holdout_split(n_docs: int, share: float = 0.1, seed: int = 1) -> np.ndarray:
    """A fixed boolean mask of held-out documents (``share`` of them, at least one)."""
    rng = np.random.default_rng(seed)
    held = np.zeros(n_docs, dtype=bool)
    held[rng.permutation(n_docs)[:max(1, round(share * n_docs))]] = True
    return held


def _sweep_fit(args) -> dict:
    from gensim.models import CoherenceModel

    bow, texts, dictionary, k, seed, passes, iterations, held = args
    train = [d for d, h in zip(bow, held, strict=True) if not h]
    model = topics_fit(train, dictionary, k, passes=passes, iterations=iterations, seed=seed)
    top = [[dictionary[w] for w, _ in model.get_topic_terms(t, topn=25)] for t in range(k)]
    row = {"k": k, "seed": seed}
    for measure in ("c_v", "c_npmi", "u_mass"):
        cm = CoherenceModel(topics=[t[:10] for t in top], texts=texts, dictionary=dictionary,
                            coherence=measure, topn=10, processes=1)
        row[measure] = float(cm.get_coherence())
    row["diversity"] = topic_diversity(top)
    heldout = [d for d, h in zip(bow, held, strict=True) if h]
    row["perplexity"] = float(2 ** (-model.log_perplexity(heldout)))
    row["top20"] = [set(t[:20]) for t in top]
    return row


def topics_sweep(bow: list, texts: list[list[str]], dictionary: Dictionary, ks, seeds,
                 passes: int = 20, iterations: int = 200, holdout: float = 0.1,
                 workers: int = 2) -> pd.DataFrame:
    """Fit one model per (K, seed) and measure it; the fits run in parallel processes, each
    seeded, so the table is the same whatever the number of workers.

    Columns: ``k, seed, c_v, c_npmi, u_mass, diversity, stability, perplexity``.
    Coherence (Röder, Both & Hinneburg 2015 for c_v; Bouma 2009 for NPMI; Mimno et al. 2011
    for u_mass) is measured on ``texts`` with each topic's top 10 words; diversity on the top
    25; stability is the mean one-to-one matched Jaccard similarity of the top-20 word sets
    with the other seeds' runs at the same K; perplexity is on a fixed held-out tenth of the
    documents, the model having been fitted on the rest.
    """
    from concurrent.futures import ProcessPoolExecutor

    held = holdout_split(len(bow), holdout)
    jobs = [(bow, texts, dictionary, k, s, passes, iterations, held)
            for k in ks for s in seeds]
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            rows = list(pool.map(_sweep_fit, jobs))
    else:
        rows = [_sweep_fit(job) for job in jobs]
    table = pd.DataFrame(rows)
    stability = []
    for row in rows:
        others = [r["top20"] for r in rows if r["k"] == row["k"] and r["seed"] != row["seed"]]
        stability.append(np.mean([topics_match(row["top20"], o) for o in others])
                         if others else np.nan)
    table["stability"] = stability
    cols = ["k", "seed", "c_v", "c_npmi", "u_mass", "diversity", "stability", "perplexity"]
    return table[cols].sort_values(["k", "seed"]).reset_index(drop=True)


def k_grid(ks, n_docs: int) -> list[int]:
    """The values of ``ks`` the corpus supports (2 to ``n_docs // 2``), sorted. When fewer
    than two of them fit, up to five values spread over 2 to ``n_docs // 2`` are used instead,
    so that a small corpus still gets a comparison; empty only below four documents."""
    high = n_docs // 2
    fitting = sorted({int(k) for k in ks if 2 <= int(k) <= high})
    if len(fitting) >= 2 or high < 2:
        return fitting if high >= 2 else []
    return sorted({int(round(k)) for k in np.linspace(2, high, min(5, high - 1))})


#: The metrics that choose K, with the direction that is better. Perplexity is reported but
#: not used: held-out likelihood keeps improving with K where people's judgement of topics
#: does not (Chang et al. 2009).
CHOICE_METRICS = {"c_npmi": 1, "c_v": 1, "diversity": 1, "stability": 1}


def k_choose(selection: pd.DataFrame) -> pd.DataFrame:
    """Score each K by the mean, over :data:`CHOICE_METRICS`, of its standardised mean
    across seeds (z-score over the grid); the best score wins, the smaller K on a tie.
    Returns one row per K with the means, the ``score`` and ``chosen``."""
    means = selection.groupby("k")[list(CHOICE_METRICS) + ["u_mass", "perplexity"]].mean()
    z = pd.DataFrame({m: sign * (means[m] - means[m].mean()) / (means[m].std(ddof=0) or 1.0)
                      for m, sign in CHOICE_METRICS.items()})
    means["score"] = z.mean(axis=1)
    best = means["score"].round(12).max()
    means["chosen"] = False
    means.loc[means.index[means["score"].round(12) == best].min(), "chosen"] = True
    return means.reset_index()


# --- validity on planted truth ------------------------------------------------------------

def topics_simulate(n_docs: int = 600, n_topics: int = 5, n_words: int = 400,
                    doc_length: int = 80, alpha: float = 0.2, beta: float = 0.05,
                    seed: int = 1) -> tuple[list[list[str]], np.ndarray, np.ndarray]:
    """Documents drawn from LDA's generative process with known topics.

    Returns ``(docs, phi, theta)``: token lists (words ``w000``, ``w001``...), the true
    topic-word matrix (K x V) and the true document-topic matrix (D x K).
    """
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(n_words, beta), size=n_topics)
    theta = rng.dirichlet(np.full(n_topics, alpha), size=n_docs)
    vocab = np.array([f"w{i:03d}" for i in range(n_words)])
    docs = []
    for d in range(n_docs):
        z = rng.choice(n_topics, size=doc_length, p=theta[d])
        words = [rng.choice(n_words, p=phi[k]) for k in z]
        docs.append(list(vocab[words]))
    return docs, phi, theta


def topics_recovery(true_phi: np.ndarray, fitted_phi: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean cosine similarity of true and fitted topic-word distributions, matched one to
    one (Hungarian algorithm); also the per-topic similarities in the true topics' order."""
    from scipy.optimize import linear_sum_assignment

    a = true_phi / np.linalg.norm(true_phi, axis=1, keepdims=True)
    b = fitted_phi / np.linalg.norm(fitted_phi, axis=1, keepdims=True)
    sim = a @ b.T
    rows, cols = linear_sum_assignment(-sim)
    per_topic = sim[rows, cols]
    return float(per_topic.mean()), per_topic


def phi_in_vocabulary(model: LdaModel, vocabulary: list[str]) -> np.ndarray:
    """A fitted model's topic-word matrix with columns in the order of ``vocabulary``."""
    phi = topics_word_matrix(model)
    index = [model.id2word.token2id[w] for w in vocabulary]
    return phi[:, index]


# --- caching between notebooks ------------------------------------------------------------

def model_save(model: LdaModel, folder: Path) -> Path:
    """Save a model into ``folder`` whole or not at all (written beside, then moved in)."""
    import shutil
    import tempfile

    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    model.save(str(scratch / "model"))
    if folder.exists():
        shutil.rmtree(folder)
    scratch.rename(folder)
    return folder / "model"


def model_load(folder: Path) -> LdaModel:
    path = Path(folder) / "model"
    if not path.is_file():
        raise FileNotFoundError(f"{folder}: no fitted model; run notebooks/04_fit_topics first "
                                "(make all does)")
    return LdaModel.load(str(path))


def textstat_topics(topic_words: pd.DataFrame, doc_topics: pd.DataFrame,
                    labels: dict[int, str], n: int = 10) -> pd.DataFrame:
    """One row per topic: ``topic, label, by_probability, by_relevance, prevalence`` (top
    ``n`` words by each ranking of :func:`textstat_topic_words`; mean proportion)."""
    rows = []
    prevalence = doc_topics.drop(columns="id").mean()
    for k, g in topic_words.groupby("topic", sort=True):
        by_p = g[g.rank_probability <= n].sort_values("rank_probability")["word"]
        by_r = g[g.rank_relevance <= n].sort_values("rank_relevance")["word"]
        rows.append((int(k), labels.get(int(k), f"T{k}"), ", ".join(by_p), ", ".join(by_r),
                     float(prevalence[k])))
    return pd.DataFrame(rows, columns=["topic", "label", "by_probability", "by_relevance",
                                       "prevalence"])
