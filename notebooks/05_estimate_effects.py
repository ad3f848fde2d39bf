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
# # 05 · Estimate effects
#
# **Question.** Do topics rise or fall over the years, and do policy documents, project
# reports and abstracts differ in how much of each topic they hold, once the uncertainty of
# the topic model itself is counted?
#
# A document's topic proportions are estimates, not data. Treating them as known makes
# intervals too narrow. As in STM's `estimateEffect`, this notebook uses the *method of
# composition*: it draws each document's proportions from the model's posterior many times,
# regresses them on the covariates each time, and reads estimates and 95 % intervals off all
# the draws together. Each fit gives several draws of the coefficients (`n_sims` draws from
# `theta_draws` fits): the fits are what costs more as the corpus grows.
#
# The regression respects that a topic proportion lies between 0 and 1: it is a
# *fractional logit* (a quasi-binomial model with a logit link), so every expected
# proportion and every interval bound stays between 0 and 1, where a straight-line model can
# predict negative shares. Year enters as a smooth curve (a cubic spline on the logit scale).
# The differences between two document types, or between two years, are computed draw by draw
# and so carry their own intervals. Runs once per language.
#
# Before anything is fitted, the notes under the first cell say which documents are left out
# (no year, no document type), which covariates are dropped (a single value in this corpus,
# or coinciding with another covariate so that their effects cannot be told apart) and which
# levels hold too few documents to say much.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/05_estimate_effects/ when run by hand; make passes "."
language = "en"  # one of digiwelfare.runs.LANGUAGES: the model of notebook 04
covariates = ["doc_type", "country", "language"]  # categorical metadata columns
year = "year"  # the time column (a spline), or None
contrasts = [["year", 2022, 2016]]  # extra (covariate, a, b) contrasts a - b to estimate
n_sims = 50_000  # draws of the effects (50,000: bounds stable to 0.005)
theta_draws = None  # fits of drawn topic proportions; None: 1,000, fewer above 2,000 documents
min_docs = 5  # levels with fewer documents are reported
seed = 20261123
workers = 2  # threads for the draws; the table is the same, to the byte, with any number
topic_labels = {}  # the same names as in notebook 04, if you gave some

# %%

import pandas as pd

from digiwelfare.checks import choice_check, int_check
from digiwelfare.config import paths_resolve
from digiwelfare.corpus import corpus_read
from digiwelfare.design import contrasts_select, design_build
from digiwelfare.effects import (
    CARRY_SHARE,
    CAVEAT_WIDTH,
    effects_caveats,
    textstat_effects,
    theta_draws_auto,
)
from digiwelfare.figures import figure_write, plot_effects_difference, plot_effects_time
from digiwelfare.files import table_write
from digiwelfare.products import posterior_read
from digiwelfare.runs import LANGUAGES
from digiwelfare.topics import model_read, textstat_word_probabilities, topics_label

paths = paths_resolve(corpus, out, "05_estimate_effects", language)
choice_check("language", language, LANGUAGES)
int_check("n_sims", n_sims, 10, 100_000)
int_check("workers", workers, 1, 64)
docs = corpus_read(paths.corpus, texts=False)  # metadata: the texts are in the parts
ids, gamma = posterior_read(paths.posterior_file(language))  # notebook 04 inferred it
model = model_read(paths.model_dir(language))
meta = pd.DataFrame({"id": ids}).merge(docs, on="id", how="left")
design, dropped = design_build(meta, covariates, year, min_docs=min_docs)
chosen, skipped = contrasts_select(design, contrasts)
labels = topics_label(textstat_word_probabilities(model, n=3), names=topic_labels)
print(f"{len(design.meta)} of {len(ids)} documents, {model.num_topics} topics; covariates: "
      f"{', '.join(design.categorical + ([design.year] if design.year else [])) or 'none'}")
print("reference levels:", design.references)
for note in design.notes + skipped:
    print("note:", note)

# %%
fits = theta_draws or theta_draws_auto(len(design.meta), n_sims)
effects = textstat_effects(gamma, design, n_sims=n_sims, seed=seed, contrasts=chosen,
                           min_carry=min_docs, workers=workers, theta_draws=fits)
print(f"{n_sims} draws of the effects from {fits} fits of drawn topic proportions")
table_write(effects, paths.tables / f"topic_effects_{language}.csv")

# %% [markdown]
# ## Differences between document types
#
# Each point is the difference in expected topic proportion between a document type and the
# reference type (the most common one), with the other covariates as observed; the bar is its
# 95 % interval. An interval that does not cross zero marks a difference the model is
# confident of. The table holds every pair of types.

# %%
# NBVAL_CHECK_OUTPUT
diffs = effects[(effects.kind == "difference") & (effects.covariate == "doc_type")]
diffs.assign(label=diffs.topic.map(labels)).round(3).set_index(["label", "level"])[
    ["estimate", "ci_low", "ci_high"]]

# %%
fig = plot_effects_difference(effects, labels, covariate="doc_type")
figure_write(fig, paths.figures / f"05_effects_doc_type_{language}.png")
fig

# %% [markdown]
# ## Topics over time
#
# The expected proportion of each topic in each year, with its 95 % interval. Bands widen
# where few documents were written. Below, the change between two years (the `contrasts`
# parameter and the first and last year) with its interval.

# %%
fig = plot_effects_time(effects, labels, year=year)
figure_write(fig, paths.figures / f"05_effects_year_{language}.png")
fig

# %%
fig = plot_effects_difference(effects, labels, covariate=year,
                              contrasts=[f"{a} - {b}" for c, a, b in chosen if c == year])
figure_write(fig, paths.figures / f"05_effects_year_contrast_{language}.png")
fig

# %% [markdown]
# ## What the data show
#
# Read off the effects table (`results/tables/topic_effects_<language>.csv`), contrast by
# contrast: the topics whose change between two years, or whose difference between two
# levels of a covariate, has a 95 % interval that excludes zero ("higher": more of the topic
# in the first of the two). The other topics may differ too, but this corpus cannot tell.
# With many contrasts some intervals miss zero by chance alone (about 1 in 20 where there is
# no difference), so read an isolated one with care and a consistent pattern with more trust.
#
# Some topics are flagged (`caveat` in the table): a topic that few documents carry (a
# document carries it when its expected share of the topic is at least `CARRY_SHARE`), or
# whose interval somewhere is wider than `CAVEAT_WIDTH`, has a year curve that can span
# nearly 0 to 1. Its estimates say little either way; the last lines name such topics.

# %%
# NBVAL_CHECK_OUTPUT
clear = effects[(effects.kind == "difference") & ((effects.ci_low > 0) | (effects.ci_high < 0))]
for (cov, contrast), rows in clear.groupby(["covariate", "level"]):
    print(f"{cov}, {contrast}:")
    for row in rows.sort_values("estimate", ascending=False).itertuples():
        print(f"  {'higher' if row.estimate > 0 else 'lower '} {labels[row.topic]}: "
              f"{row.estimate:+.3f} (95 % interval {row.ci_low:+.3f} to {row.ci_high:+.3f})")
n_diff = (effects.kind == "difference").sum()
print(f"{len(clear)} of {n_diff} topic contrasts have an interval that excludes zero.")
for row in effects_caveats(effects).itertuples():
    print(f"caveat: {labels[row.topic]}: {row.docs_carrying} documents hold a share of at least "
          f"{CARRY_SHARE:g} of it; its widest interval spans {row.widest:.2f} (flagged above "
          f"{CAVEAT_WIDTH:g}, or under {min_docs} documents): read its estimates as weak.")

# %% [markdown]
# ## Exercises
#
# 1. Set `n_sims = 100` and rerun. How far do the interval bounds move? Why do more draws
#    matter for the 2.5 % and 97.5 % bounds in particular? Then set `theta_draws = 50` and
#    compare: which of the two numbers moves the bounds more on this corpus?
# 2. Remove `country` from `covariates`. Do the document-type differences change? What does
#    that say about how document type and country are spread across the corpus?
# 3. Add `["doc_type", "abstract", "policy_document"]` and another pair of years to
#    `contrasts`. Which topic changes most, and is its interval clear of zero?
# 4. Pick the topic with the clearest rise above. Read two of its documents from the last
#    years (notebook 04 lists the most representative ones) and say in a sentence what the
#    rise is made of.
