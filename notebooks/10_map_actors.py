# %% [markdown]
# # 10 · Map actors and concepts
#
# **Question.** Who is talked about together with which concepts? When a sentence names
# managers and control, or caseworkers and discretion, it ties an actor to a concept. Counted
# over all sentences, these ties form a network: actors on one side, the dictionary's
# concepts on the other, each tie weighted by the sentences that make it. The notebook also
# shows where chosen terms occur across the years.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = "."  # where figures/, results/ and build/ are written
language = "en"  # en or nb
actors_file = "src/digiwelfare/data/actors.yaml"  # relative to the project root
concepts_file = "src/digiwelfare/data/dictionary_logics.yaml"
min_weight = 8  # ties in fewer sentences are left out of the figure (not of the table)
dispersion_terms = ["automation", "ai", "dashboard", "discretion", "trust"]
seed = 20261123

# %%
from digiwelfare.clean import corpus_clean
from digiwelfare.config import ROOT, choice_check, int_check, paths_resolve, table_write
from digiwelfare.corpus import LANGUAGES, corpus_load
from digiwelfare.discourse import (
    dictionary_load,
    network_projection,
    sentences_lemmatize,
    textstat_dispersion,
    textstat_network,
    textstat_sentence_categories,
)
from digiwelfare.figures import figure_save, plot_dispersion, plot_network
from digiwelfare.language import corpus_language_parts

paths = paths_resolve(corpus, out)
choice_check("language", language, LANGUAGES)
int_check("min_weight", min_weight, 1, 10_000)
docs = corpus_load(paths.corpus)
actors = dictionary_load(ROOT / actors_file)
concepts = dictionary_load(ROOT / concepts_file)
parts = corpus_language_parts(corpus_clean(docs), language)
print(f"{len(parts)} document parts; {len(actors)} kinds of actor, {len(concepts)} concepts")

# %% [markdown]
# ## The ties
#
# `weight` is the number of sentences in which the actor and the concept occur together.

# %%
# NBVAL_CHECK_OUTPUT
sentences = sentences_lemmatize(parts, language)
edges = textstat_network(textstat_sentence_categories(sentences, actors, language),
                         textstat_sentence_categories(sentences, concepts, language))
table_write(edges, paths.tables / f"network_edges_{language}.csv")
edges.pivot(index="concept", columns="actor", values="weight").fillna(0).astype(int)

# %%
fig = plot_network(edges[edges.weight >= min_weight], seed=seed)
figure_save(fig, paths.figures / f"10_actor_network_{language}.png")
fig

# %% [markdown]
# ## One-mode projections
#
# Two actors are close when they share concepts, two concepts when they share actors; a tie's
# weight sums, over what they share, the smaller of their two weights.

# %%
# NBVAL_CHECK_OUTPUT
for side in ("actor", "concept"):
    projection = network_projection(edges, side)
    table_write(projection, paths.tables / f"network_{side}s_{language}.csv")
    print(side, "pairs, strongest first:")
    print(projection.head(5).to_string(index=False))

# %% [markdown]
# ## Where the terms occur
#
# Each mark is one occurrence (lemma); documents are laid out in order of year.

# %%
positions = textstat_dispersion(parts, docs, dispersion_terms, language)
fig = plot_dispersion(positions, [t.lower() for t in dispersion_terms])
figure_save(fig, paths.figures / f"10_dispersion_{language}.png")
fig

# %% [markdown]
# ## Exercises
#
# 1. Which concept ties most strongly to service users, and which to managers? Does that fit
#    the logics of data in management?
# 2. Raise `min_weight` until the figure is readable at print size. What disappears first?
# 3. Add an actor category (e.g. trade unions) to `actors.yaml` and rerun.
