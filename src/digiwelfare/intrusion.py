"""Intrusion tasks for a fitted topic model, and their scores.

Word intrusion and topic intrusion follow Chang, Boyd-Graber, Gerrish, Wang & Blei (2009,
"Reading tea leaves: how humans interpret topic models", NIPS): a coder who can spot the
word that does not belong among a topic's top words, or the topic that does not belong to a
document, shows that the topic means something to a reader. Word-set intrusion follows Ying,
Montgomery & Stewart (2021, "Topics, concepts, and measurement", *Political Analysis*):
whole sets of top words instead of single words, so one odd word cannot decide.

Every task maker returns two tables with the same ``task`` numbers: what a coder sees
(``task, prompt, option_1 .. option_m``) and the answer key (``task, kind, language,
answer`` with the right option's number, and what scoring needs). Coders never see the key
(:mod:`digiwelfare.coding` writes the two apart). Tasks are drawn with a seeded generator,
so the same model, parameters and seed give the same tasks.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

#: Kinds of intrusion task, and the question each asks a coder.
KINDS = {
    "word": "Which word does not belong with the others?",
    "wordset": "Which set of words does not belong with the others?",
    "topic": "Which group of words does not describe this document?",
}


def _ranks(phi: np.ndarray) -> np.ndarray:
    """Word ids of each topic, most probable first (ties by word id, stably)."""
    return np.argsort(-phi, axis=1, kind="stable")


def _shuffled(rng, correct: str, others: list[str]) -> tuple[list[str], int]:
    options = [correct, *others]
    order = rng.permutation(len(options))
    shown = [options[i] for i in order]
    return shown, int(np.flatnonzero(order == 0)[0]) + 1


def _frame(rows: list[tuple], n_options: int) -> pd.DataFrame:
    columns = ["task", "prompt", *[f"option_{i}" for i in range(1, n_options + 1)]]
    return pd.DataFrame(rows, columns=columns)


def tasks_word_intrusion(phi: np.ndarray, vocabulary: list[str], language: str,
                         n_words: int = 5, n_top: int = 5, per_topic: int = 1,
                         low_quantile: float = 0.5, seed: int = 1
                         ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Word intrusion tasks (Chang et al. 2009): ``n_words`` of a topic's ``n_top`` most
    probable words and one intruder, shuffled.

    The intruder is a word among the ``n_top`` most probable of another topic whose
    probability in this topic is at most the ``low_quantile`` quantile of the topic's word
    probabilities: likely in general, unlikely here, so that it cannot be told apart by
    being rare. ``phi`` is the K x V topic-word matrix (rows summing to one). Returns
    ``(tasks, key)``; the key has ``task, kind, language, topic, intruder, answer``.
    """
    if not 1 <= n_words <= n_top <= phi.shape[1]:
        raise ValueError(f"word intrusion: need 1 <= n_words ({n_words}) <= n_top ({n_top}) "
                         f"<= vocabulary size ({phi.shape[1]})")
    rng = np.random.default_rng(seed)
    ranks = _ranks(phi)
    tasks, key = [], []
    for k in range(phi.shape[0]):
        top = ranks[k, :n_top]
        low = phi[k] <= np.quantile(phi[k], low_quantile)
        others = np.unique(np.concatenate([ranks[j, :n_top] for j in range(phi.shape[0])
                                           if j != k] or [np.array([], int)]))
        pool = [w for w in others if low[w] and w not in top]
        if not pool:
            raise ValueError(f"word intrusion: topic {k + 1} has no intruder candidate (no top "
                             f"word of another topic is rare in it); raise n_top or low_quantile")
        for _ in range(per_topic):
            words = [vocabulary[w] for w in rng.choice(top, size=n_words, replace=False)]
            intruder = vocabulary[int(rng.choice(pool))]
            shown, answer = _shuffled(rng, intruder, words)
            tasks.append(("", *shown))
            key.append(("word", language, k + 1, intruder, answer))
    return _numbered(tasks, key, n_words + 1, ["topic", "intruder", "answer"])


def tasks_wordset_intrusion(phi: np.ndarray, vocabulary: list[str], language: str,
                            set_size: int = 4, n_sets: int = 3, n_top: int = 20,
                            per_topic: int = 1, seed: int = 1
                            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Word-set intrusion tasks (Ying, Montgomery & Stewart 2021): ``n_sets`` disjoint sets
    of ``set_size`` words from one topic's ``n_top`` most probable words, and one set from
    another topic's ``n_top`` (none of them among this topic's ``n_top``), shuffled.

    Returns ``(tasks, key)``; the key has ``task, kind, language, topic, intruder_topic,
    intruder, answer``.
    """
    if set_size * n_sets > n_top or n_top > phi.shape[1]:
        raise ValueError(f"word-set intrusion: {n_sets} sets of {set_size} words need n_top "
                         f">= {set_size * n_sets} (it is {n_top}) and a vocabulary that large")
    rng = np.random.default_rng(seed)
    ranks = _ranks(phi)
    tasks, key = [], []
    for k in range(phi.shape[0]):
        own = ranks[k, :n_top]
        for _ in range(per_topic):
            picked = rng.choice(own, size=set_size * n_sets, replace=False)
            sets = [", ".join(vocabulary[w] for w in picked[i * set_size:(i + 1) * set_size])
                    for i in range(n_sets)]
            other = int(rng.choice([j for j in range(phi.shape[0]) if j != k]))
            pool = [w for w in ranks[other, :n_top] if w not in own]
            if len(pool) < set_size:
                # that topic shares too many top words with this one: draw among those that
                # can give a set of their own, and leave the topic out if none can
                fit = [j for j in range(phi.shape[0]) if j != k and sum(
                    w not in own for w in ranks[j, :n_top]) >= set_size]
                if not fit:
                    warnings.warn(f"word-set intrusion: topic {k + 1} shares too many of its "
                                  f"{n_top} top words with every other topic for a set of "
                                  f"{set_size}; it gets no task (lower set_size or n_top)",
                                  stacklevel=2)
                    continue
                other = int(rng.choice(fit))
                pool = [w for w in ranks[other, :n_top] if w not in own]
            intruder = ", ".join(vocabulary[w] for w in rng.choice(pool, size=set_size,
                                                                   replace=False))
            shown, answer = _shuffled(rng, intruder, sets)
            tasks.append(("", *shown))
            key.append(("wordset", language, k + 1, other + 1, intruder, answer))
    return _numbered(tasks, key, n_sets + 1, ["topic", "intruder_topic", "intruder", "answer"])


def tasks_topic_intrusion(theta: pd.DataFrame, phi: np.ndarray, vocabulary: list[str],
                          texts: pd.DataFrame, language: str, n_docs: int = 20,
                          n_topics: int = 3, n_words: int = 8, excerpt_words: int = 120,
                          seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Topic intrusion tasks (Chang et al. 2009): a document's excerpt with its ``n_topics``
    most probable topics and one improbable topic (drawn from the lower half of its topics
    by proportion), each shown as its ``n_words`` most probable words, shuffled.

    ``theta``: the wide document-topic table (``id`` then one column per topic, 1..K);
    ``texts``: ``id, title, text`` of the documents (the text in this language). ``n_docs``
    documents are drawn at random. The key has ``task, kind, language, id, intruder_topic,
    answer, topics`` (the shown topics in order, ``;``-separated) and ``proportions`` (their
    proportions in the document, the same order), which :func:`textstat_topic_log_odds` reads.
    """
    K = phi.shape[0]
    if not 1 <= n_topics < K:
        raise ValueError(f"topic intrusion: n_topics ({n_topics}) must be from 1 to K - 1 "
                         f"({K - 1}) so that an intruder is left")
    rng = np.random.default_rng(seed)
    ranks = _ranks(phi)
    words = {k + 1: ", ".join(vocabulary[w] for w in ranks[k, :n_words]) for k in range(K)}
    theta = theta.rename(columns={c: int(c) for c in theta.columns if c != "id"})
    joined = theta.merge(texts[["id", "title", "text"]], on="id", how="inner",
                         validate="one_to_one").sort_values("id", kind="stable")
    chosen = joined.iloc[np.sort(rng.choice(len(joined), size=min(n_docs, len(joined)),
                                            replace=False))]
    matrix = chosen[list(range(1, K + 1))].to_numpy(float)
    tasks, key = [], []
    for i, (doc_id, title, text) in enumerate(chosen[["id", "title", "text"]].itertuples(
            index=False)):
        props = matrix[i]
        order = np.argsort(-props, kind="stable") + 1
        top = list(order[:n_topics])
        rest = order[n_topics:]
        low = rest[len(rest) // 2:] if len(rest) > 1 else rest
        intruder = int(rng.choice(low))
        shown_topics = [intruder, *top]
        perm = rng.permutation(len(shown_topics))
        shown_topics = [int(shown_topics[i]) for i in perm]
        answer = int(np.flatnonzero(perm == 0)[0]) + 1
        excerpt = " ".join(str(text).split()[:excerpt_words])
        prompt = f"{title}\n\n{excerpt} …"
        tasks.append((prompt, *[words[k] for k in shown_topics]))
        key.append(("topic", language, doc_id, intruder, answer,
                    ";".join(map(str, shown_topics)),
                    ";".join(f"{props[k - 1]:.6g}" for k in shown_topics)))
    return _numbered(tasks, key, n_topics + 1,
                     ["id", "intruder_topic", "answer", "topics", "proportions"])


def _numbered(tasks, key, n_options, key_columns) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Number tasks 1..n in a seeded order already drawn, and build both tables."""
    rows = [(i, *t) for i, t in enumerate(tasks, start=1)]
    keys = pd.DataFrame([(i, *k) for i, k in enumerate(key, start=1)],
                        columns=["task", "kind", "language", *key_columns])
    return _frame(rows, n_options), keys


# --- scores -------------------------------------------------------------------------------

def answers_scored(answers: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Answers joined to their key: ``task_set, task, coder, answer`` and the key's columns
    (its ``answer`` renamed ``correct``), with ``right`` (the coder chose the key's option).
    Answers to tasks the key does not hold raise ValueError naming them."""
    joined = answers.merge(key.rename(columns={"answer": "correct"}), on=["task_set", "task"],
                           how="left", indicator=True)
    stray = joined[joined["_merge"] == "left_only"]
    if not stray.empty:
        first = stray.iloc[0]
        raise ValueError(f"{len(stray)} answer(s) name tasks the answer key does not hold, "
                         f"e.g. task {first['task']} of task set '{first['task_set']}' "
                         f"(coder {first['coder']}); were the tasks written from another model?")
    joined = joined.drop(columns="_merge")
    joined["right"] = joined["answer"].astype(int) == joined["correct"].astype(int)
    return joined


def textstat_model_precision(scored: pd.DataFrame, by: str = "topic", alpha: float = 0.05
                             ) -> pd.DataFrame:
    """Model precision (Chang et al. 2009): the share of answers that found the intruder,
    per ``by`` (a topic), with a Wilson interval (Wilson 1927; ``statsmodels``).

    Columns: ``task_set, kind, language, <by>, answers, coders, right, precision, ci_low,
    ci_high``. Answers of several coders to one task are counted as separate trials, so the
    interval is somewhat narrow when coders agree more than chance.
    """
    from digiwelfare.coding import wilson_interval

    rows = []
    for (task_set, kind, language, group), g in scored.groupby(
            ["task_set", "kind", "language", by], sort=True):
        n, right = len(g), int(g["right"].sum())
        low, high = wilson_interval(right, n, alpha)
        rows.append((task_set, kind, language, group, n, g["coder"].nunique(), right, right / n,
                     low, high))
    return pd.DataFrame(rows, columns=["task_set", "kind", "language", by, "answers", "coders",
                                       "right", "precision", "ci_low", "ci_high"])


def textstat_topic_log_odds(scored: pd.DataFrame) -> pd.DataFrame:
    """Topic log odds of each document (Chang et al. 2009, eq. 2): the mean over coders of
    ``log theta[d, intruder] - log theta[d, chosen]``; 0 when every coder found the
    intruder, more negative the more probable the topics coders took for it.

    Reads the ``topics`` and ``proportions`` columns of a topic intrusion key. Columns:
    ``task_set, language, task, id, coders, right, log_odds``.
    """
    rows = []
    for (task_set, language, task, doc), g in scored.groupby(
            ["task_set", "language", "task", "id"], sort=True):
        values = []
        for r in g.itertuples(index=False):
            props = [float(p) for p in str(r.proportions).split(";")]
            values.append(np.log(props[int(r.correct) - 1]) - np.log(props[int(r.answer) - 1]))
        rows.append((task_set, language, task, doc, len(g), int(g["right"].sum()),
                     float(np.mean(values))))
    return pd.DataFrame(rows, columns=["task_set", "language", "task", "id", "coders", "right",
                                       "log_odds"])


# --- simulated coders ---------------------------------------------------------------------

def answers_simulate(key: pd.DataFrame, task_set: str, accuracy: list[float],
                     n_options: int, seed: int = 1) -> pd.DataFrame:
    """Answers of simulated coders, for a demonstration with nothing real to score: coder
    ``i`` picks the key's option with probability ``accuracy[i]``, else one of the other
    options at random. Their model precision is therefore ``accuracy[i]`` in expectation.

    Columns: ``task_set, task, coder, answer``; coders are named ``simulated 1``, ...
    """
    rng = np.random.default_rng(seed)
    rows = []
    for c, acc in enumerate(accuracy, start=1):
        for task, correct in zip(key["task"], key["answer"], strict=True):
            if rng.random() < acc:
                choice = int(correct)
            else:
                choice = int(rng.choice([o for o in range(1, n_options + 1) if o != correct]))
            rows.append((task_set, int(task), f"simulated {c}", choice))
    return pd.DataFrame(rows, columns=["task_set", "task", "coder", "answer"])
