"""Topic models: seeded LDA and tidy tables of what it found.

LDA as in Blei, Ng & Jordan (2003), fitted by one of two engines (``engine=``): online
variational Bayes (Hoffman, Blei & Bach 2010) in gensim's ``LdaModel``, or anchor words then
collapsed Gibbs sampling (:mod:`digiwelfare.engine`). ``LdaMulticore`` is avoided on purpose:
its result depends on process scheduling, so it is not reproducible byte for byte. The
reading functions below take a model of either engine.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from gensim.corpora import Dictionary
from gensim.models import LdaModel
from threadpoolctl import threadpool_limits

from digiwelfare.checks import ParameterError, int_check


def k_check(num_topics: object, n_docs: int, name: str = "num_topics") -> int:
    """Check that the corpus can support ``num_topics`` topics: 2 to ``n_docs // 2``.

    Fewer than two documents per topic on average gives topics that are single documents.
    """
    high = n_docs // 2
    if high < 2:
        raise ParameterError(name, num_topics, f"the corpus has only {n_docs} document(s) in this "
                             "language; a topic model needs at least 4")
    return int_check(name, num_topics, 2, high)


#: Topic engines of :func:`topics_fit`: gensim's online variational Bayes, or anchor words
#: then collapsed Gibbs sampling (:mod:`digiwelfare.engine`).
ENGINES = ("gensim", "anchor")


def topics_fit(bow: list, dictionary: Dictionary, num_topics: int, passes: int = 20,
               iterations: int = 200, seed: int = 1, alpha="symmetric", engine: str = "gensim",
               sweeps="auto", share_start: bool = False):
    """Fit a seeded LDA model on a bag-of-words corpus; the same inputs give the same model.

    ``engine="gensim"``: gensim's ``LdaModel``, full batch, ``passes`` and ``iterations``;
    ``engine="anchor"``: :func:`digiwelfare.engine.engine_fit` with ``sweeps`` Gibbs sweeps
    (``"auto"``: until the chain settles, :mod:`digiwelfare.gibbs`; ``alpha`` "symmetric" or a
    number; ``passes`` and ``iterations`` are not used;
    ``share_start`` keeps its anchor start for the next fit on the same documents).
    """
    from digiwelfare.checks import choice_check

    choice_check("engine", engine, ENGINES)
    if engine == "anchor":
        from digiwelfare.engine import engine_fit

        return engine_fit(bow, len(dictionary), num_topics, seed=seed, sweeps=sweeps,
                          average=5 if sweeps == "auto" else min(5, sweeps),
                          alpha=None if alpha == "symmetric" else alpha, id2word=dictionary,
                          share_start=share_start)
    # BLAS with one thread: with several, how a float32 sum is split varies with the machine's
    # load, and a bound came out 0.1 apart in a CI run on a busy machine
    with threadpool_limits(1):
        return LdaModel(corpus=bow, id2word=dictionary, num_topics=num_topics, passes=passes,
                        iterations=iterations, random_state=seed, alpha=alpha,
                        chunksize=max(len(bow), 1), eval_every=None)


def restart_seeds(seed: int, restarts: int) -> list[int]:
    """Seeds of ``restarts`` fits, derived from the user's ``seed`` by numpy's
    ``SeedSequence(seed).spawn``: two user seeds never share a restart stream (``seed,
    seed + 1, ...`` made seeds 1 and 2 fit the same models)."""
    return [int(child.generate_state(1)[0]) for child in np.random.SeedSequence(seed).spawn(
        restarts)]


def topics_score(model, bow: list) -> float:
    """How well ``model`` explains ``bow``: gensim's variational bound, or for the anchor
    engine the log likelihood ``sum log sum_k theta_dk phi_kw`` of the training tokens."""
    if hasattr(model, "bound"):
        with threadpool_limits(1):  # the same bytes on any load (topics_fit)
            return float(model.bound(bow))
    total = 0.0
    for d, doc in enumerate(bow):
        if doc:
            ids, counts = np.asarray(doc).T
            total += float(counts @ np.log(model.theta[d] @ model.phi[:, ids]))
    return total


#: Below this much work (tokens times restarts) the anchor engine's restarts run one after
#: another: a thread of its own would save less than a second.
PARALLEL_WORK = 5e6


def _restart_fit(job):
    """One restart of :func:`topics_fit_best` (its anchor start shared, see there)."""
    bow, dictionary, num_topics, seed, kwargs = job
    return topics_fit(bow, dictionary, num_topics, seed=seed, share_start=True, **kwargs)


def topics_fit_best(bow: list, dictionary: Dictionary, num_topics: int, restarts: int = 3,
                    seed: int = 1, workers: int = 1, **kwargs):
    """Fit ``restarts`` models with seeds from :func:`restart_seeds` and keep the one that
    explains the training documents best (:func:`topics_score`).

    Variational inference stops in local optima: on planted data a single run sometimes
    merges two true topics and splits another. The bound tells such runs apart; the restart
    that explains the documents best is kept (the same practice as STM's ``selectModel``).
    ``kwargs`` go to :func:`topics_fit` (``engine=`` among them). The anchor engine's restarts
    run in ``workers`` threads of this process when the corpus is large enough
    (:data:`PARALLEL_WORK`; :func:`digiwelfare.parallel.tasks_run`): each is a pure function
    of its seed, so the model kept is the same whatever ``workers`` is; gensim's run one
    after another.
    """
    from digiwelfare.engine import engine_start_forget
    from digiwelfare.parallel import tasks_run, workers_for

    int_check("workers", workers, 1, 64)
    jobs = [(bow, dictionary, num_topics, s, kwargs) for s in restart_seeds(seed, restarts)]
    anchor = kwargs.get("engine") == "anchor"
    work = sum(c for doc in bow for _, c in doc) * restarts if anchor and workers > 1 else 0
    try:  # the anchor engine's restarts share one start (engine_start): only the seed differs
        models = tasks_run(_restart_fit, jobs, workers_for(workers, work, PARALLEL_WORK)
                           if anchor else 1, threads=True)
    finally:
        engine_start_forget()
    return topics_best(models, bow)[0]


def topics_best(models: list, bow: list) -> tuple[object, list[float]]:
    """The model that explains ``bow`` best by :func:`topics_score` (the first such, on a
    tie), and every model's score in the order given: for a notebook that shows the
    restarts of :func:`topics_fit_best` without fitting them twice. Score each model once:
    gensim's bound draws from the model's random state."""
    scores = [topics_score(model, bow) for model in models]
    return models[int(np.argmax(scores))], scores


def textstat_word_probabilities(model: LdaModel, n: int = 10) -> pd.DataFrame:
    """Top ``n`` words of each topic: ``topic, rank, word, probability`` (topics from 1)."""
    rows = []
    for k in range(model.num_topics):
        for rank, (word_id, prob) in enumerate(model.get_topic_terms(k, topn=n), start=1):
            rows.append((k + 1, rank, model.id2word[word_id], float(prob)))
    return pd.DataFrame(rows, columns=["topic", "rank", "word", "probability"])


def topics_label(top_words: pd.DataFrame, n: int = 3, names: dict | None = None
                 ) -> dict[int, str]:
    """Short labels such as ``"T1 care, home, nurse"`` from a :func:`textstat_word_probabilities`
    table; a topic the analyst has named in ``names`` (``{1: "Home care"}``, as the
    ``topic_labels`` parameter gives it) is labelled ``"T1 Home care"`` instead."""
    first = top_words[top_words["rank"] <= n].sort_values(["topic", "rank"])
    labels = {k: f"T{k} " + ", ".join(g["word"]) for k, g in first.groupby("topic")}
    return labels | {int(k): f"T{int(k)} {v}" for k, v in (names or {}).items()}


def textstat_doc_topics(model: LdaModel, bow: list, ids: list[str],
                        posterior: np.ndarray | None = None) -> pd.DataFrame:
    """Document-topic proportions as a wide table: ``id`` then one column per topic (1..K).

    Inferred once with ``minimum_probability=0`` so every row sums to one; reuse the table
    rather than inferring again (gensim's inference draws from the model's random state).
    The anchor engine's proportions are its posterior normalised: pass ``posterior`` (of
    :func:`digiwelfare.effects.topics_posterior`) when it is at hand, not to infer it twice.
    """
    if hasattr(model, "doc_counts"):  # the anchor engine: Gibbs counts with phi fixed
        from digiwelfare.effects import topics_posterior

        theta = np.array(topics_posterior(model, bow) if posterior is None else posterior,
                         dtype=float)
        theta /= theta.sum(axis=1, keepdims=True)
    else:
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

def bow_count(bow: list, n_words: int) -> np.ndarray:
    """How often each of ``n_words`` word ids occurs in ``bow`` (gensim's ``(id, count)``
    lists): the corpus term frequencies that relevance and LDAvis weigh words by.

    >>> bow_count([[(0, 2), (2, 1)], [(2, 3)]], 4).tolist()
    [2.0, 0.0, 4.0, 0.0]
    """
    counts = np.zeros(n_words)
    for doc in bow:
        for word_id, c in doc:
            counts[word_id] += c
    return counts


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
    counts = bow_count(bow, phi.shape[1])
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


def representatives_select(doc_topics: pd.DataFrame, meta: pd.DataFrame, n: int = 3
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


# --- validity on planted truth ------------------------------------------------------------

def topics_simulate(n_docs: int = 600, n_topics: int = 5, n_words: int = 400,
                    doc_length: int = 80, alpha: float = 0.2, beta: float = 0.05,
                    seed: int = 1) -> tuple[list[list[str]], np.ndarray, np.ndarray]:
    """Documents drawn from LDA's generative process with known topics.

    Returns ``(docs, phi, theta)``: token lists (words ``w000``, ``w001``...), the true
    topic-word matrix (K x V) and the true document-topic matrix (D x K).
    """
    from digiwelfare.synth import tokens_draw

    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(n_words, beta), size=n_topics)
    theta = rng.dirichlet(np.full(n_topics, alpha), size=n_docs)
    vocab = np.array([f"w{i:03d}" for i in range(n_words)])
    docs = tokens_draw(rng, theta, phi, [doc_length] * n_docs)
    return [list(vocab[words]) for words in docs], phi, theta


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

def model_write(model, folder: Path) -> Path:
    """Save a model into ``folder`` whole or not at all (written beside, then moved in), file
    by file only where the bytes changed, so that a refit giving the same model leaves the
    files' times alone and make reruns nothing that reads them."""
    import shutil
    import tempfile

    from digiwelfare.files import file_write_changed

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=f".{folder.name}.") as scratch:
        model.save(str(Path(scratch) / "model"))
        made = {p.name for p in Path(scratch).iterdir()}
        for old in folder.iterdir():  # files of an earlier model the new one has not
            if old.name.startswith("model") and old.name not in made:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        for name in sorted(made):
            file_write_changed(folder / name, (Path(scratch) / name).read_bytes())
    return folder / "model"


def model_read(folder: Path):
    """Load a model :func:`model_write` saved (gensim's or the anchor engine's)."""
    from digiwelfare.config import product_check

    path = product_check(Path(folder) / "model", "model")
    with open(path, "rb") as f:
        if f.read(2) == b"PK":  # a zip archive: the anchor engine's numpy file
            from digiwelfare.engine import EngineModel

            return EngineModel.load(str(path))
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
