# %% [markdown]
# # 08 · Compare keyness and collocations
#
# **Question.** Which words does one group of documents use markedly more than another, and
# which words keep company with the concepts we study? By default: policy documents against
# research texts (project reports and abstracts), in one language.
#
# Keyness is measured in several ways, as quanteda and AntConc report it: log-likelihood G2
# (Rayson & Garside 2000) and Pearson's chi-square say how sure we can be that a difference
# is not chance; the log ratio (Hardie 2014; one unit means twice as frequent) and %DIFF
# (Gabrielatos & Marchi 2012) say how large it is. Every row of the published table carries
# the four counts it was computed from, so a reader can recompute it by hand.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = "."  # where figures/, results/ and build/ are written
language = "en"  # en or nb
group_column = "doc_type"  # metadata column that defines the groups, or "query" (see below)
group_a = "policy_document"  # value or list of values of group A
group_b = None  # value(s) of group B; None means every other document
min_freq = 5  # leave out terms seen fewer times in A and B together
n_key = 12  # key terms shown per side in the figure
nodes = ["discretion", "data", "efficiency"]  # node lemmas (or phrases) for collocations
span_left = 4  # words before the node
span_right = 4  # words after the node
min_collocation = 3  # least co-occurrences for a collocate

# %%
import pandas as pd

from digiwelfare.config import choice_check, int_check, paths_resolve, table_write
from digiwelfare.corpus import LANGUAGES, corpus_groups, corpus_load
from digiwelfare.discourse import textstat_collocations, textstat_keyness
from digiwelfare.figures import figure_save, plot_collocation_network, plot_keyness
from digiwelfare.tokens import tokens_read

paths = paths_resolve(corpus, out)
choice_check("language", language, LANGUAGES)
int_check("min_freq", min_freq, 1, 10_000)
int_check("span_left", span_left, 0, 20)
int_check("span_right", span_right, 0, 20)
docs = corpus_load(paths.corpus)
tokens = tokens_read(paths.tokens_file(), language)
in_language = docs[docs["id"].isin(tokens["id"])]
docs_a, docs_b = corpus_groups(in_language, group_column, group_a, group_b)
tokens_a = tokens.loc[tokens["id"].isin(docs_a["id"]), "tokens"]
tokens_b = tokens.loc[tokens["id"].isin(docs_b["id"]), "tokens"]
label_a = str(group_a)
label_b = "the rest" if group_b is None else str(group_b)
print(f"A ({label_a}): {len(docs_a)} documents; B ({label_b}): {len(docs_b)} documents")

# %% [markdown]
# With `group_column = "query"`, `group_a` and `group_b` are pandas queries over the
# metadata, for example `year >= 2019` against the rest, or
# `doc_type == 'abstract' and country == 'DK'`.

# %% [markdown]
# ## Key terms
#
# Counted on lemmas, stop words removed. Sorted by G2; `p_holm` corrects the p-value for
# testing every term in the table at once (Holm 1979), `p_bh` controls the false discovery
# rate instead (Benjamini & Hochberg 1995). For the log ratio and %DIFF a zero count is
# replaced by 0.5, so a term found in one group only gets a finite effect size.

# %%
keyness = textstat_keyness(tokens_a, tokens_b, min_freq=min_freq)
table_write(keyness, paths.tables / f"keyness_{language}.csv")
print(f"{len(keyness)} terms occur at least {min_freq} times in A and B together; "
      f"{(keyness.p_holm < 0.05).sum()} are key at 5 % after Holm's correction")

# %%
# NBVAL_CHECK_OUTPUT
keyness.groupby("key_for").head(8).round(3).reset_index(drop=True)[
    ["term", "freq_a", "freq_b", "total_a", "total_b", "g2", "p_holm", "log_ratio", "key_for"]]

# %%
fig = plot_keyness(keyness, n=n_key, label_a=label_a, label_b=label_b)
figure_save(fig, paths.figures / f"08_keyness_{language}.png")
fig

# %% [markdown]
# ## Collocations
#
# Which lemmas occur within `span_left` words before and `span_right` words after each node?
# Five measures, each with its own bias: MI favours rare, exclusive pairs; MI3 and the
# t-score favour frequent ones; log-likelihood tests; logDice (Rychlý 2008) is stable across
# corpus sizes and is used to rank. Counted on lemmas with stop words removed, within
# documents.

# %%
# NBVAL_CHECK_OUTPUT
collocations = pd.concat([
    textstat_collocations(tokens["tokens"], node, span_left, span_right, min_collocation)
    for node in nodes], ignore_index=True)
table_write(collocations, paths.tables / f"collocations_{language}.csv")
collocations.groupby("node").head(6).round(2)[
    ["node", "collocate", "freq", "mi", "mi3", "t_score", "log_likelihood", "log_dice"]]

# %%
fig = plot_collocation_network(collocations, n=10)
figure_save(fig, paths.figures / f"08_collocations_{language}.png")
fig

# %% [markdown]
# ## Exercises
#
# 1. Recompute G2 and the log ratio for the first row of `keyness` by hand from its counts.
# 2. Compare early against late years: `group_column = "query"`, `group_a = "year >= 2019"`.
#    Which words mark the later documents?
# 3. Add a node lemma of your own. Which collocates does it share with `discretion`?
