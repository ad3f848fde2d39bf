# %% [markdown]
# # 03 · Select the model
#
# **Question.** How many topics should the model of one language have, and how sure can we
# be of that choice?
#
# There is no true number of topics. What can be measured is how each choice behaves: are its
# topics *coherent* (their top words occur together in the documents), *diverse* (topics do
# not repeat one another), *stable* (another random seed gives the same topics), and how well
# does the model predict documents it has not seen (*held-out perplexity*)? This notebook fits
# one model per K and seed and measures all of that. It runs once per language.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = "."  # where figures/, results/ and build/ are written
language = "en"  # en or nb
ks = [4, 6, 8, 10, 12]  # the grid of K (values the corpus cannot support are dropped)
seeds = [1, 2, 3]  # one fit per K and seed
passes = 20  # passes over the corpus per fit
iterations = 200  # inference iterations per document and pass
workers = 2  # parallel processes; the results do not depend on it
num_topics = None  # set a number to override the rule below

# %%
from digiwelfare.config import (
    choice_check,
    file_write_atomic,
    int_check,
    paths_resolve,
    table_write,
)
from digiwelfare.corpus import LANGUAGES
from digiwelfare.figures import figure_save, plot_model_selection
from digiwelfare.tokens import bow_load
from digiwelfare.topics import k_check, k_choose, k_grid, topics_sweep

paths = paths_resolve(corpus, out)
choice_check("language", language, LANGUAGES)
int_check("workers", workers, 1, 64)
tokens, dictionary, bow = bow_load(paths, language)
grid = k_grid(ks, len(tokens))
if num_topics is not None:
    k_check(num_topics, len(tokens))
if not grid:
    k_check(min(ks), len(tokens), name="ks")  # fewer than four documents: says so
texts = [[w for w in t if w in dictionary.token2id] for t in tokens["tokens"]]
dropped = sorted(set(ks) - set(grid))
print(f"{len(bow)} document parts in '{language}'; K grid {grid}"
      + (f" (instead of {sorted(ks)}: {len(bow)} documents support at most "
         f"{len(bow) // 2} topics)" if dropped else ""))

# %% [markdown]
# ## One fit per K and seed
#
# Each fit leaves out the same tenth of the documents, to measure perplexity on them.
# Coherence is computed on all documents with each topic's ten most probable words.

# %%
selection = topics_sweep(bow, texts, dictionary, grid, seeds, passes=passes,
                         iterations=iterations, workers=workers)
table_write(selection, paths.tables / f"model_selection_{language}.csv")

# %%
# NBVAL_CHECK_OUTPUT
selection.round(3)

# %% [markdown]
# ## The rule that chooses K
#
# For each K, the mean over seeds of four measures is standardised across the grid (a
# z-score): NPMI coherence, c_v coherence, topic diversity and stability. K's score is the
# mean of the four; the highest score wins, the smaller K on a tie. Perplexity is shown but
# does not vote: it keeps improving with K long after people stop finding the topics
# meaningful (Chang et al. 2009). Set `num_topics` to override the rule.

# %%
# NBVAL_CHECK_OUTPUT
choice = k_choose(selection)
rule_k = int(choice.loc[choice.chosen, "k"].iloc[0])
chosen = int(num_topics) if num_topics is not None else rule_k
choice["used"] = choice["k"] == chosen
table_write(choice, paths.tables / f"model_choice_{language}.csv")
file_write_atomic(paths.choice_file(language), f"{chosen}\n".encode())
print(f"K = {chosen}" + (" (set by the num_topics parameter)" if num_topics is not None else
                        " (chosen by the rule)"))
choice.round(3)

# %%
fig = plot_model_selection(selection, chosen)
figure_save(fig, paths.figures / f"03_model_selection_{language}.png")
fig

# %% [markdown]
# ## Exercises
#
# 1. Which measure disagrees most with the rule's choice? Why might perplexity prefer more
#    topics than coherence does?
# 2. Add a seed. Does the stability of the chosen K change?
# 3. Set `num_topics` to the runner-up and compare its topics in notebook 04.
