# %% [markdown]
# # 08 · Compare discourse
#
# **Question.** Which words does one group of documents use markedly more than another, and
# how are they used in context? By default: policy documents against research texts (project
# reports and abstracts), in one language.
#
# Keyness is measured twice: log-likelihood G2 (Rayson & Garside 2000) says how sure we can
# be that a difference is not chance; the log ratio (Hardie 2014) says how large it is (one
# unit means twice as frequent). The published table keeps the counts behind every row.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = "."  # where figures/, results/ and build/ are written
language = "en"  # en or nb
group_column = "doc_type"  # metadata column that defines the groups
group_a = "policy_document"  # value (or list of values) of group A
group_b = None  # value(s) of group B; None means every other document
min_freq = 5  # leave out terms seen fewer times in both groups together
n_key = 12  # key terms shown per side in the figure
kwic_term = "discretion"  # word form for the concordance; * is a wildcard
kwic_window = 7  # words of context either side

# %%
from digiwelfare.config import choice_check, int_check, paths_resolve, table_write
from digiwelfare.corpus import LANGUAGES, corpus_groups, corpus_load
from digiwelfare.discourse import textstat_keyness, textstat_kwic
from digiwelfare.figures import figure_save, plot_keyness
from digiwelfare.language import corpus_language_parts
from digiwelfare.tokens import tokens_read

paths = paths_resolve(corpus, out)
choice_check("language", language, LANGUAGES)
int_check("min_freq", min_freq, 1, 10_000)
docs = corpus_load(paths.corpus)
tokens = tokens_read(paths.tokens_file(), language)
in_language = docs[docs["id"].isin(tokens["id"])]
docs_a, docs_b = corpus_groups(in_language, group_column, group_a, group_b)
tokens_a = tokens.loc[tokens["id"].isin(docs_a["id"]), "tokens"]
tokens_b = tokens.loc[tokens["id"].isin(docs_b["id"]), "tokens"]
label_a = f"{group_column} = {group_a}"
label_b = "the rest" if group_b is None else f"{group_column} = {group_b}"
print(f"A ({label_a}): {len(docs_a)} documents; B ({label_b}): {len(docs_b)} documents")

# %% [markdown]
# ## Key terms
#
# Sorted by G2. `p_holm` corrects the p-value for testing every term in the table at once
# (Holm 1979). `key_for` names the group that uses the term relatively more.

# %%
keyness = textstat_keyness(tokens_a, tokens_b, min_freq=min_freq)
table_write(keyness, paths.tables / f"keyness_{language}.csv")
print(f"{len(keyness)} terms occur at least {min_freq} times in A and B together")

# %%
# NBVAL_CHECK_OUTPUT
keyness.groupby("key_for").head(8).round(3).reset_index(drop=True)

# %%
fig = plot_keyness(keyness, n=n_key, label_a=str(group_a), label_b=label_b)
figure_save(fig, paths.figures / f"08_keyness_{language}.png")
fig

# %% [markdown]
# ## A key word in context
#
# Numbers alone do not say how a word is used. The concordance shows every occurrence of
# `kwic_term` with its neighbours and the document's type and year; the same lines are
# saved as CSV for qualitative coding.

# %%
# NBVAL_CHECK_OUTPUT
parts = corpus_language_parts(in_language, language)
kwic = textstat_kwic(parts, kwic_term, window=kwic_window).merge(
    docs[["id", "doc_type", "year"]], on="id", how="left")
table_write(kwic, paths.tables / f"kwic_{language}.csv")
print(f"{len(kwic)} occurrences of '{kwic_term}'")
kwic.head(12)

# %% [markdown]
# ## Exercises
#
# 1. Recompute G2 for the first row of `keyness` by hand from its four counts.
# 2. Compare early against late years: set `group_column = "year"` and list the years
#    2019–2025 in `group_a`. Which words mark the later documents?
# 3. Read the concordance lines for a policy-side key term. Does the word mean the same in
#    policy documents and in research texts?
