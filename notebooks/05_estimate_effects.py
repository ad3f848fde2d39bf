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
# the draws together. Year enters as a smooth curve (a cubic spline). Runs once per language.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = "."  # where figures/, results/ and build/ are written
language = "en"  # en or nb: the model of notebook 04 for this language
covariates = ["doc_type", "country", "language"]  # categorical metadata columns
year = "year"  # the time column (a spline), or None
n_sims = 100  # draws of the topic proportions
seed = 20261123
topic_labels = {}  # the same names as in notebook 04, if you gave some

# %%
from digiwelfare.config import choice_check, int_check, paths_resolve, table_write
from digiwelfare.corpus import LANGUAGES, column_check, corpus_load
from digiwelfare.effects import design_build, textstat_effects, topics_posterior
from digiwelfare.figures import figure_save, plot_effects_difference, plot_effects_time
from digiwelfare.tokens import tokens_read
from digiwelfare.topics import model_load, textstat_top_words, topics_label

paths = paths_resolve(corpus, out)
choice_check("language", language, LANGUAGES)
int_check("n_sims", n_sims, 10, 10_000)
docs = corpus_load(paths.corpus)
for c in [*covariates, *([year] if year else [])]:
    column_check(docs, c, name="covariates")
tokens = tokens_read(paths.tokens_file(), language)
model = model_load(paths.model_dir(language))
bow = [model.id2word.doc2bow(t) for t in tokens["tokens"]]
meta = tokens[["id"]].merge(docs, on="id", how="left")
design, dropped = design_build(meta, covariates, year)
labels = topics_label(textstat_top_words(model, n=3), names=topic_labels)
print(f"{len(bow)} documents, {model.num_topics} topics; covariates "
      f"{design.categorical + ([design.year] if design.year else [])}"
      + (f"; left out (one value only here): {dropped}" if dropped else ""))
print("reference levels:", design.references)

# %%
gamma = topics_posterior(model, bow)
effects = textstat_effects(gamma, design, n_sims=n_sims, seed=seed)
table_write(effects, paths.tables / f"topic_effects_{language}.csv")

# %% [markdown]
# ## Differences between document types
#
# Each point is the difference in expected topic proportion between a document type and the
# reference type, with the other covariates as observed; the bar is its 95 % interval. An
# interval that does not cross zero marks a difference the model is confident of.

# %%
# NBVAL_CHECK_OUTPUT
diffs = effects[(effects.kind == "difference") & (effects.covariate == "doc_type")]
diffs.assign(label=diffs.topic.map(labels)).round(3).set_index(["label", "level"])[
    ["estimate", "ci_low", "ci_high"]]

# %%
fig = plot_effects_difference(effects, labels, covariate="doc_type")
figure_save(fig, paths.figures / f"05_effects_doc_type_{language}.png")
fig

# %% [markdown]
# ## Topics over time
#
# The expected proportion of each topic in each year, with its 95 % interval. Bands widen
# where few documents were written.

# %%
fig = plot_effects_time(effects, labels, year=year)
figure_save(fig, paths.figures / f"05_effects_year_{language}.png")
fig

# %% [markdown]
# ## Exercises
#
# 1. Set `n_sims = 10` and rerun. How much do the intervals move? Why do more draws matter?
# 2. Remove `country` from `covariates`. Do the document-type differences change?
# 3. Which topic grows most after 2018? Read two of its documents from that period.
