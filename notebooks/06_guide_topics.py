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
# # 06 · Guide topics with theory
#
# **Question.** Do the documents hold themes that match concepts we bring from theory, such
# as the three logics of data in management (control, care and facilitation), efficiency,
# discretion or datafication? And does a model told about those concepts find something an
# unguided model at the same number of topics does not?
#
# The model is the *keyword-assisted topic model* of Eshima, Imai & Sasaki (2024), as the R
# package keyATM fits it (its "base" model), written for this compendium in
# `digiwelfare.guided`. Each category of the discourse dictionary becomes a *keyword topic*
# with two word distributions: a **keyword distribution** that may only use the category's
# seed words, and a **regular distribution** over the whole vocabulary. Each token of a
# keyword topic comes from one or the other; the share that comes from the keyword
# distribution, **pi**, is estimated from the documents. Free topics have a regular
# distribution only. Fitted by collapsed Gibbs sampling; runs once per language.
#
# What the seeds do: they let a topic gather its seed words, so the topic has a name before
# the fit. What they do not do: they add no pseudo-counts, so they cannot make the documents
# use the seeds together. If the documents use a category's words rarely, or apart from each
# other, its keyword topic gets a small pi and fills up with whatever other theme the
# sampler finds, and the tables below say "not retained". The earlier version of this
# notebook added 50 pseudo-counts per seed word to a topic's prior, which showed the prior
# rather than the documents; that method is gone.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/06_guide_topics/ when run by hand; make passes "."
language = "en"  # one of digiwelfare.runs.LANGUAGES
dictionary_file = "lexicon/dictionary_logics.yaml"  # seeds source, from the root
seed_categories = ["control", "care", "facilitation", "efficiency", "discretion",
                   "datafication"]  # dictionary categories that become keyword topics
min_seeds = 2  # a category with fewer seed words in the vocabulary gets no keyword topic
n_free = 4  # topics without keywords; the unguided model has n_keyword + n_free topics
iterations = 1500  # Gibbs sweeps per chain, at most
tol = 1e-4  # stop a chain once it has settled (see the fit below); None: every sweep
workers = 2  # processes for the chains of a large corpus; the results do not depend on it
restarts = 3  # chains, their seeds derived from seed; the best by log-likelihood is kept
alpha = 0.1  # symmetric prior on each document's topic proportions
beta = 0.01  # prior of the regular word distributions (keyATM's default)
beta_key = 0.1  # prior of the keyword distributions (keyATM's default)
gamma1 = 1.0  # Beta(gamma1, gamma2) prior on each keyword topic's pi: mean 0.5, flat
gamma2 = 1.0
seed = 20261123
top_n = 10  # words shown per topic

# %%
from digiwelfare.checks import choice_check, int_check
from digiwelfare.config import ROOT, paths_resolve
from digiwelfare.dictionaries import dictionary_read
from digiwelfare.figures import figure_write, plot_guided_compare, plot_keywords
from digiwelfare.files import table_write
from digiwelfare.guided_chains import guided_fit_table, guided_pair_fit
from digiwelfare.guided_tables import (
    RETAINED_CONTEXT_LIFT,
    RETAINED_CONTEXT_SHARE,
    RETAINED_PI,
    textstat_guided_compare,
    textstat_guided_doc_topics,
    textstat_guided_words,
    textstat_keyword_topics,
)
from digiwelfare.keywords import seeds_expand, textstat_keyword_categories, textstat_keywords
from digiwelfare.products import bow_read
from digiwelfare.runs import LANGUAGES

paths = paths_resolve(corpus, out, "06_guide_topics", language)
choice_check("language", language, LANGUAGES)
int_check("n_free", n_free, 0, 50)
int_check("iterations", iterations, 50, 100_000)
int_check("restarts", restarts, 1, 20)
int_check("workers", workers, 1, 64)
lexicon = dictionary_read(ROOT / dictionary_file)
for c in seed_categories:
    choice_check("seed_categories", c, list(lexicon))
tokens, dictionary, bow = bow_read(paths, language)
vocabulary = [dictionary[i] for i in range(len(dictionary))]
entries = {c: [e.text for e in lexicon[c].get(language, [])] for c in seed_categories}
print(f"{len(bow)} documents, {sum(c for d in bow for _, c in d):,} modelled tokens, "
      f"{len(vocabulary):,} words in the vocabulary")

# %% [markdown]
# ## Before fitting: can the seeds carry a topic?
#
# Every dictionary entry of the chosen categories, expanded to the vocabulary words it names
# (`prefix*` entries name several), with how often each occurs. A keyword topic can only
# gather words the documents use; multi-word entries are left out because the model counts
# single words, and entries the vocabulary does not hold are flagged (too rare to be kept in
# notebook 02, or absent).

# %%
keywords_table = textstat_keywords(list(tokens["tokens"]), entries, dictionary.token2id)
table_write(keywords_table, paths.tables / f"guided_keywords_{language}.csv")
summary = textstat_keyword_categories(keywords_table, list(tokens["tokens"]))
summary.round(3)

# %%
fig = plot_keywords(keywords_table, n=top_n)
figure_write(fig, paths.figures / f"06_keywords_{language}.png")
fig

# %%
seeds = {c: seeds_expand(entries[c], dictionary.token2id) for c in seed_categories}
left_out = sorted(c for c, words in seeds.items() if len(words) < min_seeds)
seeds = {c: words for c, words in seeds.items() if len(words) >= min_seeds}
print(f"{len(seeds)} keyword topics + {n_free} free topics"
      + (f"; no keyword topic (fewer than {min_seeds} seed words here): {left_out}"
         if left_out else ""))

# %% [markdown]
# ## The fit: guided, and unguided at the same number of topics
#
# The unguided model is the same sampler with no keywords and the same number of topics, so
# any difference comes from the seeds alone. Both run `restarts` chains and keep the one that
# explains the documents best.
#
# A chain runs at most `iterations` sweeps. With `tol`, it stops once it has settled: after
# at least 200 sweeps, when the mean log joint probability of its sample over the last 100
# sweeps is no more than `tol` (relative) above the mean over the 100 before (Griffiths &
# Steyvers 2004 follow the same quantity to judge a chain's burn-in). The final sample is
# then read as it would be after the last sweep; the table gives the sweeps each kept chain
# ran. On a large corpus a chain settles within a few hundred sweeps, and the rest would only
# redraw the same posterior; `tol = None` runs every sweep.
#
# When no category has enough seed words in these documents there is no keyword topic, and
# a guided model without one is plain LDA, the same as its comparison: then no chain runs,
# and the tables below are empty.

# %%
settings = dict(iterations=iterations, alpha=alpha, beta=beta, beta_key=beta_key,
                gamma=(gamma1, gamma2), tol=tol)
fits = guided_pair_fit(bow, vocabulary, seeds, n_free, restarts=restarts, seed=seed,
                       workers=workers, **settings)
guided, unguided = fits["guided"], fits["unguided"]
if not seeds:
    print("No keyword topic, so no chain was run: a guided model without one is plain LDA, "
          "the same as its unguided comparison. Notebook 04 fits these documents' topics.")
fit = guided_fit_table(fits)
fit.round(4)

# %% [markdown]
# ## What each keyword topic kept
#
# Measured on the tokens the final sample assigned, never on the prior:
#
# - `pi`: share of the topic's tokens drawn through its keyword distribution.
# - `seed_share`: share of the topic's tokens that are its seed words.
# - `seed_capture`: share of the seed words' tokens in the corpus that the topic took. A
#   keyword topic takes its seeds easily (its keyword distribution admits nothing else), so
#   this alone proves little.
# - `context_share`: in documents that use the seeds, the topic's share of their *other*
#   words; `context_lift`: that share over the topic's share in documents without the
#   seeds. A lift near 1 means the documents that use the seeds do not otherwise speak the
#   topic: the topic is its seed list and nothing more.
#
# A keyword topic is `retained` when `pi` is at least `RETAINED_PI`, `context_share` at
# least `RETAINED_CONTEXT_SHARE` and `context_lift` at least `RETAINED_CONTEXT_LIFT`. These
# thresholds are tested on planted data in `tests/test_guided.py`: correct seeds pass, while
# seeds from an absent topic and random noise words fail.

# %%
# NBVAL_CHECK_OUTPUT
print(f"retained: pi >= {RETAINED_PI}, context_share >= {RETAINED_CONTEXT_SHARE} and "
      f"context_lift >= {RETAINED_CONTEXT_LIFT}")
kept = textstat_keyword_topics(guided)
kept[["name", "seeds", "seed_tokens", "pi", "topic_share", "seed_share", "seed_capture",
      "context_share", "context_lift", "retained"]].round(3)

# %% [markdown]
# ## Guided and unguided, side by side
#
# Each keyword topic beside the unguided topic that holds most of its seed words' tokens:
# how much of the seeds each holds, how similar the two topics' word distributions are
# (cosine), and their most probable words.

# %%
# NBVAL_CHECK_OUTPUT
side = textstat_guided_compare(guided, unguided, n=top_n)
table_write(side, paths.tables / f"guided_topics_{language}.csv")
side[["name", "retained", "topic_unguided", "seed_capture_guided", "seed_capture_unguided",
      "context_lift_guided", "context_lift_unguided", "cosine"]].round(3)

# %%
# NBVAL_CHECK_OUTPUT
side[["name", "words_guided", "words_unguided"]]

# %%
fig = plot_guided_compare(side, RETAINED_PI)
figure_write(fig, paths.figures / f"06_guided_topics_{language}.png")
fig

# %% [markdown]
# The free topics of the guided model:

# %%
# NBVAL_CHECK_OUTPUT
words = textstat_guided_words(guided, n=30)
table_write(words, paths.tables / f"guided_topic_words_{language}.csv")
doc_topics = textstat_guided_doc_topics(guided, list(tokens["id"]))
table_write(doc_topics, paths.tables / f"guided_doc_topics_{language}.csv")
top = words[words["rank"] <= top_n].groupby(["topic", "name", "kind"], sort=True)["word"]
top = top.apply(", ".join).reset_index()
top[top["kind"] == "free"].drop(columns="kind")

# %% [markdown]
# ## What the data show
#
# The numbers below are read from the tables above.

# %%
# NBVAL_CHECK_OUTPUT
retained = kept.loc[kept["retained"], "name"].tolist()
dropped = kept.loc[~kept["retained"], "name"].tolist()
logics = [c for c in ("control", "care", "facilitation") if c in seed_categories]
print(f"Keyword topics retained: {len(retained)} of {len(kept)} "
      f"({', '.join(retained) or 'none'}); not retained: {', '.join(dropped) or 'none'}.")
for c in logics:
    if c in left_out or c not in seeds:
        print(f"- {c}: no keyword topic; fewer than {min_seeds} of its seed words occur here.")
        continue
    r = kept.set_index("name").loc[c]
    s = side.set_index("name").loc[c]
    print(f"- {c}: {int(r['seeds'])} seed words, {int(r['seed_tokens'])} tokens in the corpus; "
          f"pi = {r['pi']:.2f}, seeds are {r['seed_share']:.0%} of the topic, the topic took "
          f"{r['seed_capture']:.0%} of the seed tokens (the closest unguided topic "
          f"{s['seed_capture_unguided']:.0%}); in documents using the seeds it holds "
          f"{r['context_share']:.0%} of the other words (lift {r['context_lift']:.1f}) -> "
          f"{'retained' if r['retained'] else 'not retained'}.")
for topic, g in side.groupby("topic_unguided", sort=True):
    if len(g) > 1:
        print(f"The unguided model holds most seed tokens of {', '.join(g['name'])} in one "
              f"topic (topic {topic}: {g['words_unguided'].iloc[0]}).")
if len(side):
    print(f"Guided and unguided topics paired by their seeds have a median cosine "
          f"similarity of {side['cosine'].median():.2f}.")

# %% [markdown]
# How to read this. A keyword topic keeps its name whatever the fit does: one that is not
# retained is a topic the sampler filled with other words, so read its words, not its
# name. A retained keyword topic is a theme the documents hold with its seed
# words: the documents that use the seeds also use the topic's other words. A topic that is
# not retained is not evidence that the concept is absent from the field, only that this
# corpus does not use the seed words as a theme: its seeds are few, rare, or spread over
# documents about other things. The keyword table at the top usually tells why. A high
# `seed_capture` with a context lift near 1 is the model gathering its seeds, not the
# documents speaking the concept. Where the unguided model already has a topic close to a
# keyword topic (high cosine), the seeds mostly gave that topic a name. Where the unguided
# model puts the seeds of several categories into one topic, the documents discuss those
# concepts together (in the same texts), and a model that asks for one topic per concept
# cannot separate them: compare them within documents instead, with the dictionary rates
# and concordances of notebook 09.
#
# Differences from the keyATM package: alpha is fixed, not estimated; words are not
# weighted; estimates come from the last sample of the best chain.
#
# ## Exercises
#
# 1. Add two or three words to the `care` or `facilitation` entries of the dictionary file
#    (single words that occur in the keyword table's vocabulary). Does the topic become
#    retained, and which words join it?
# 2. Set `n_free = 0`. What happens to topics whose seeds the documents barely use?
# 3. Set `gamma1 = 10` (a prior expecting more keyword tokens). Does pi follow the prior or
#    the data, and does `context_lift` change?
# 4. Add `platforms` to `seed_categories`. Is it retained, and what does that say about the
#    documents? What would you expect for a category whose words the documents never use?
