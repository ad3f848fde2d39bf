"""A methods appendix written from what ran: the manifest (versions, parameters, seeds, wall
times, corpus hash) and the published tables (corpus counts, preprocessing, the K grid and
the choice, validation by people), so that a methods section can be checked against the run
that made the results. Nothing in it is typed by hand; a table that a run did not make is
said to be missing.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pandas as pd

#: Packages whose versions the appendix names (all of them are in the manifest).
KEY_PACKAGES = ("gensim", "numpy", "scipy", "pandas", "statsmodels", "krippendorff", "numba",
                "simplemma", "lingua-language-detector", "matplotlib", "papermill", "pyLDAvis",
                "trafilatura")


def _table(frame: pd.DataFrame) -> str:
    return frame.to_html(index=False, escape=True, border=0, na_rep="",
                         float_format=lambda v: f"{v:.3g}")


def _read(tables: Path, name: str) -> pd.DataFrame | None:
    path = tables / name
    return pd.read_csv(path) if path.is_file() else None


def _missing(name: str) -> str:
    return f"<p><em>No {escape(name)} in this run.</em></p>"


def _section_run(manifest: dict) -> str:
    corpus = manifest.get("corpus", {})
    rows = [("commit", manifest.get("git_commit")),
            ("uncommitted changes", manifest.get("git_uncommitted_changes")),
            ("Python", manifest.get("python")), ("platform", manifest.get("platform")),
            ("corpus", corpus.get("path")), ("corpus SHA-256", corpus.get("sha256"))]
    return "<h2>The run</h2>" + _table(pd.DataFrame(rows, columns=["", "value"]))


def _section_corpus(tables: Path) -> str:
    counts = _read(tables, "corpus_counts.csv")
    if counts is None:
        return "<h2>Corpus</h2>" + _missing("corpus_counts.csv")
    total = counts[["documents", "words"]].sum()
    text = (f"<p>{int(total['documents'])} document parts by type and language tag, "
            f"{int(total['words']):,} words (<code>corpus_counts.csv</code>).</p>")
    return "<h2>Corpus</h2>" + text + _table(counts)


def _section_preprocessing(manifest: dict, tables: Path) -> str:
    params = manifest.get("runs", {}).get("02_prepare_tokens", {}).get("parameters", {})
    shown = {k: v for k, v in params.items() if k not in ("corpus", "out")}
    summary = _read(tables, "tokens_summary.csv")
    return ("<h2>Preprocessing</h2><p>Notebook 02: documents split into language parts by "
            "paragraph, cleaned of web-page debris, tokenised, lemmatised (simplemma), stop "
            "words removed, and the vocabulary filtered, with these parameters:</p>"
            + _table(pd.DataFrame(sorted(shown.items()), columns=["parameter", "value"]))
            + (_table(summary) if summary is not None else _missing("tokens_summary.csv")))


def _section_topics(manifest: dict, tables: Path) -> str:
    runs = manifest.get("runs", {})
    rows = []
    for name in sorted(r for r in runs if r.startswith("03_select_model__")):
        lang = name.split("__")[1]
        select = runs[name]["parameters"]
        fit = runs.get(f"04_fit_topics__{lang}", {}).get("parameters", {})
        choice = _read(tables, f"model_choice_{lang}.csv")
        used = choice[choice["used"].astype(str) == "True"] if choice is not None else None
        k = int(used["k"].iloc[0]) if used is not None and len(used) else None
        perplexity = (f"{used['perplexity'].iloc[0]:.1f} ± {used['perplexity_se'].iloc[0]:.1f}"
                      if k is not None else "")
        rows.append((lang, ", ".join(map(str, select.get("ks", []))),
                     ", ".join(map(str, select.get("seeds", []))), k, perplexity,
                     fit.get("seed"), fit.get("restarts"), fit.get("passes"),
                     fit.get("iterations")))
    frame = pd.DataFrame(rows, columns=["language", "K grid", "seeds of the sweep", "K used",
                                        "held-out perplexity (± s.e.)", "seed of the fit",
                                        "restarts", "passes", "iterations"])
    return ("<h2>Topic models</h2><p>LDA (gensim, online variational Bayes), K chosen in "
            "notebook 03 by the one-standard-error rule on held-out perplexity unless set by a "
            "parameter; the model of notebook 04 is the best of its restarts by the bound.</p>"
            + _table(frame))


def _section_runs(manifest: dict) -> str:
    rows = []
    for name, run in sorted(manifest.get("runs", {}).items()):
        params = {k: v for k, v in run.get("parameters", {}).items() if k not in ("corpus", "out")}
        rows.append((name, json.dumps(run.get("seeds", {}), ensure_ascii=False),
                     run.get("wall_time_s"),
                     "; ".join(f"{k}={json.dumps(v, ensure_ascii=False)}"
                               for k, v in sorted(params.items()))))
    return ("<h2>Every run: seeds, wall time, parameters</h2>"
            + _table(pd.DataFrame(rows, columns=["run", "seeds", "wall time (s)",
                                                 "parameters"])))


def _section_packages(manifest: dict) -> str:
    packages = manifest.get("packages", {})
    rows = [(p, packages[p]) for p in KEY_PACKAGES if p in packages]
    return ("<h2>Package versions</h2><p>The main ones; <code>results/manifest.json</code> "
            f"lists all {len(packages)}.</p>"
            + _table(pd.DataFrame(rows, columns=["package", "version"])))


def _section_validation(tables: Path) -> str:
    parts = ["<h2>Validation by people</h2>"]
    precision = _read(tables, "intrusion_precision.csv")
    agreement = _read(tables, "coding_agreement.csv")
    validity = _read(tables, "dictionary_validity.csv")
    match = _read(tables, "topic_match_en_nb.csv")
    if precision is None and validity is None:
        return "".join(parts) + _missing("validation tables (notebook 11)")
    sources = set()
    for frame in (precision, agreement, validity):
        if frame is not None and "source" in frame:
            sources |= set(frame["source"])
    if "simulated" in sources:
        parts.append("<p><strong>Rows marked <code>simulated</code> come from simulated coders "
                     "(answers drawn from the model with known error rates): they show the "
                     "scoring, not how readers see the topics.</strong></p>")
    if precision is not None:
        summary = (precision.groupby(["language", "kind", "source"])
                   .agg(topics=("topic", "size"), answers=("answers", "sum"),
                        mean_precision=("precision", "mean"), lowest=("precision", "min"))
                   .reset_index())
        parts.append("<h3>Intrusion tasks: model precision</h3>" + _table(summary))
    if agreement is not None:
        parts.append("<h3>Agreement between coders (Krippendorff's alpha, nominal)</h3>"
                     + _table(agreement))
    if validity is not None:
        summary = (validity.groupby(["language", "source"])
                   .agg(categories=("category", "size"), mean_precision=("precision", "mean"),
                        mean_recall=("recall", "mean"), mean_f1=("f1", "mean")).reset_index())
        parts.append("<h3>Dictionary against coders</h3>" + _table(summary))
    if match is not None:
        pairs = match[match["matched"].astype(str) == "True"]
        parts.append("<h3>English and Norwegian topics matched</h3>" + _table(
            pairs[["route", *pairs.columns[1:5], "value", "ci_low", "ci_high"]]))
    return "".join(parts)


def appendix_html(out: Path) -> str:
    """The methods appendix of the run under ``out`` as one offline HTML page."""
    out = Path(out)
    manifest_path = out / "results" / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    tables = out / "results" / "tables"
    body = "".join([
        _section_run(manifest), _section_corpus(tables), _section_preprocessing(manifest, tables),
        _section_topics(manifest, tables), _section_validation(tables),
        _section_packages(manifest), _section_runs(manifest)])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Methods appendix</title>
<style>
body {{ font-family: sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.45; color: #222; }}
table {{ border-collapse: collapse; margin: .5rem 0 1rem; }}
td, th {{ padding: .25rem .6rem; vertical-align: top; border-bottom: 1px solid #ddd;
         text-align: left; font-size: .9rem; }}
</style></head><body>
<h1>Methods appendix</h1>
<p>Written by <code>make report</code> from <code>results/manifest.json</code> and the
tables in <code>results/tables/</code>: every number below is what the run recorded.</p>
{body}
</body></html>
"""
