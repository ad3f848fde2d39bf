# %% [markdown]
# # 06 · Guide topics with theory
#
# **Question.** What do the documents say about concepts we already care about, such as the
# three logics of data in management (control, care and facilitation), efficiency or
# discretion, and does a model told about them find them better than one left alone?
#
# As keyATM does for R, a *guided* model gets keyword lists (here: categories of the
# compendium's discourse dictionary) as seeds: each seeded topic's prior puts extra weight on
# its keywords, and free topics take the rest. The fit can still move a seeded topic away
# from its keywords if the documents do not support them; the table below shows how much
# each keeps. Runs once per language.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = "."  # where figures/, results/ and build/ are written
language = "en"  # en or nb
dictionary_file = "src/digiwelfare/data/dictionary_logics.yaml"  # relative to the project root
seed_categories = ["control", "care", "facilitation", "efficiency", "discretion", "datafication"]
n_free = 4  # unguided topics beside the seeded ones
boost = 50.0  # pseudo-counts added to each seed word in its topic (see below)
min_seeds = 2  # a category with fewer seed words in the vocabulary is left out
passes = 20
iterations = 400
seed = 20261123
restarts = 3
top_n = 10

# %%
import pandas as pd

from digiwelfare.config import ROOT, choice_check, int_check, paths_resolve, table_write
from digiwelfare.corpus import LANGUAGES
from digiwelfare.discourse import dictionary_load
from digiwelfare.figures import figure_save, plot_seed_retention
from digiwelfare.tokens import bow_load
from digiwelfare.topics import (
    eta_seeded,
    model_load,
    seeds_expand,
    textstat_seed_retention,
    textstat_top_words,
    topics_fit_best,
)

paths = paths_resolve(corpus, out)
choice_check("language", language, LANGUAGES)
int_check("n_free", n_free, 0, 50)
lexicon = dictionary_load(ROOT / dictionary_file)
for c in seed_categories:
    choice_check("seed_categories", c, list(lexicon))
tokens, dictionary, bow = bow_load(paths, language)
expanded = {c: seeds_expand([e.text for e in lexicon[c].get(language, [])], dictionary)
            for c in seed_categories}
seeds = {c: words for c, words in expanded.items() if len(words) >= min_seeds}
left_out = sorted(set(expanded) - set(seeds))
print(f"{len(seeds)} seeded topics + {n_free} free"
      + (f"; left out for too few seed words here: {left_out}" if left_out else ""))

# %% [markdown]
# ## The seed words found in this language's vocabulary

# %%
# NBVAL_CHECK_OUTPUT
pd.DataFrame({"seed words": {c: ", ".join(w) for c, w in seeds.items()}})

# %% [markdown]
# The prior is counted in imagined occurrences: with `boost = 50`, a seeded topic starts as
# if it had seen each of its seed words 50 times. That is strong enough to hold a topic to
# its keywords where the documents use them, and weak enough that the documents decide the
# rest of its words. Try 10 and 200 (exercise 1).

# %%
eta, names = eta_seeded(dictionary, seeds, n_free, boost=boost)
guided = topics_fit_best(bow, dictionary, len(names), restarts=restarts, seed=seed,
                         passes=passes, iterations=iterations, eta=eta)
unguided = model_load(paths.model_dir(language))

# %% [markdown]
# ## Guided and unguided, side by side
#
# For each seed list: the guided topic it seeded, and the topic of notebook 04's unguided model
# that puts the most probability on the same words. `seeds_in_top` counts seed words among
# the topic's 20 most probable words.

# %%
# NBVAL_CHECK_OUTPUT
kept = textstat_seed_retention(guided, seeds, topn=20)
found = textstat_seed_retention(unguided, seeds, topn=20, guided=False)
words_g = textstat_top_words(guided, n=top_n).groupby("topic")["word"].apply(", ".join)
words_u = textstat_top_words(unguided, n=top_n).groupby("topic")["word"].apply(", ".join)
side = kept.merge(found, on=["name", "seeds"], suffixes=("_guided", "_unguided"))
side["words_guided"] = side["topic_guided"].map(words_g)
side["words_unguided"] = side["topic_unguided"].map(words_u)
table_write(side, paths.tables / f"guided_topics_{language}.csv")
side.round(3)

# %% [markdown]
# The free topics of the guided model:

# %%
# NBVAL_CHECK_OUTPUT
pd.DataFrame({"name": names, "top words": words_g.to_numpy()}).iloc[len(seeds):]

# %%
fig = plot_seed_retention(kept, found)
figure_save(fig, paths.figures / f"06_seed_retention_{language}.png")
fig

# %% [markdown]
# ## Exercises
#
# 1. Set `boost = 10` and then `boost = 200`. Which seeded topics drift away from their
#    keywords, and which words join them?
# 2. Add your own category to the dictionary file and seed it. Does the corpus support it?
# 3. Compare a guided topic's words with its seed list: which words did the documents add?
