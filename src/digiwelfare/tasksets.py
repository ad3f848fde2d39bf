"""The validation round trip of one corpus: task sets made from the fitted models and the
dictionary, written for coders (``make tasks``), and the coders' answers gathered back, or,
where no one has coded yet, simulated coders' answers, labelled as such.

Both ``make tasks`` and notebook 11 call :func:`tasksets_make` with the same parameters
(``params/11_validate_coding.yaml``), so the tasks the notebook scores are the tasks the
coders saw; the task set's name (a fingerprint of its tasks) checks that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from digiwelfare.coding import (
    answers_read,
    answers_simulate_dictionary,
    answers_write,
    keys_read,
    sentences_sample,
    taskset_name,
    taskset_write,
)
from digiwelfare.intrusion import (
    KINDS,
    answers_simulate,
    tasks_topic_intrusion,
    tasks_word_intrusion,
    tasks_wordset_intrusion,
)
from digiwelfare.products import doc_topics_read, parts_read

QUESTIONS = KINDS | {"dictionary": "Does the sentence speak of the category named above it?"}
#: Key columns that hold whole numbers.
INTEGER_COLUMNS = ("task", "answer", "topic", "intruder_topic", "sentence", "stratum_size")
TITLES = {"word": "Word intrusion", "wordset": "Word-set intrusion", "topic": "Topic intrusion",
          "dictionary": "Dictionary coding"}


@dataclass(frozen=True)
class TaskSet:
    """One set of tasks for coders and its key."""

    kind: str
    language: str
    tasks: pd.DataFrame
    key: pd.DataFrame

    @property
    def name(self) -> str:
        return taskset_name(self.tasks, self.kind, self.language)

    @property
    def n_options(self) -> int:
        return sum(c.startswith("option_") for c in self.tasks.columns)


def model_inputs(paths, language: str):
    """The fitted model of one language as ``(phi, vocabulary, doc_topics)``."""
    from digiwelfare.topics import model_read, topics_word_matrix

    model = model_read(paths.model_dir(language))
    vocabulary = [model.id2word[i] for i in range(len(model.id2word))]
    return topics_word_matrix(model), vocabulary, doc_topics_read(paths.doc_topics_file(language))


def texts_read(paths) -> pd.DataFrame:
    """Every document part of the corpus, as notebook 02 wrote them (cleaned as it was told)
    and the models read them: ``id, language, text, title``."""
    from digiwelfare.corpus import corpus_read

    docs = corpus_read(paths.corpus, texts=False)  # the titles; the texts are the parts'
    return parts_read(paths.parts_file()).merge(docs[["id", "title"]], on="id",
                                                           how="left")


def tasksets_make(paths, texts: pd.DataFrame, language: str, lexicon: dict,
                  descriptions: dict[str, str], seed: int, words_per_task: int = 5,
                  word_tasks_per_topic: int = 2, wordset_tasks_per_topic: int = 1,
                  topic_docs: int = 20, sentences_per_stratum: int = 8) -> list[TaskSet]:
    """Word, word-set and topic intrusion tasks for the language's fitted model and a
    dictionary coding sheet, each seeded from ``seed``. A kind asked for zero times
    (``word_tasks_per_topic = 0``, ...) is left out. ``texts``: :func:`texts_read`."""
    phi, vocabulary, doc_topics = model_inputs(paths, language)
    texts = texts[texts["language"] == language]
    made = []
    if word_tasks_per_topic:
        made.append(("word", tasks_word_intrusion(
            phi, vocabulary, language, n_words=words_per_task, n_top=words_per_task + 3,
            per_topic=word_tasks_per_topic, seed=seed)))
    if wordset_tasks_per_topic:
        made.append(("wordset", tasks_wordset_intrusion(
            phi, vocabulary, language, per_topic=wordset_tasks_per_topic, seed=seed)))
    if topic_docs:
        made.append(("topic", tasks_topic_intrusion(
            doc_topics, phi, vocabulary, texts, language, n_docs=topic_docs,
            n_topics=min(3, phi.shape[0] - 1), seed=seed)))
    if sentences_per_stratum:
        made.append(("dictionary", sentences_sample(
            texts, lexicon, descriptions, language, n_matched=sentences_per_stratum,
            n_unmatched=sentences_per_stratum, seed=seed)))
    return [TaskSet(kind, language, tasks, key) for kind, (tasks, key) in made]


def tasksets_write(tasksets: list[TaskSet], folder: Path) -> list[Path]:
    """Write every task set for coders under ``folder/tasks`` and its key under
    ``folder/key``; return the coders' files."""
    written = []
    for ts in tasksets:
        name = taskset_write(ts.tasks, ts.key, ts.kind, ts.language, Path(folder) / "tasks",
                             Path(folder) / "key", QUESTIONS[ts.kind],
                             f"{TITLES[ts.kind]} ({ts.language})")
        written += [Path(folder) / "tasks" / f"{name}.html", Path(folder) / "tasks" / f"{name}.csv"]
    return written


def answers_gather(tasksets: list[TaskSet], answers_dir: Path, keys_dir: Path,
                   simulated_dir: Path | None, accuracy: list[float], precision: float,
                   miss_rate: float, noise: list[float], seed: int
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Answers and keys to score: ``(answers, keys)``, answers with a ``source`` column,
    ``coders`` or ``simulated``.

    Every answer file in ``answers_dir`` is scored against its task set's key (from
    ``keys_dir``, or the task set just made when its name matches). A task set nobody has
    answered gets simulated coders (:func:`digiwelfare.intrusion.answers_simulate`,
    :func:`digiwelfare.coding.answers_simulate_dictionary`) when ``simulated_dir`` is given;
    their files are written there, apart from real answers.
    """
    real = answers_read(answers_dir)  # a folder that does not exist holds no answers
    made = {ts.name: ts for ts in tasksets}
    frames, keys = [real.drop(columns="file").assign(source="coders")], []
    for name in sorted(real["task_set"].unique()):
        if name in made and not (Path(keys_dir) / f"{name}.csv").is_file():
            keys.append(made[name].key.assign(task_set=name))
        else:
            keys.append(keys_read(keys_dir, [name]))
    answered = {(n.split("_")[0], n.split("_")[1]) for n in real["task_set"]}
    for i, ts in enumerate(tasksets):
        if simulated_dir is None or (ts.kind, ts.language) in answered:
            continue
        if ts.kind == "dictionary":
            sim = answers_simulate_dictionary(ts.key, ts.name, precision, miss_rate, noise,
                                              seed=seed + i)
        else:
            sim = answers_simulate(ts.key, ts.name, accuracy, ts.n_options, seed=seed + i)
        answers_write(sim, Path(simulated_dir) / f"{ts.name}.csv")
        frames.append(sim.assign(source="simulated"))
        keys.append(ts.key.assign(task_set=ts.name))
    answers = pd.concat([f for f in frames if not f.empty] or [frames[0]], ignore_index=True)
    return answers, (pd.concat(keys, ignore_index=True) if keys else pd.DataFrame())


def kind_scored(answers: pd.DataFrame, keys: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The answers to tasks of one ``kind`` joined to their keys (see
    :func:`digiwelfare.intrusion.answers_scored`), with the answers' ``source``."""
    from digiwelfare.intrusion import answers_scored

    key = keys[keys["kind"] == kind].dropna(axis=1, how="all")
    whole = [c for c in INTEGER_COLUMNS if c in key.columns]
    key = key.astype(dict.fromkeys(whole, int))  # keys of other kinds made them floats
    mine = answers[answers["task_set"].isin(key["task_set"])]
    return answers_scored(mine, key)


def topic_labels_make(paths, language: str) -> dict[int, str]:
    """Short labels (``T1 care, home, nurse``) of the language's fitted topics."""
    from digiwelfare.topics import model_read, textstat_word_probabilities, topics_label

    return topics_label(textstat_word_probabilities(model_read(paths.model_dir(language)), n=3))
