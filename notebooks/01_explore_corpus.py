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
# # 01 · Explore the corpus
#
# **Question.** What is in the corpus: how many documents of each kind, in which languages,
# from which years, and how long are they? Every later notebook rests on these counts, so
# read them before trusting any model.
#
# The default corpus is the compendium's own demo corpus: 240 short documents *composed for
# teaching and testing* (see `corpus/README.md`); none is a real publication. To run this
# notebook on your own documents, change `corpus` below (or run
# `make all CORPUS=path/to/yours OUT=path/to/results`).

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/01_explore_corpus/ when run by hand; make passes "."

# %% [markdown]
# The corpus is read and checked against the schema in one call. A broken row stops the
# notebook here with a message naming the file, the row and the column.

# %%
from digiwelfare.config import paths_resolve
from digiwelfare.corpus import corpus_read, textstat_counts, textstat_metadata
from digiwelfare.figures import figure_write, plot_corpus_composition
from digiwelfare.files import table_write

paths = paths_resolve(corpus, out, "01_explore_corpus")
docs = corpus_read(paths.corpus, texts=False, words=True)  # word counts, not the texts
print(f"{len(docs)} documents, {docs['n_words'].sum()} words")

# %% [markdown]
# ## What the metadata says, and where it came from
#
# Only `id`, `title` and the text are required. A year, type or country that nobody gave and
# that the importer could not find is *missing*, not guessed: later notebooks leave such
# documents out of the analyses that need the column, and say how many. For an imported
# corpus, `source` says which rule gave each year (`published`, `modified`, `html meta`, ...)
# and which cue decided each type; for the demo corpus every value was given by hand.

# %%
# NBVAL_CHECK_OUTPUT
provenance = textstat_metadata(docs)
table_write(provenance, paths.tables / "corpus_metadata_sources.csv")
provenance.pivot(index="column", columns="source", values="documents").fillna(0).astype(int)

# %% [markdown]
# ## Documents by type and language
#
# `en;nb` marks a document holding an English text followed by a Norwegian version of it,
# as exported project pages do. Notebook 02 splits such documents paragraph by paragraph,
# so that each language's model sees only its own half.

# %%
# NBVAL_CHECK_OUTPUT
counts = textstat_counts(docs, ["doc_type", "language"])
table_write(counts, paths.tables / "corpus_counts.csv")
counts

# %% [markdown]
# ## Years, countries and sectors

# %%
# NBVAL_CHECK_OUTPUT
by_year = textstat_counts(docs, ["year"])
table_write(textstat_counts(docs, ["year", "doc_type"]), paths.tables / "corpus_counts_year.csv")
by_year.set_index("year")["documents"].to_frame().T

# %%
# NBVAL_CHECK_OUTPUT
textstat_counts(docs, ["country", "sector"]).pivot(
    index="sector", columns="country", values="documents").fillna(0).astype(int)

# %% [markdown]
# ## The composition at a glance

# %%
fig = plot_corpus_composition(docs)
figure_write(fig, paths.figures / "01_corpus_composition.png")
fig

# %% [markdown]
# ## What the data show
#
# Computed from the tables above, so it changes with the corpus.

# %%
# NBVAL_CHECK_OUTPUT
by_type = counts.groupby("doc_type", dropna=False)[["documents", "words"]].sum()
by_language = counts.groupby("language", dropna=False)["documents"].sum()
print(f"{len(docs)} documents: " + ", ".join(
    f"{n} {t if isinstance(t, str) and t else 'of unknown type'} "
    f"({w / n:.0f} words on average)" for t, (n, w) in by_type.iterrows()) + ".")
print("By language tag: " + ", ".join(f"{lang if isinstance(lang, str) and lang else 'none'} "
                                      f"{n}" for lang, n in by_language.items()) + ".")
dated = by_year.dropna(subset=["year"])
if len(dated):
    print(f"Years {int(dated.year.min())}-{int(dated.year.max())}, between "
          f"{dated.documents.min()} and {dated.documents.max()} documents a year; "
          f"{len(docs) - dated.documents.sum()} without a year.")

# %% [markdown]
# ## Exercises
#
# 1. Which document type is shortest on average? Compute words per document from `counts`.
# 2. Choose a sector and list its titles by year (`docs.query(...)`). Does the mix of
#    document types change over time?
# 3. Point `corpus` at a folder of your own (three documents are enough) and rerun. Delete
#    the `year` column of its `metadata.csv`: what changes in the tables and the figure?
