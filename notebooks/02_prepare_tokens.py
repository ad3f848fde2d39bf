# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     notebook_metadata_filter: kernelspec,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Prepare tokens
#
# **Question.** What does a topic model or a keyness test actually count? This notebook turns
# every text into lemmas: it splits every document paragraph by paragraph by language
# (English, Norwegian Bokmål, Norwegian Nynorsk, Danish, Swedish), tokenises (keeping æ, ø
# and å), lower-cases, removes stop words and lemmatises each part with its own language's
# lemmatiser. It then builds one vocabulary (a gensim `Dictionary`) per language and caches
# all of it in `build/` for the notebooks after it, and lists every part that no model will
# see, with the reason.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/02_prepare_tokens/ when run by hand; make passes "."
clean = True  # remove navigation and catalogue debris of exported web pages first
lemmatize = True  # False keeps word forms (useful to see what lemmatising changes)
min_len = 2  # shortest token kept, in characters
no_below = 3  # a vocabulary word must occur in at least this many documents...
no_above = 0.5  # ...and in at most this share of them
params = "params"  # folder of parameter files: a language gets runs only where it has some
min_docs_language = 20  # a language needs this many documents for models of its own
workers = 2  # processes for partitions of documents (DASK_SCHEDULER_ADDRESS: a cluster's)
partition_docs = 2000  # documents per partition; the tokens depend on neither

# %%
from pathlib import Path

import pandas as pd

from digiwelfare.checks import int_check
from digiwelfare.config import ROOT, paths_resolve
from digiwelfare.corpus import corpus_read
from digiwelfare.files import table_write
from digiwelfare.language import text_languages_split
from digiwelfare.products import parts_write, tokens_write, vocabulary_write
from digiwelfare.tokens import textstat_frequency
from digiwelfare.tokentable import tokens_build, tokens_modelled
from digiwelfare.vocabulary import dictionary_build

paths = paths_resolve(corpus, out, "02_prepare_tokens")
int_check("min_len", min_len, 1, 20)
int_check("no_below", no_below, 1, 1000)
int_check("min_docs_language", min_docs_language, 1, 100_000)
int_check("workers", workers, 1, 64)
docs = corpus_read(paths.corpus)

# %% [markdown]
# ## One bilingual document, split
#
# Each paragraph of a document goes to the language detected for it, whatever the
# document's tag says: a Norwegian summary on an English page reaches the Norwegian analysis,
# not the English lemmatiser. Short lines such as headings go with the paragraph before them.
# Here are the first words of each part of the first document with more than one language.

# %%
# NBVAL_CHECK_OUTPUT
first = docs[docs["language"].fillna("").str.contains(";")].head(1)
for doc in first.itertuples():
    for lang, part in text_languages_split(doc.text, doc.language).items():
        print(f"{doc.id} [{lang}] {' '.join(part.split()[:18])} ...")

# %% [markdown]
# ## Debris of exported web pages
#
# Pages copied from project catalogues and conference sites carry lines that are not part of
# the text: "Back to search", "Sist endret 14.02.2025", tag lists, programme timetables,
# project numbers. Editable rules recognise the kinds with a name
# (`lexicon/debris.yaml`); generic mechanisms catch what no rule names: lines
# repeated across documents, field labels and their values, lines of numbers and codes,
# short lines before a text's first sentence or after its last, runs of short lines. A line
# that reads as a sentence is never removed by them. Here is what was removed, by reason
# (for an imported corpus, the import already removed its debris and recorded it in
# `import_debris.csv` in the corpus folder, shown below when there is one):

# %%
# NBVAL_CHECK_OUTPUT
# the texts are cleaned, split by language and tokenised here, in one pass (shown below)
built, debris = tokens_build(docs, lemmatize=lemmatize, min_len=min_len, clean=clean,
                             workers=workers, partition_docs=partition_docs, keep_text=True,
                             with_debris=True)
table_write(debris, paths.tables / "debris_removed.csv")
print(f"{debris['lines'].sum()} lines removed from {debris['id'].nunique()} documents")
debris.groupby("rule")["lines"].sum().sort_values(ascending=False).to_frame()

# %%
if (paths.corpus / "import_debris.csv").is_file():
    at_import = pd.read_csv(paths.corpus / "import_debris.csv")
    table_write(at_import, paths.tables / "debris_removed_at_import.csv")
    print(at_import.groupby("rule")["lines"].sum().sort_values(ascending=False).to_string())

# %% [markdown]
# ## Tokens and lemmas for every document part

# %%
params_dir = Path(params) if Path(params).is_absolute() else ROOT / params
parts_write(built, paths.parts_file())  # the language parts, split once for both products
tokens, unmodelled = tokens_modelled(built.drop(columns="text"), params_dir, min_docs_language)
del built
tokens_write(tokens, paths.tokens_file())
table_write(unmodelled, paths.tables / "parts_not_modelled.csv")
summary = tokens.assign(n_tokens=tokens["tokens"].str.len()).groupby("language").agg(
    parts=("id", "size"), words=("n_words", "sum"), tokens_kept=("n_tokens", "sum")).reset_index()
summary["types"] = [len({t for ts in tokens.loc[tokens.language == lang, "tokens"] for t in ts})
                    for lang in summary["language"]]

# %%
# NBVAL_CHECK_OUTPUT
summary

# %% [markdown]
# `words` counts everything in the text; `tokens_kept` what is left after stop words and
# tokens shorter than `min_len` are removed.
#
# Parts that no model will see are listed with the reason in
# `results/tables/parts_not_modelled.csv`: a language with too few documents for a model of
# its own (`min_docs_language`), one without parameter files, or a part left with no word:

# %%
# NBVAL_CHECK_OUTPUT
print(f"{len(unmodelled)} document parts are left out of every model "
      f"({unmodelled['id'].nunique()} documents)")
unmodelled.groupby(["language", "reason"]).size().rename("parts").reset_index()

# %% [markdown]
# The most frequent lemmas per language:

# %%
# NBVAL_CHECK_OUTPUT
top = {lang: textstat_frequency(group["tokens"], n=15)["term"].tolist()
       for lang, group in tokens.groupby("language")}
for lang, terms in top.items():
    print(lang, ", ".join(terms))

# %% [markdown]
# ## Vocabularies
#
# A word in too few documents says nothing about shared themes; a word in most documents
# says nothing to tell them apart. Both are left out of the vocabulary the models use.

# %%
# NBVAL_CHECK_OUTPUT
rows = []
for lang, group in tokens.groupby("language"):
    dictionary = dictionary_build(group["tokens"], no_below=no_below, no_above=no_above)
    vocabulary_write(dictionary, paths.vocabulary_file(lang))
    rows.append({"language": lang, "documents": len(group), "vocabulary": len(dictionary)})
vocab = summary.merge(pd.DataFrame(rows), on="language")
table_write(vocab, paths.tables / "tokens_summary.csv")
vocab

# %% [markdown]
# ## What the data show
#
# Computed from the tables above, so it changes with the corpus and the parameters.

# %%
# NBVAL_CHECK_OUTPUT
print(f"Cleaning removed {debris['lines'].sum()} lines of web-page debris from "
      f"{debris['id'].nunique()} documents; {len(unmodelled)} document parts reach no model.")
for row in vocab.itertuples():
    print(f"'{row.language}': {row.documents} document parts, {row.tokens_kept} of {row.words} "
          f"words kept as tokens ({row.tokens_kept / row.words:.0%}), {row.types} lemma types, "
          f"of which {row.vocabulary} ({row.vocabulary / row.types:.0%}) are in at least "
          f"{no_below} documents and at most {no_above:.0%} of them and enter the vocabulary.")

# %% [markdown]
# ## Exercises
#
# 1. Rerun with `lemmatize = False`. How many more types are there in Norwegian than in
#    English, and why does Norwegian gain more from lemmatising?
# 2. Open `lexicon/stopwords_nb.txt`. Which word would you add for your own
#    corpus, and what would it change in notebook 03?
# 3. Change `no_below` to 1. What happens to the vocabulary size?
