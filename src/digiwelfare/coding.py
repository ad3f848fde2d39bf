"""Coding by people: task sets written for coders with their answer keys kept apart, coders'
answer files read back, agreement between coders, and coding sheets that measure how well
the dictionaries find what they claim to.

A *task set* is one table of tasks (``task, prompt, option_1 .. option_m``) and its answer
key. Its name, ``<kind>_<language>_<fingerprint>``, carries the first eight hex digits of a
SHA-256 over what the coder sees, so an answer file always says which tasks (and which key)
it answers, and tasks written from a refitted model never get scored with an old key.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pandas as pd

from digiwelfare.files import file_write_atomic, table_write

#: Columns an answer file must have (``coder`` may be left out: the file's name is used).
ANSWER_COLUMNS = ("task_set", "task", "answer")


def taskset_name(tasks: pd.DataFrame, kind: str, language: str) -> str:
    """``<kind>_<language>_<fingerprint>``: the fingerprint is over the tasks' CSV bytes."""
    text = tasks.to_csv(index=False, lineterminator="\n")
    return f"{kind}_{language}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"


def taskset_write(tasks: pd.DataFrame, key: pd.DataFrame, kind: str, language: str,
                  tasks_dir: Path, key_dir: Path, question: str, title: str) -> str:
    """Write a task set for coders and its key apart from it; return the task set's name.

    ``tasks_dir/<name>.html`` is the offline form (:func:`digiwelfare.forms.form_html`),
    ``tasks_dir/<name>.csv`` the same tasks as a sheet with empty ``coder`` and ``answer``
    columns for spreadsheet coding, ``key_dir/<name>.csv`` the key. Neither file in
    ``tasks_dir`` holds anything of the key.
    """
    from digiwelfare.forms import form_html

    name = taskset_name(tasks, kind, language)
    sheet = tasks.copy()
    sheet.insert(0, "task_set", name)
    sheet["coder"], sheet["answer"] = "", ""
    table_write(sheet, Path(tasks_dir) / f"{name}.csv")
    html = form_html(sheet.drop(columns=["coder", "answer"]), name, question, title)
    file_write_atomic(Path(tasks_dir) / f"{name}.html", html.encode("utf-8"))
    table_write(key.assign(task_set=name)[["task_set", *key.columns]],
                Path(key_dir) / f"{name}.csv")
    return name


def answers_read(folder: Path) -> pd.DataFrame:
    """Every coder's answers in ``folder`` (``*.csv``, as the HTML form downloads them or as
    a filled-in sheet): ``task_set, task, coder, answer, file``.

    A row with an empty answer is a task left out and is dropped. ``coder`` comes from the
    file's column, or, where that is empty, from the file's name. A file without the needed
    columns, or an answer that is not an option number, raises ValueError naming the file
    and the row. The same coder answering the same task twice keeps the last answer read.
    """
    frames = []
    for path in sorted(Path(folder).glob("*.csv")):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = [c for c in ANSWER_COLUMNS if c not in table.columns]
        if missing:
            raise ValueError(f"{path}: no column(s) {', '.join(missing)}; an answer file needs "
                             "task_set, task, answer (and coder), as the form saves them")
        if "coder" not in table.columns:
            table["coder"] = ""
        table["coder"] = table["coder"].str.strip().replace("", path.stem)
        table = table[table["answer"].str.strip() != ""]
        bad = ~table["answer"].str.strip().str.fullmatch(r"\d+") | ~table["task"].str.strip(
        ).str.fullmatch(r"\d+")
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise ValueError(f"{path}, row {table.index[row] + 2}: task "
                             f"{table['task'].iloc[row]!r}, answer {table['answer'].iloc[row]!r}"
                             ": expected whole numbers (the answer is the option's number)")
        frames.append(table.assign(file=path.name)[["task_set", "task", "coder", "answer",
                                                     "file"]])
    if not frames:
        return pd.DataFrame(columns=["task_set", "task", "coder", "answer", "file"])
    answers = pd.concat(frames, ignore_index=True).astype({"task": int, "answer": int})
    return answers.drop_duplicates(["task_set", "task", "coder"], keep="last").sort_values(
        ["task_set", "coder", "task"], kind="stable").reset_index(drop=True)


def keys_read(folder: Path, task_sets) -> pd.DataFrame:
    """The answer keys of ``task_sets`` from ``folder``; a missing key names the task set
    and says where keys come from."""
    frames = []
    for name in sorted(set(task_sets)):
        path = Path(folder) / f"{name}.csv"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no answer key for task set '{name}'; keys are "
                                    "written beside the tasks by `make tasks` (coding/key/)")
        frames.append(pd.read_csv(path, keep_default_na=False))
    return pd.concat(frames, ignore_index=True)


def coders_anonymise(table: pd.DataFrame) -> pd.DataFrame:
    """Replace coders' names by ``coder 1``, ``coder 2`` ... (in name order) so that no name
    reaches a published table; simulated coders keep their ``simulated`` names."""
    names = sorted(c for c in table["coder"].unique() if not str(c).startswith("simulated"))
    return table.assign(coder=table["coder"].replace(
        {n: f"coder {i}" for i, n in enumerate(names, start=1)}))


# --- agreement ----------------------------------------------------------------------------

def reliability_matrix(answers: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Coders x tasks matrix of answers (``nan`` where a coder left a task), and the coders."""
    wide = answers.pivot_table(index="coder", columns="task", values="answer", aggfunc="last")
    return wide.to_numpy(float), list(wide.index)


def textstat_agreement(answers: pd.DataFrame, n_boot: int = 1000, seed: int = 1
                       ) -> pd.DataFrame:
    """Agreement between coders on each task set: Krippendorff's alpha for nominal data
    (Krippendorff 2004, *Content analysis*, ch. 11; the ``krippendorff`` package), with a
    95 % interval from a bootstrap over tasks (Hayes & Krippendorff 2007 resample the
    coding units too), and the plain share of coder pairs that agree.

    Columns: ``task_set, coders, tasks, pairable_tasks, percent_agreement, alpha, ci_low,
    ci_high``. Alpha needs two coders; with one, it is empty.
    """
    import krippendorff

    rng = np.random.default_rng(seed)
    rows = []
    for task_set, g in answers.groupby("task_set", sort=True):
        data, coders = reliability_matrix(g)
        pairable = (~np.isnan(data)).sum(axis=0) >= 2
        alpha = low = high = agree = np.nan
        if len(coders) >= 2 and pairable.sum() >= 2:
            data = data[:, pairable]
            alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
            agree = _pair_agreement(data)
            boot = []
            for _ in range(n_boot):
                sample = data[:, rng.integers(0, data.shape[1], size=data.shape[1])]
                if len(np.unique(sample[~np.isnan(sample)])) > 1:
                    boot.append(krippendorff.alpha(reliability_data=sample,
                                                   level_of_measurement="nominal"))
            if boot:
                low, high = np.percentile(boot, [2.5, 97.5])
        rows.append((task_set, len(coders), g["task"].nunique(), int(pairable.sum()), agree,
                     alpha, low, high))
    return pd.DataFrame(rows, columns=["task_set", "coders", "tasks", "pairable_tasks",
                                       "percent_agreement", "alpha", "ci_low", "ci_high"])


def _pair_agreement(data: np.ndarray) -> float:
    """Share of pairs of coders, over all tasks, who gave the same answer."""
    same = pairs = 0
    for column in data.T:
        values = column[~np.isnan(column)]
        n = len(values)
        pairs += n * (n - 1) / 2
        same += sum(c * (c - 1) / 2 for c in np.unique(values, return_counts=True)[1])
    return same / pairs if pairs else np.nan


# --- dictionary coding sheets -------------------------------------------------------------

def sentences_sample(parts: pd.DataFrame, dictionary: dict, descriptions: dict[str, str],
                     language: str, n_matched: int = 10, n_unmatched: int = 10,
                     seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A coding sheet for a dictionary: for every category, ``n_matched`` sentences the
    dictionary matches for it and ``n_unmatched`` it does not, drawn at random (seeded) and
    shuffled together, each asking "does this sentence speak of <category>?" (yes = 1,
    no = 2).

    A stratified sample: recall needs the unmatched sentences, which a sample of matches
    alone cannot give. The key records each task's stratum and its size (``stratum_size``),
    which :func:`textstat_dictionary_validity` weights by. Returns ``(tasks, key)``; the key
    has ``task, kind, language, category, id, sentence, matched, stratum_size, answer``.
    """
    from digiwelfare.dictionaries import Matcher, lemmas_all, text_sentences

    matcher = Matcher(dictionary, language)
    rows = []
    for doc in parts.sort_values("id").itertuples(index=False):
        for i, sentence in enumerate(text_sentences(doc.text)):
            found = {c for _, _, c, _ in matcher.match(lemmas_all(sentence, language))}
            rows.append((doc.id, i, sentence, found))
    sentences = pd.DataFrame(rows, columns=["id", "sentence", "text", "found"])
    rng = np.random.default_rng(seed)
    picked = []
    for category in sorted(dictionary):
        hit = sentences["found"].apply(lambda f, c=category: c in f).to_numpy()
        for matched, n in ((True, n_matched), (False, n_unmatched)):
            stratum = np.flatnonzero(hit == matched)
            for i in np.sort(rng.choice(stratum, size=min(n, len(stratum)), replace=False)):
                picked.append((category, int(i), matched, len(stratum)))
    order = rng.permutation(len(picked))
    tasks, key = [], []
    for task, j in enumerate(order, start=1):
        category, i, matched, size = picked[j]
        s = sentences.iloc[i]
        about = descriptions.get(category, "").strip()
        prompt = (f"Category: {category.replace('_', ' ')}" + (f" ({about})" if about else "")
                  + f"\n\n{s['text']}")
        tasks.append((task, prompt, "yes", "no"))
        key.append((task, "dictionary", language, category, s["id"], int(s["sentence"]),
                    matched, size, 1 if matched else 2))
    return (pd.DataFrame(tasks, columns=["task", "prompt", "option_1", "option_2"]),
            pd.DataFrame(key, columns=["task", "kind", "language", "category", "id", "sentence",
                                       "matched", "stratum_size", "answer"]))


def descriptions_read(path: Path) -> dict[str, str]:
    """Each category's ``description`` from a dictionary YAML file (empty where none)."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {name: str((spec or {}).get("description", "") or "")
            for name, spec in (data.get("categories") or {}).items()}


def wilson_interval(k: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """The Wilson (1927) score interval of ``k`` successes in ``n`` trials
    (``statsmodels.stats.proportion.proportion_confint``, ``method="wilson"``), its bounds
    held to contain ``k / n``: the score interval always does, but statsmodels' arithmetic
    puts the upper bound at k = n a rounding error below 1 (0.9999999999999999 for n = 7)
    and the lower at k = 0 a hair above 0, and a plot of such an interval fails.

    >>> wilson_interval(7, 7)[1], wilson_interval(0, 7)[0]
    (1.0, 0.0)
    """
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(k, n, alpha=alpha, method="wilson")
    return min(float(low), k / n), max(float(high), k / n)


def _monotone(f, p_m: tuple, p_u: tuple, n_m: int, n_u: int) -> tuple[float, float, float]:
    """``f`` at the estimates and at the corners that bound it: ``f`` rises with the share
    of matched sentences that are right and falls with the share of unmatched ones."""
    return f(p_m[0], p_u[0], n_m, n_u), f(p_m[1], p_u[2], n_m, n_u), f(p_m[2], p_u[1], n_m, n_u)


def _recall(pm, pu, nm, nu):
    tp, fn = nm * pm, nu * pu
    return tp / (tp + fn) if tp + fn > 0 else np.nan


def _f1(pm, pu, nm, nu):
    tp = nm * pm
    denominator = nm * (1 + pm) + nu * pu  # 2 TP + FP + FN
    return 2 * tp / denominator if denominator > 0 else np.nan


def textstat_dictionary_validity(scored: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """Precision, recall and F1 of each dictionary category against coders' judgements.

    Each sentence takes its coders' majority answer (a tie leaves it out, counted in
    ``ties``). Precision is the share of matched sentences judged to speak of the category,
    with a Wilson interval (Wilson 1927). Recall and F1 weight the two strata by their sizes
    in the corpus: true positives ``N_m p_m``, false negatives ``N_u p_u``; their intervals
    take each share's Wilson interval at level ``1 - alpha / 2`` (Bonferroni) and evaluate
    recall and F1 at the corners, since both rise with ``p_m`` and fall with ``p_u``: a
    conservative ``1 - alpha`` interval.

    Columns: ``task_set, language, category, matched_coded, matched_yes, unmatched_coded,
    unmatched_yes, sentences_matched, sentences_unmatched, ties, precision, precision_low,
    precision_high, recall, recall_low, recall_high, f1, f1_low, f1_high``.
    """
    votes = (scored.assign(yes=scored["answer"].astype(int) == 1)
             .groupby(["task_set", "language", "category", "task", "matched", "stratum_size"])
             ["yes"].agg(["sum", "count"]).reset_index())
    votes["label"] = np.where(2 * votes["sum"] > votes["count"], 1.0,
                              np.where(2 * votes["sum"] < votes["count"], 0.0, np.nan))
    rows = []
    for (task_set, language, category), g in votes.groupby(["task_set", "language", "category"],
                                                            sort=True):
        g = g.assign(matched=g["matched"].astype(str).str.lower() == "true")
        coded = g.dropna(subset=["label"])
        m, u = coded[coded["matched"]], coded[~coded["matched"]]
        n_m = int(g.loc[g["matched"], "stratum_size"].max()) if g["matched"].any() else 0
        n_u = int(g.loc[~g["matched"], "stratum_size"].max()) if (~g["matched"]).any() else 0
        shares = []
        for part in (m, u):
            k, n = int(part["label"].sum()), len(part)
            if n == 0:
                shares.append(((np.nan,) * 3, (np.nan,) * 3))
                continue
            wide = wilson_interval(k, n, alpha)
            narrow = wilson_interval(k, n, alpha / 2)
            shares.append(((k / n, *wide), (k / n, *narrow)))
        (precision, p_m_bonf), (_, p_u_bonf) = shares
        recall = _monotone(_recall, p_m_bonf, p_u_bonf, n_m, n_u)
        f1 = _monotone(_f1, p_m_bonf, p_u_bonf, n_m, n_u)
        rows.append((task_set, language, category, len(m), int(m["label"].sum()), len(u),
                     int(u["label"].sum()), n_m, n_u, int(g["label"].isna().sum()),
                     *precision, *recall, *f1))
    return pd.DataFrame(rows, columns=[
        "task_set", "language", "category", "matched_coded", "matched_yes", "unmatched_coded",
        "unmatched_yes", "sentences_matched", "sentences_unmatched", "ties", "precision",
        "precision_low", "precision_high", "recall", "recall_low", "recall_high", "f1",
        "f1_low", "f1_high"])


def answers_simulate_dictionary(key: pd.DataFrame, task_set: str, precision: float,
                                miss_rate: float, noise: list[float], seed: int = 1
                                ) -> pd.DataFrame:
    """Simulated coders of a dictionary sheet, for a demonstration with nothing real to
    score. Each sentence's true label is drawn once: a matched sentence speaks of its
    category with probability ``precision``, an unmatched one with probability
    ``miss_rate``; coder ``i`` reports it, flipped with probability ``noise[i]``.

    Columns: ``task_set, task, coder, answer`` (1 = yes, 2 = no).
    """
    rng = np.random.default_rng(seed)
    matched = key["matched"].astype(str).str.lower().eq("true").to_numpy()
    truth = rng.random(len(key)) < np.where(matched, precision, miss_rate)
    rows = []
    for c, flip in enumerate(noise, start=1):
        said = truth ^ (rng.random(len(key)) < flip)
        rows += [(task_set, int(t), f"simulated {c}", 1 if s else 2)
                 for t, s in zip(key["task"], said, strict=True)]
    return pd.DataFrame(rows, columns=["task_set", "task", "coder", "answer"])


def answers_write(answers: pd.DataFrame, path: Path) -> Path:
    """Write answers as the form saves them: ``task_set, task, coder, answer``."""
    buffer = io.StringIO()
    answers[["task_set", "task", "coder", "answer"]].to_csv(buffer, index=False,
                                                          lineterminator="\n")
    return file_write_atomic(Path(path), buffer.getvalue().encode("utf-8"))
