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
# # 03 · Select the model
#
# **Question.** How many topics should the model of one language have, and how sure can we
# be of that choice?
#
# There is no true number of topics. What can be measured is how each choice behaves: how
# well a model predicts words of documents it has not seen (*held-out perplexity*), whether
# its topics' top words occur together in the documents (*coherence*), whether those words
# belong to one topic rather than to all (*exclusivity*, *diversity*), and whether another
# random seed gives the same topics (*stability*). This notebook fits one model per K and
# seed, measures all of that, and reports each measure as a mean over seeds with its
# standard error: a difference between two K means something only where it is larger than
# the differences between seeds at the same K. It runs once per language.
#
# K is chosen with the engine (`engine`) that notebook 04 then fits, because two engines
# need not agree on it. The default, `anchor`, starts from topics read off the word
# co-occurrences through *anchor words*, words that belong to one topic only (Arora et al.
# 2013), and refines them by collapsed Gibbs sampling (Griffiths & Steyvers 2004); its start
# does not depend on the seed, only the sampling does. `gensim` is gensim's variational
# Bayes (Hoffman, Blei & Bach 2010), which starts at random; on the demo corpus it found
# fewer of the corpus's planned themes (README, "The topic engine"). Because the anchor
# start is the same for every seed, with it the standard errors below measure what the
# Gibbs sampler's random draws change.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/03_select_model/ when run by hand; make passes "."
language = "en"  # one of digiwelfare.runs.LANGUAGES
ks = [4, 6, 8, 10, 12, 14, 16, 18, 20]  # the grid of K (K the corpus cannot support are dropped)
seeds = [1, 2, 3]  # one fit per K and seed; at least two for a standard error
engine = "anchor"  # anchor (anchor words, then Gibbs sampling) or gensim (variational Bayes)
passes = 20  # gensim: passes over the corpus per fit
iterations = 200  # gensim: inference iterations per document and pass
sweeps = "auto"  # anchor: Gibbs sweeps; "auto" runs until the chain settles (or a number)
workers = 2  # parallel processes; the results do not depend on it
sample_docs = 20000  # fit on a random sample of at most this many document parts (None: all)
num_topics = None  # set a number to override the rule below

# %%
from digiwelfare.checks import choice_check, int_check
from digiwelfare.config import paths_resolve
from digiwelfare.figures import figure_write, plot_model_selection
from digiwelfare.files import table_write
from digiwelfare.gibbs import sweep_report
from digiwelfare.products import bow_read, k_write
from digiwelfare.runs import LANGUAGES
from digiwelfare.selection import (
    PRIMARY,
    fit_sample_report,
    k_choose,
    k_grid,
    k_verdict,
    sweep_fitted,
    textstat_k,
    topics_sweep,
)
from digiwelfare.topics import ENGINES, k_check

paths = paths_resolve(corpus, out, "03_select_model", language)
choice_check("language", language, LANGUAGES)
choice_check("engine", engine, ENGINES)
int_check("workers", workers, 1, 64)
if sample_docs is not None:
    int_check("sample_docs", sample_docs, 1000, 10**9)
tokens, dictionary, bow = bow_read(paths, language, token_lists=False, packed=True)
grid = k_grid(ks, len(tokens))
if num_topics is not None:
    k_check(num_topics, len(tokens))
if not grid:
    k_check(min(ks), len(tokens), name="ks")  # fewer than four documents: says so
dropped = sorted(set(ks) - set(grid))
print(f"{len(bow)} document parts in '{language}'; engine {engine}; K grid {grid}"
      + (f" (instead of {sorted(ks)}: {len(bow)} documents support at most "
         f"{len(bow) // 2} topics)" if dropped else ""))

# %% [markdown]
# ## One fit per K and seed
#
# Every fit leaves out the same tenth of the documents it fits. For each of those, half of its words
# (drawn at random, the same half for every fit) is shown to the fitted model, which
# estimates the document's topic proportions from them with its topics fixed; the model is
# then scored on how probable it finds the other half. That is *document completion*
# (Wallach et al. 2009), the held-out likelihood stm's `searchK` reports; the perplexity is
# `exp(-mean log-likelihood per word)`, lower is better, and it is the number of equally
# likely words the model is, on average, choosing among.
#
# NPMI and semantic coherence (Mimno et al. 2011) count, in all documents, how often each
# topic's ten top words occur in the same document; exclusivity (as stm computes it) rewards
# top words that are frequent in their topic and rare in the others; diversity is the share
# of distinct words among all topics' top 25; stability is the share of a topic's top 20
# words that its best partner in another seed's run also has (topics paired one to one).
# Under the fits' lines, a sentence says how many sweeps the anchor engine's chains ran and
# whether each had settled (`sweeps` and `settled` in the table): a K judged on a chain still
# on its way is judged too early.
#
# On a large corpus the fits are the slow part, and their time grows with the number of
# tokens. `sample_docs` bounds it: when a language has more document parts than that, every
# fit uses the same random sample of that many, the held-out tenth drawn among them, while
# NPMI and coherence are still counted in all documents; the table's `documents` column says
# how many were fitted. The price is that K is judged on fewer documents than notebook 04's
# model will have, and more documents can support more topics, so a sample can favour a
# smaller K, by more than one step of the grid, and where the fits differ between seeds it
# can move the choice either way. The standard errors below cannot show that,
# since every seed fits the same sample. A line under the fits says whether a sample was
# used; to check a choice made on one, run the notebook again with a larger `sample_docs`, or
# `None` for every document part, and compare the tables.

# %%
selection = topics_sweep(bow, dictionary, grid, seeds, passes=passes, iterations=iterations,
                         workers=workers, progress=print, engine=engine, sweeps=sweeps,
                         sample=sample_docs)
table_write(selection, paths.tables / f"model_selection_{language}.csv")
print(fit_sample_report(selection, len(bow)))
print(sweep_report(selection))

# %%
# NBVAL_CHECK_OUTPUT
summary = textstat_k(selection)
table_write(summary, paths.tables / f"model_selection_summary_{language}.csv")
summary.pivot(index="k", columns="metric", values="mean")[summary["metric"].unique()].round(3)

# %% [markdown]
# ## The rule that chooses K
#
# The rule uses held-out perplexity: it is the one measure taken on documents the model did
# not see, so it penalises too many topics as well as too few, and every K is scored on the
# same held-out words. The rule finds the K with the lowest mean perplexity over seeds and
# then takes the *smallest* K whose mean is within one standard error of that best mean (the
# one-standard-error rule of Breiman et al. 1984): a smaller model that predicts as well,
# within the noise between seeds, is preferred. The choice depends only on each K's own
# numbers, so adding values of K far from it does not change it. Perplexity says how well a
# model predicts words, not how readable its topics are (Chang et al. 2009); read the other
# measures beside it, and set `num_topics` to override the rule.

# %%
# NBVAL_CHECK_OUTPUT
choice = k_choose(selection, primary=PRIMARY)
rule_k = int(choice.loc[choice.chosen, "k"].iloc[0])
chosen = int(num_topics) if num_topics is not None else rule_k
choice["used"] = choice["k"] == chosen
table_write(choice, paths.tables / f"model_choice_{language}.csv")
k_write(paths.choice_file(language), chosen)
print(f"K = {chosen}" + (" (set by the num_topics parameter)" if num_topics is not None else
                        " (chosen by the rule)"))
choice[["k", "seeds", PRIMARY, f"{PRIMARY}_se", "best", "within_1se", "chosen",
        "used"]].round(3)

# %% [markdown]
# Each panel shows one measure against K: the mean over seeds with one standard error either
# side, each seed's own value as a small dot, and the chosen K as a dashed line. In the
# perplexity panel, the shaded band holds the K within one standard error of the best.

# %%
fig = plot_model_selection(selection, choice, primary=PRIMARY, chosen=chosen)
figure_write(fig, paths.figures / f"03_model_selection_{language}.png")
fig

# %% [markdown]
# ## What the data show
#
# The paragraph below is written from the table above, not typed: rerun the notebook on
# another corpus and it says what that corpus shows.

# %%
# NBVAL_CHECK_OUTPUT
print(k_verdict(choice, primary=PRIMARY, fitted=sweep_fitted(selection, len(bow))))
if num_topics is not None and num_topics != rule_k:
    print(f"The later notebooks use K = {chosen}, set by the num_topics parameter.")

# %% [markdown]
# ## Exercises
#
# 1. Which K have the best mean NPMI, exclusivity and stability? Do they agree with the K of
#    the rule? What would you conclude if they do not?
# 2. Add K = 2 and 3 to `ks`. Which of the choice's numbers change, and which stay as they
#    were? Why does the rule's choice stay unless one of the new K comes within one standard
#    error of the best?
# 3. Add two seeds. Do the standard errors shrink, and does the set of K within one standard
#    error of the best change?
# 4. Set `num_topics` to another K within the band and compare its topics in notebook 04.
# 5. Run this notebook and notebook 04 with `engine = "gensim"`. Which K does the rule choose
#    now, and how many planned themes does notebook 04 recover at it?
