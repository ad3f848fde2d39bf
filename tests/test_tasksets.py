"""The round trip: task sets written for coders, answer files gathered back, simulated coders
only where nobody answered, and keys found by the task set's name."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from digiwelfare.coding import answers_write
from digiwelfare.config import ROOT
from digiwelfare.intrusion import tasks_word_intrusion, tasks_wordset_intrusion
from digiwelfare.tasksets import TaskSet, answers_gather, kind_scored, tasksets_write


def sets():
    rng = np.random.default_rng(0)
    phi = rng.dirichlet(np.full(50, 0.1), size=4)
    vocab = [f"w{i}" for i in range(50)]
    return [TaskSet("word", "en", *tasks_word_intrusion(phi, vocab, "en", seed=1)),
            TaskSet("wordset", "en", *tasks_wordset_intrusion(phi, vocab, "en", seed=1)),
            TaskSet("word", "nb", *tasks_word_intrusion(phi, vocab, "nb", seed=2))]


SIM = dict(accuracy=[0.9, 0.5], precision=0.8, miss_rate=0.1, noise=[0.1], seed=3)


def test_with_no_answers_every_set_gets_simulated_coders_in_their_own_folder(tmp_path):
    answers, keys = answers_gather(sets(), tmp_path / "none", tmp_path / "key",
                                   tmp_path / "sim", **SIM)
    assert (answers["source"] == "simulated").all()
    assert answers.groupby("task_set")["coder"].nunique().eq(2).all()
    assert sorted(p.stem for p in (tmp_path / "sim").glob("*.csv")) == sorted(
        ts.name for ts in sets())
    scored = kind_scored(answers, keys, "word")
    assert scored["topic"].dtype.kind == "i" and len(scored) == 2 * (4 + 4)


def test_real_answers_replace_simulated_ones_and_are_scored_with_their_key(tmp_path):
    made = sets()
    tasksets_write(made, tmp_path / "coding")
    word_en = made[0]
    folder = tmp_path / "coding" / "answers"
    key = pd.read_csv(tmp_path / "coding" / "key" / f"{word_en.name}.csv")
    answers_write(pd.DataFrame({"task_set": word_en.name, "task": key["task"],
                                "coder": "Kari", "answer": key["answer"]}), folder / "k.csv")
    answers, keys = answers_gather(made, folder, tmp_path / "coding" / "key", tmp_path / "sim",
                                   **SIM)
    real = answers[answers["source"] == "coders"]
    assert set(real["task_set"]) == {word_en.name}
    assert word_en.name not in set(answers.loc[answers.source == "simulated", "task_set"])
    assert kind_scored(real, keys, "word")["right"].all()
    # without the simulation nothing else is scored
    answers, _ = answers_gather(made, folder, tmp_path / "coding" / "key", None, **SIM)
    assert set(answers["task_set"]) == {word_en.name}


def test_answers_to_a_task_set_without_a_key_say_where_keys_come_from(tmp_path):
    answers_write(pd.DataFrame({"task_set": "word_en_deadbeef", "task": [1], "coder": "a",
                                "answer": [1]}), tmp_path / "answers" / "a.csv")
    with pytest.raises(FileNotFoundError, match="word_en_deadbeef.*make tasks"):
        answers_gather(sets(), tmp_path / "answers", tmp_path / "key", None, **SIM)


def test_written_tasks_and_keys_lie_apart(tmp_path):
    files = tasksets_write(sets(), tmp_path)
    assert len(files) == 6 and all(p.parent == tmp_path / "tasks" for p in files)
    assert len(list((tmp_path / "key").glob("*.csv"))) == 3


def test_make_tasks_without_a_model_says_which_notebook_makes_it(tmp_path):
    done = subprocess.run([sys.executable, "-m", "digiwelfare", "tasks", "--out", str(tmp_path),
                           "--into", str(tmp_path / "coding")], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "04_fit_topics" in done.stderr
