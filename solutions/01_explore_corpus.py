"""Solutions to the exercises of notebook 01 (run from the project root:
``PYTHONPATH=src .venv/bin/python solutions/01_explore_corpus.py``; a few seconds)."""

import shutil
import tempfile
from pathlib import Path

import pandas as pd
from _common import PATHS, heading

from digiwelfare.corpus import corpus_read, textstat_counts

docs = corpus_read(PATHS.corpus)

heading("1. Words per document by type")
words = docs.assign(words=docs["text"].str.split().str.len()).groupby("doc_type")["words"]
per_doc = words.mean().round(1).sort_values()
print(per_doc.to_string())
print(f"Shortest on average: {per_doc.index[0]} ({per_doc.iloc[0]} words).")

heading("2. One sector's titles by year, and its mix of types over time")
sector = docs["sector"].value_counts().index[0]
chosen = docs.query("sector == @sector").sort_values(["year", "id"])
print(f"Sector '{sector}': {len(chosen)} documents; the first five:")
print(chosen[["year", "doc_type", "title"]].head().to_string(index=False))
print(chosen.assign(period=(chosen["year"] // 4) * 4).pivot_table(
    index="period", columns="doc_type", values="id", aggfunc="count", fill_value=0).to_string())

heading("3. A corpus of three documents, with and without years")
with tempfile.TemporaryDirectory() as tmp:
    mine = Path(tmp) / "mine"
    (mine / "texts").mkdir(parents=True)
    meta = pd.read_csv(PATHS.corpus / "metadata.csv", dtype=str, keep_default_na=False).head(3)
    for doc_id in meta["id"]:
        shutil.copy(PATHS.corpus / "texts" / f"{doc_id}.txt", mine / "texts")
    meta.to_csv(mine / "metadata.csv", index=False)
    print(textstat_counts(corpus_read(mine), ["year"]).to_string(index=False))
    meta.drop(columns="year").to_csv(mine / "metadata.csv", index=False)
    without = corpus_read(mine)
    print(f"Without the column: {int(without['year'].isna().sum())} of {len(without)} "
          "documents have no year; the year table and figure have nothing to count, and "
          "later notebooks leave these documents out of analyses by year, saying how many.")
