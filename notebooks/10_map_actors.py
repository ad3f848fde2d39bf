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
# # 10 · Map actors and concepts
#
# **Question.** Who is talked about together with which concepts? When a sentence names
# managers and control, or caseworkers and discretion, it ties an actor to a concept. Counted
# over all sentences, these ties form a network: actors on one side, the dictionary's
# concepts on the other. A frequent actor shares sentences with every concept just by being
# frequent, so a tie is weighted by how much more often the two meet than their own
# frequencies predict (pointwise mutual information, PMI; Church & Hanks 1990), with the
# counts beside it. The notebook also shows where chosen terms occur across the years.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/10_map_actors/ when run by hand; make passes "."
language = "en"  # en or nb
actors_file = "lexicon/actors.yaml"  # relative to the project root
concepts_file = "lexicon/dictionary_logics.yaml"
min_sentences = 5  # ties in fewer sentences are left out of the figure (not of the table)
min_pmi = 0.5  # ties with a lower PMI are left out of the figure (0.5: lift 1.4)
dispersion_terms = ["automation", "platform", "dashboard", "discretion", "trust"]
period_from = 2019  # the terms' use from this year on is compared with before it

# %%
from digiwelfare.checks import choice_check, int_check
from digiwelfare.config import ROOT, paths_resolve
from digiwelfare.corpus import corpus_read
from digiwelfare.dictionaries import (
    dictionary_read,
    sentences_lemmatize,
    sentences_match,
    terms_locate,
    textstat_term_periods,
)
from digiwelfare.figures import figure_write
from digiwelfare.figures_discourse import plot_dispersion, plot_network
from digiwelfare.files import table_write
from digiwelfare.networks import network_projection, textstat_network
from digiwelfare.products import parts_read
from digiwelfare.runs import LANGUAGES

paths = paths_resolve(corpus, out, "10_map_actors", language)
choice_check("language", language, LANGUAGES)
int_check("min_sentences", min_sentences, 1, 10_000)
int_check("period_from", period_from, 1900, 2100)
docs = corpus_read(paths.corpus, texts=False)  # metadata: the texts are in the parts
actors = dictionary_read(ROOT / actors_file)
concepts = dictionary_read(ROOT / concepts_file)
parts = parts_read(paths.parts_file(), language)
print(f"{len(parts)} document parts; {len(actors)} kinds of actor, {len(concepts)} concepts")

# %% [markdown]
# ## The ties
#
# `both` counts the sentences in which the actor and the concept occur together,
# `sentences_actor` and `sentences_concept` those of each, `expected` what chance would give
# (`sentences_actor * sentences_concept / n_sentences`); `lift = both / expected` and
# `pmi = log2(lift)`: positive when they meet more often than chance.

# %%
sentences = sentences_lemmatize(parts, language)
actor_hits = sentences_match(sentences, actors, language)
concept_hits = sentences_match(sentences, concepts, language)
edges = textstat_network(actor_hits, concept_hits, n_sentences=len(sentences))
table_write(edges, paths.tables / f"network_edges_{language}.csv")
missing = sorted(set(actors) - set(actor_hits["category"]))
if missing:
    print(f"Actors found in no sentence: {', '.join(missing)}")
print(f"{len(sentences)} sentences; {len(edges)} actor-concept pairs share one, "
      f"{int((edges.pmi > 0).sum())} more often than chance")
if len(sentences) < 500:
    print("Caveat: fewer than 500 sentences; a pair seen in one or two of them can get a large "
          "PMI by chance, so read the `both` column before the PMI.")

# %%
# NBVAL_CHECK_OUTPUT
edges.pivot(index="concept", columns="actor", values="pmi").round(2)

# %%
shown = edges[(edges.pmi >= max(min_pmi, 0)) & (edges.both >= min_sentences)]
print(f"The figure shows {len(shown)} ties in at least {min_sentences} sentences with PMI of at "
      f"least {min_pmi}")
fig = plot_network(shown)
figure_write(fig, paths.figures / f"10_actor_network_{language}.png")
fig

# %% [markdown]
# ## One-mode projections
#
# Two actors are close when they are drawn to the same concepts, two concepts when the same
# actors are drawn to them (PMI above 0, in at least `min_sentences` sentences); a tie's
# weight sums, over what they share, the smaller of their two PMIs.

# %%
# NBVAL_CHECK_OUTPUT
projections = {}
for side in ("actor", "concept"):
    projections[side] = network_projection(edges, side, min_both=min_sentences)
    table_write(projections[side], paths.tables / f"network_{side}s_{language}.csv")
    print(side, "pairs, strongest first:")
    print(projections[side].head(5).round(2).to_string(index=False))

# %% [markdown]
# ## Where the terms occur
#
# Each mark is one occurrence (lemma); documents are laid out in order of year, and the
# number beside a term counts its hits. Documents without a year are left out.

# %%
terms = [t.lower() for t in dispersion_terms]
positions = terms_locate(parts, docs, terms, language)
fig = plot_dispersion(positions, terms)
figure_write(fig, paths.figures / f"10_dispersion_{language}.png")
fig

# %% [markdown]
# The same occurrences counted by period: how many documents use each term before
# `period_from` and from it on.

# %%
# NBVAL_CHECK_OUTPUT
periods = textstat_term_periods(positions, parts, docs, terms, period_from)
table_write(periods, paths.tables / f"term_periods_{language}.csv")
periods.pivot(index="term", columns="period", values="share").loc[terms].round(2)

# %% [markdown]
# ## What the data show
#
# Computed from the tables above, so it changes with the corpus and the parameters.

# %%
if shown.empty:
    print(f"No actor and concept meet clearly above chance (PMI {min_pmi} or more) in "
          f"{min_sentences} sentences or more.")
else:
    r = shown.iloc[0]
    print(f"The strongest tie is {r.actor} with {r.concept}: {r.both} sentences against "
          f"{r.expected:.1f} expected (lift {r.lift:.2f}, PMI {r.pmi:.2f}).")
    for actor, g in shown.groupby("actor", sort=True):
        print(f"  {actor}: drawn most to {g.iloc[0].concept} (lift {g.iloc[0].lift:.2f})")
for term, g in periods.groupby("term", sort=False):
    before, after = g.iloc[0], g.iloc[1]
    ratio = (f"a share {after.share / before.share:.1f} times as large" if before.using else
             "none before")
    print(f"'{term}': used in {after.using} of {after.documents} documents from {period_from} "
          f"on ({after.share:.0%}), {before.using} of {before.documents} before "
          f"({before.share:.0%}); {ratio}.")
counts = positions["term"].value_counts()
print("Hits of the dispersion terms: " + ", ".join(f"{t} {counts.get(t, 0)}" for t in terms)
      + f", in {positions.id.nunique()} of {positions.attrs.get('n_documents', 0)} documents.")

# %% [markdown]
# ## Exercises
#
# 1. Which concept ties most strongly to service users, and which to managers? Does that fit
#    the logics of data in management?
# 2. Raise `min_sentences` until the figure is readable at print size. What disappears first?
# 3. Add an actor category (e.g. trade unions) to `actors.yaml` and rerun.
# 4. Add `algorithm` and `checklist` to `dispersion_terms`. Which of them belongs to the
#    early years and which to the late ones?
