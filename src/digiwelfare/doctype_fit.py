"""Fitting and checking the weights of the document-type classifier (:mod:`digiwelfare.doctypes`).

The features are the editable cues of ``lexicon/doc_type_cues.yaml``, where they stand and the
page's shape (:func:`~digiwelfare.doctypes.doc_type_features`); their weights per type come
from a multinomial logistic regression with an L2 penalty (Cox 1958; Hastie, Tibshirani &
Friedman 2009, sections 4.4 and 18.3), fitted on labelled folders of exported pages
(``tests/fixtures/exported/*``) and written to ``lexicon/doc_type_weights.csv``, a table a
researcher can read and edit. Nothing is fitted at import time.

How well that generalises is measured by leave-one-set-out cross-validation
(:func:`crossval_leave_one_set_out`; Hastie et al. 2009, section 7.10): each labelled set is
scored by weights fitted on the other sets only, with a penalty fixed beforehand
(:data:`C_DEFAULT`), so every number is on pages the fit did not see. ``python -m
digiwelfare doctype-fit`` writes both the weights and the table of held-out accuracies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from digiwelfare.clean import lines_repeated
from digiwelfare.doctypes import (
    DOC_TYPE_ORDER,
    doc_type_decide,
    doc_type_feature_names,
    doc_type_features,
)
from digiwelfare.readers import Record, readers_registry
from digiwelfare.titles import title_find

#: Inverse penalty (scikit-learn's ``C``, its default): smaller is a stronger pull to zero.
#: Fixed rather than chosen on the sets: a choice by an inner leave-one-set-out over 0.03 to 3
#: varied from fold to fold and scored no better; held out, C from 0.3 to 10 typed 187 to 189
#: of the 201 labelled pages right.
C_DEFAULT = 1.0

#: The labelled sets the shipped weights (``lexicon/doc_type_weights.csv``) were fitted on:
#: the twenty written before 2026-12-04's pre-registered comparison, which shipped this fit
#: over the six-set one because it typed more of the two blind sets written after it (haze
#: and squall, 69 of 80 pages against 66). Those two are not in the fit: they stay held out.
DOCTYPE_FIT_SETS = ("autumn", "blind", "dev", "dew", "final", "fresh", "frost", "gale", "hail",
                    "holdout", "later", "mist", "rime", "sealed", "sleet", "spring", "summer",
                    "thaw", "unseen", "winter")

#: A feature present in fewer training pages than this gets no weight of its own.
MIN_PAGES = 2


def doctype_examples(folders: Sequence[str | Path]) -> pd.DataFrame:
    """The labelled pages of ``folders`` as the importer sees them when it derives a type:
    ``set, file, doc_type, title, text`` (the text all of the page shows, its title as
    :func:`~digiwelfare.titles.title_find` gives it, with the lines repeated across the
    folder's pages known, as on import)."""
    rows = []
    for folder in map(Path, folders):
        labels_path = folder / "labels.csv"
        if not labels_path.is_file():
            raise FileNotFoundError(f"{folder}: no labels.csv; give folders of labelled pages "
                                    "such as tests/fixtures/exported/dev")
        labels = pd.read_csv(labels_path, dtype=str, keep_default_na=False)
        found: list[tuple[str, str, Record]] = []
        for label in labels.itertuples(index=False):
            path = folder / label.file
            reader = readers_registry().get(path.suffix.lower())
            if reader is None or not path.is_file():
                raise FileNotFoundError(f"{labels_path}: the file {label.file!r} is missing or "
                                        "of a kind no reader takes; fix the row")
            recs = [r for r in reader(path, path.read_bytes(), str(path))
                    if isinstance(r, Record)]
            found += [(label.file, label.doc_type, r) for r in recs[:1]]
        repeated = lines_repeated(rec.text for _, _, rec in found)
        for name, kind, rec in found:
            title = title_find(rec.text, rec.title, repeated) or Path(name).stem
            rows.append({"set": folder.name, "file": name, "doc_type": kind, "title": title,
                         "text": rec.evidence or rec.text})
    return pd.DataFrame(rows, columns=["set", "file", "doc_type", "title", "text"])


def doctype_design(examples: pd.DataFrame) -> pd.DataFrame:
    """One row per page of ``examples`` (:func:`doctype_examples`), one column per feature
    the cue file defines (:func:`~digiwelfare.doctypes.doc_type_feature_names`), 0 or 1: a
    cue no page shows is still a column, so that the fit gives it weight 0 rather than leaving
    it to count with the cue file's own weight. Cues marked ``fit: false`` are left out, so
    they keep their own weight."""
    rows = [doc_type_features(r.text, r.title) for r in examples.itertuples(index=False)]
    names = sorted(doc_type_feature_names(fitted_only=True))
    return pd.DataFrame(rows, index=examples.index, columns=names).fillna(0.0)


def doctype_weights_fit(design: pd.DataFrame, labels: Sequence[str], c: float = C_DEFAULT
                        ) -> pd.DataFrame:
    """Weights per feature and type (rows ``(intercept)`` and each feature of ``design``;
    columns ``feature`` and the types; a feature in fewer than :data:`MIN_PAGES` pages gets
    weight 0, so it is known and adds nothing), from an L2-penalised
    multinomial logistic regression with inverse penalty ``c`` (scikit-learn's
    ``LogisticRegression``, lbfgs, deterministic), rounded to two decimals: the weights the
    classifier then uses, as in ``lexicon/doc_type_weights.csv``. Pages where no cue fires
    are left out (the classifier calls them ``other`` whatever the weights). Every type gets
    a column, with weight 0 for a type no training page has (it can win only by its cues)."""
    from sklearn.linear_model import LogisticRegression

    # a page where no cue fires is "other" by the classifier's rule, not by the weights: it
    # is left out of the fit, so that the intercepts are the types' odds among pages with cues
    cued = (design.to_numpy() != 0).any(axis=1)
    design, labels = design[cued], np.asarray(labels)[cued]
    keep = [c_ for c_ in design.columns if design[c_].sum() >= MIN_PAGES]
    x = design[keep].to_numpy(dtype=float)
    model = LogisticRegression(C=c, max_iter=5000, tol=1e-8).fit(x, labels)
    coef = pd.DataFrame(0.0, index=["(intercept)", *design.columns],
                        columns=list(DOC_TYPE_ORDER))
    rows = ["(intercept)", *keep]
    for i, kind in enumerate(model.classes_):
        if len(model.classes_) == 2:  # a binary fit has one row, for the second class
            sign = 1.0 if i == 1 else -1.0
            coef.loc[rows, kind] = sign * np.r_[model.intercept_[0], model.coef_[0]] / 2
        else:
            coef.loc[rows, kind] = np.r_[model.intercept_[i], model.coef_[i]]
    coef = coef.round(2) + 0.0  # no negative zeros in the written table
    return coef.rename_axis("feature").reset_index()


def doctype_predict(design: pd.DataFrame, weights: pd.DataFrame) -> list[str]:
    """The type of each row of ``design`` under ``weights`` (:func:`doctype_weights_fit`), by
    the classifier's own rule (:func:`~digiwelfare.doctypes.doc_type_decide`)."""
    table = {r["feature"]: {t: float(r[t]) for t in DOC_TYPE_ORDER}
             for r in weights.to_dict("records")}
    return [doc_type_decide({k: v for k, v in row.items() if v}, table)[0]
            for row in design.to_dict("records")]


def crossval_leave_one_set_out(labels: Sequence[str], groups: Sequence[str],
                               predict: Callable[[np.ndarray, np.ndarray], list[str]]
                               ) -> pd.DataFrame:
    """Leave-one-set-out accuracy: for each set (value of ``groups``), ``predict(train,
    test)`` (boolean masks of the rows) gives the test rows' types from the other sets only.
    One row per set (``set, documents, right, accuracy``) in the order sets first appear,
    then ``pooled``: all held-out predictions together (right over documents, not the mean
    of the sets' rates)."""
    labels, groups = np.asarray(labels), np.asarray(groups)
    rows = []
    for name in dict.fromkeys(groups):
        test = groups == name
        found = np.asarray(predict(~test, test))
        right = int((found == labels[test]).sum())
        rows.append({"set": name, "documents": int(test.sum()), "right": right})
    rows.append({"set": "pooled", "documents": sum(r["documents"] for r in rows),
                 "right": sum(r["right"] for r in rows)})
    table = pd.DataFrame(rows)
    return table.assign(accuracy=table["right"] / table["documents"])


def textstat_doctype_crossval(examples: pd.DataFrame, c: float = C_DEFAULT) -> pd.DataFrame:
    """Held-out accuracy of the types, per labelled set and pooled: ``set, documents,
    cues_right, cues_accuracy`` (the cue file's own weights, no fit: those were set by hand
    looking at some of these sets, so only a set they were not tuned on is held out for them)
    and ``fitted_right, fitted_accuracy`` (weights fitted with inverse penalty ``c`` on the
    other sets only: every page held out)."""
    design = doctype_design(examples)
    labels, groups = examples["doc_type"].to_numpy(), examples["set"].to_numpy()
    hand = pd.DataFrame({"feature": ["(intercept)"], **{t: [0.0] for t in DOC_TYPE_ORDER}})
    cues = crossval_leave_one_set_out(labels, groups, lambda tr, te: doctype_predict(
        design[te], hand))
    fit = crossval_leave_one_set_out(labels, groups, lambda tr, te: doctype_predict(
        design[te], doctype_weights_fit(design[tr], labels[tr], c)))
    return pd.DataFrame({
        "set": cues["set"], "documents": cues["documents"], "cues_right": cues["right"],
        "cues_accuracy": cues["accuracy"].round(4), "fitted_right": fit["right"],
        "fitted_accuracy": fit["accuracy"].round(4)})
