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
# # 08 · Compare keyness and collocations
#
# **Question.** Which words does one group of documents use markedly more than another, and
# which words keep company with the concepts we study? By default: policy documents against
# research texts (project reports and abstracts), in one language.
#
# Keyness is measured as quanteda and AntConc report it, plus what a frequency test cannot see.
# The log-likelihood G2 of the full 2 x 2 table (Dunning 1993; Rayson & Garside 2000), with
# Yates's or Williams's correction if `correction` asks for one, and Pearson's chi-square say
# how sure we can be that a difference in counts is not chance; the log ratio (Hardie 2014;
# one unit means twice as frequent) and %DIFF (Gabrielatos & Marchi 2012) say how large it
# is. Counting tokens treats every word as independent, so a word repeated in one document
# can look key. Each row therefore also gives the number of documents using the term, Gries's
# (2008) dispersion DP, and a document-level test (Mann-Whitney on each document's relative
# frequency, as Lijffijt et al. 2016 recommend). Every row carries the counts it was computed
# from, so a reader can recompute it by hand.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/08_compare_keyness/ when run by hand; make passes "."
language = "en"  # en or nb
group_column = "doc_type"  # metadata column that defines the groups, or "query" (see below)
group_a = "policy_document"  # value or list of values of group A
group_b = None  # value(s) of group B; None means every other document
min_freq = 5  # leave out terms seen fewer times in A and B together
min_docs = 2  # leave out terms found in fewer documents of A and B together
correction = "none"  # none, yates or williams (applied to G2)
alpha = 0.05  # significance level after correcting for multiple tests
n_key = 12  # key terms shown per side in the figure
nodes = ["discretion", "data", "automation"]  # node lemmas (or phrases) for collocations
span_left = 4  # words before the node
span_right = 4  # words after the node
min_collocation = 3  # least co-occurrences for a collocate

# %%
import pandas as pd

from digiwelfare.checks import choice_check, int_check
from digiwelfare.collocations import textstat_collocations
from digiwelfare.config import paths_resolve
from digiwelfare.corpus import corpus_groups, corpus_read
from digiwelfare.dictionaries import lemmas_all
from digiwelfare.figures import figure_write
from digiwelfare.figures_discourse import plot_collocation_network, plot_keyness
from digiwelfare.files import table_write
from digiwelfare.keyness import CORRECTIONS, groups_choose, textstat_keyness
from digiwelfare.products import parts_read, tokens_read
from digiwelfare.runs import LANGUAGES
from digiwelfare.tokens import stopwords_read

paths = paths_resolve(corpus, out, "08_compare_keyness", language)
choice_check("language", language, LANGUAGES)
choice_check("correction", correction, CORRECTIONS)
int_check("min_freq", min_freq, 1, 10_000)
int_check("min_docs", min_docs, 1, 10_000)
int_check("span_left", span_left, 0, 20)
int_check("span_right", span_right, 0, 20)
docs = corpus_read(paths.corpus, texts=False)  # metadata: the texts are in the parts
tokens = tokens_read(paths.tokens_file(), language)
in_language = docs[docs["id"].isin(tokens["id"])]
in_language, group_a, group_b, notes = groups_choose(in_language, group_column, group_a, group_b)
for note in notes:
    print("Note:", note)
docs_a, docs_b = corpus_groups(in_language, group_column, group_a, group_b)
tokens_a = tokens.loc[tokens["id"].isin(docs_a["id"]), "tokens"]
tokens_b = tokens.loc[tokens["id"].isin(docs_b["id"]), "tokens"]
label_a = str(group_a)
label_b = "the rest" if group_b is None else str(group_b)
print(f"A ({label_a}): {len(docs_a)} documents; B ({label_b}): {len(docs_b)} documents")
if min(len(docs_a), len(docs_b)) < 10:
    print("Caveat: a group has fewer than 10 documents, so the document-level test has little "
          "power and a few documents decide what looks key. Read the concordances first.")

# %% [markdown]
# With `group_column = "query"`, `group_a` and `group_b` are pandas queries over the
# metadata, for example `year >= 2019` against the rest, or
# `doc_type == 'abstract' and country == 'DK'`.

# %% [markdown]
# ## Key terms
#
# Counted on lemmas, stop words removed. Sorted by G2; `p_holm` corrects its p-value for
# testing every term in the table at once (Holm 1979), `p_bh` controls the false discovery
# rate instead (Benjamini & Hochberg 1995). `docs_a` and `docs_b` count the documents using
# the term; `p_docs_bh` is the document-level test, adjusted the same way: a term is *key*
# here only when both tests agree. `few_docs` flags a term whose hits on its own side come
# from one or two documents. For the log ratio and %DIFF a zero count is replaced by 0.5;
# `zero_count` marks those rows, whose effect size is set by that constant, not by the data.

# %%
keyness = textstat_keyness(tokens_a, tokens_b, min_freq=min_freq, min_docs=min_docs,
                           correction=correction)
keyness["key"] = (keyness["p_holm"] < alpha) & (keyness["p_docs_bh"] < alpha)
table_write(keyness, paths.tables / f"keyness_{language}.csv")
by_tokens = int((keyness["p_holm"] < alpha).sum())
carried = int((keyness["p_holm"] < alpha).mul(keyness["few_docs"]).sum())
print(f"{len(keyness)} terms occur at least {min_freq} times and in at least {min_docs} "
      f"documents; {by_tokens} differ in counts (Holm, {alpha:.0%}); {int(keyness.key.sum())} "
      f"also differ document by document; {carried} of those differing in counts are carried "
      "by one or two documents")

# %%
# NBVAL_CHECK_OUTPUT
keyness.groupby("key_for").head(8).round(3).reset_index(drop=True)[
    ["term", "freq_a", "freq_b", "docs_a", "docs_b", "g2", "p_holm", "p_docs_bh", "log_ratio",
     "zero_count", "few_docs", "key_for"]]

# %%
fig = plot_keyness(keyness, n=n_key, label_a=label_a, label_b=label_b)
figure_write(fig, paths.figures / f"08_keyness_{language}.png")
fig

# %% [markdown]
# ## Collocations
#
# Which lemmas occur within `span_left` words before and `span_right` words after each node?
# Spans are counted as AntConc counts them, on the running text a reader sees: every word as
# a lemma, stop words kept, punctuation dropped, within documents. A word inside the spans of
# two nearby nodes counts once, and the node is never its own collocate; the expected count
# is `window * freq_collocate / n_tokens`, `window` being the number of span positions.
# Five measures, each with its own bias: MI favours rare, exclusive pairs; MI3 and the
# t-score favour frequent ones; log-likelihood tests (negative when the pair is rarer than
# chance); logDice (Rychlý 2008) is stable across corpus sizes and is used to rank. Stop
# words are counted in the spans but left out of the table.

# %%
parts = parts_read(paths.parts_file(), language)
running = [lemmas_all(text, language) for text in parts["text"]]
stop = stopwords_read(language)
collocations = pd.concat([
    textstat_collocations(running, node, span_left, span_right, min_collocation, exclude=stop)
    for node in nodes], ignore_index=True)
table_write(collocations, paths.tables / f"collocations_{language}.csv")

# %%
# NBVAL_CHECK_OUTPUT
collocations.groupby("node").head(6).round(2)[
    ["node", "collocate", "freq", "expected", "mi", "mi3", "t_score", "log_likelihood",
     "log_dice"]]

# %%
fig = plot_collocation_network(collocations, n=10)
figure_write(fig, paths.figures / f"08_collocations_{language}.png")
fig

# %% [markdown]
# ## What the data show
#
# Computed from the tables above, so it changes with the corpus and the parameters.

# %%
for side, label in (("A", label_a), ("B", label_b)):
    rows = keyness[keyness["key_for"] == side]
    if rows.empty:
        print(f"No term is used relatively more by {label}.")
        continue
    r = rows.iloc[0]
    print(f"The term most strongly key for {label} is '{r.term}': {r.freq_a} against {r.freq_b} "
          f"hits, in {r.docs_a} and {r.docs_b} documents (log ratio {r.log_ratio:.2f}, G2 "
          f"{r.g2:.1f}{', one group has none' if r.zero_count else ''}).")
print(f"{int(keyness.key.sum())} of {len(keyness)} terms are key by both the count test and the "
      f"document test; {by_tokens - int(keyness.key.sum())} more differ in counts only.")
for node in nodes:
    found = collocations[collocations["node"] == node]
    if found.empty:
        print(f"'{node}' has no collocate seen {min_collocation} times or more.")
    else:
        r = found.iloc[0]
        print(f"'{node}' ({r.freq_node} times) keeps company most with '{r.collocate}' "
              f"({r.freq} times within the span, {r.expected:.2f} expected; logDice "
              f"{r.log_dice:.2f}, MI {r.mi:.2f}).")

# %% [markdown]
# ## Exercises
#
# 1. Recompute G2 and the log ratio for the first row of `keyness` by hand from its counts
#    (the four cells are `freq_a`, `freq_b`, `total_a - freq_a`, `total_b - freq_b`).
# 2. Compare early against late years: `group_column = "query"`, `group_a = "year >= 2019"`.
#    Which words mark the later documents?
# 3. Add `dashboard` (or a node lemma of your own) to `nodes`. Which collocates does it
#    share with `data`, and what do they say about how dashboards are written about?
