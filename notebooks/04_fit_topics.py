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
# # 04 · Fit topics
#
# **Question.** Which themes run through the documents of one language, which words and
# documents carry each of them, and how much of each does a project report, a policy
# document or an abstract hold?
#
# A topic model (latent Dirichlet allocation) describes every document as a mixture of
# topics and every topic as a distribution over words. It is fitted, seeded, with the number
# of topics chosen in notebook 03 with the same engine (`engine`). The default, `anchor`,
# first reads the topics off the word co-occurrences: if every topic has an *anchor word*
# that occurs in it alone, each word's co-occurrence profile is a mixture of the anchors'
# profiles, so the anchors and then the topics can be found without a random start (Arora
# et al. 2013). Collapsed Gibbs sampling (Griffiths & Steyvers 2004) then refines those
# topics token by token. The other engine, `gensim`, is gensim's `LdaModel` (variational
# Bayes, Hoffman, Blei & Bach 2010), which starts at random and found fewer of the demo
# corpus's planned themes (README, "The topic engine"). Set the same engine in notebook 03,
# so that K is chosen with the engine that is fitted. Several restarts are fitted and the
# one that explains the documents best is kept. The notebook runs once per language; which
# engine fitted this model is printed below.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/04_fit_topics/ when run by hand; make passes "."
language = "en"  # en or nb: which language's document parts are modelled
num_topics = None  # K; None takes the number chosen by notebook 03
engine = "anchor"  # anchor (anchor words, then Gibbs sampling) or gensim (variational Bayes)
passes = 20  # gensim: passes over the corpus during training
iterations = 400  # gensim: inference iterations per document and pass
sweeps = "auto"  # anchor: Gibbs sweeps; "auto" runs until the chain settles (or a number)
seed = 20261123  # the restarts' seeds are derived from it
restarts = 3  # fits with seeds derived from seed; the one that explains the documents best
workers = 2  # anchor engine: threads for the restarts and the documents' topics (same bytes)
top_n = 10  # words shown per topic
lam = 0.6  # relevance weight (1: by probability only; lower: words specific to the topic)
topic_labels = {}  # your names for the topics, e.g. {1: "Home care technology"}

# %%
from digiwelfare.checks import choice_check, int_check
from digiwelfare.config import paths_resolve
from digiwelfare.corpus import corpus_read
from digiwelfare.effects import topics_posterior_saved
from digiwelfare.figures import (
    figure_write,
    plot_empty,
    plot_plan_recovery,
    plot_topic_prevalence,
)
from digiwelfare.figures_validation import plot_chain_trace
from digiwelfare.files import table_write
from digiwelfare.gibbs import chain_report, chain_trace
from digiwelfare.plan import (
    plan_read,
    plan_summary,
    textstat_plan_correlations,
    textstat_plan_recovery,
)
from digiwelfare.products import bow_read, doc_topics_write, k_read, posterior_write
from digiwelfare.report import ldavis_write
from digiwelfare.runs import LANGUAGES
from digiwelfare.topics import (
    bow_count,
    k_check,
    model_write,
    representatives_select,
    textstat_doc_topics,
    textstat_doc_topics_long,
    textstat_prevalence,
    textstat_topic_words,
    textstat_topics,
    topics_fit_best,
    topics_label,
    topics_word_matrix,
)

paths = paths_resolve(corpus, out, "04_fit_topics", language)
choice_check("language", language, LANGUAGES)
tokens, dictionary, bow = bow_read(paths, language, token_lists=False)
if num_topics is None:
    num_topics = k_read(paths.choice_file(language))
k_check(num_topics, len(tokens))
int_check("passes", passes, 1, 1000)
int_check("restarts", restarts, 1, 20)
int_check("workers", workers, 1, 64)
int_check("top_n", top_n, 3, 50)
docs = corpus_read(paths.corpus, texts=False)  # metadata; the browser reads the texts it shows
print(f"{len(bow)} document parts in '{language}', {len(dictionary)} lemmas, K = {num_topics}, "
      f"engine {engine}")

# %%
model = topics_fit_best(bow, dictionary, num_topics, restarts=restarts, seed=seed,
                        engine=engine, passes=passes, iterations=iterations, sweeps=sweeps,
                        workers=workers)
model_write(model, paths.model_dir(language))
posterior = topics_posterior_saved(model, bow, paths.model_dir(language), workers=workers)
posterior_write(tokens["id"], posterior, paths.posterior_file(language))  # for notebook 05
topic_words = textstat_topic_words(model, bow, n=len(dictionary), lam=lam)  # every word
table_write(topic_words, paths.tables / f"topic_words_{language}.csv")
doc_topics = textstat_doc_topics(model, bow, tokens["id"].tolist(), posterior=posterior)
doc_topics_write(doc_topics, paths.doc_topics_file(language))
table_write(textstat_doc_topics_long(doc_topics), paths.tables / f"doc_topics_{language}.csv")

# %% [markdown]
# ## Did the sampler settle?
#
# The anchor engine refines its start by Gibbs sampling. After every sweep it computes how
# probable the words and their topics are, log p(w, z) per token. While that still climbs,
# the chain is still on its way. With `sweeps: auto` it stops once the mean of its last
# sweeps (a quarter of them, at most 50) has stayed within 0.05% of the as many before, at
# three checks in a row, or once its topics have stopped moving (on a large corpus the trace
# creeps up long after the topics are fixed). Meeting a rule is necessary, not sufficient:
# one chain can rest on a plateau and climb again later. The trace below is the chain of
# the restart that was kept.

# %%
print(chain_report(model))
fig = plot_chain_trace(chain_trace(model),
                       f"Sampler trace of the '{language}' model, K = {num_topics}")
figure_write(fig, paths.figures / f"04_chain_trace_{language}.png")
fig

# %% [markdown]
# ## The topics
#
# Each topic twice: by its most probable words, and by *relevance* (Sievert & Shirley 2014),
# which lowers words that are frequent everywhere so that what is specific to the topic
# shows. `label` is yours to fill in `params/04_fit_topics__<language>.yaml`
# (`topic_labels`); until then it holds the three most probable words. Naming a topic is the
# analyst's job, done by reading its words and its documents below.

# %%
# NBVAL_CHECK_OUTPUT
top_words = topic_words[topic_words.rank_probability <= top_n].rename(
    columns={"rank_probability": "rank"})
labels = topics_label(top_words, names=topic_labels)
summary = textstat_topics(topic_words, doc_topics, labels, n=top_n)
table_write(summary, paths.tables / f"topics_{language}.csv")
summary.set_index("topic").round(3)

# %% [markdown]
# ## Documents that carry each topic
#
# The three documents with the largest share of each topic. Read them before you name it.

# %%
# NBVAL_CHECK_OUTPUT
representative = representatives_select(doc_topics, docs, n=3)
table_write(representative, paths.tables / f"topic_documents_{language}.csv")
representative.assign(proportion=representative.proportion.round(2))

# %% [markdown]
# ## Which kinds of document carry which topics
#
# The mean topic proportion among documents of each type, as described, without uncertainty.
# Notebook 05 estimates these differences with intervals.

# %%
prevalence = textstat_prevalence(doc_topics, docs, by="doc_type")
table_write(prevalence, paths.tables / f"topic_prevalence_{language}.csv")
fig = plot_topic_prevalence(prevalence, labels)
figure_write(fig, paths.figures / f"04_topic_prevalence_{language}.png")
fig

# %% [markdown]
# ## Against the corpus's design plan
#
# A corpus composed to a plan (`design/plan.csv`: each document's themes and their shares;
# the demo corpus has one, a real corpus does not) can check the model: a topic that
# captures a planned theme has proportions that rise and fall with the theme's planned share
# across documents. Each planned theme is paired with one topic, one to one, so that the
# summed correlation is largest (Hungarian algorithm), and the correlation is held against
# chance: the documents' topic proportions are shuffled against the plan 1,000 times and
# paired again (`chance_95` is the 95th percentile of what a theme gets then). A theme counts
# as recovered with a correlation of at least 0.5 that chance reaches in fewer than 5 % of
# the shuffles. The model never saw the plan; the plan was written before the texts.

# %%
# NBVAL_CHECK_OUTPUT
has_plan = paths.plan_file.is_file()
if has_plan:
    plan = plan_read(paths.plan_file)
    names = {str(k): v for k, v in labels.items()}
    recovery = textstat_plan_recovery(doc_topics, plan, seed=seed)
    correlations = textstat_plan_correlations(doc_topics, plan)
    table_write(recovery, paths.tables / f"plan_recovery_{language}.csv")
    table_write(correlations, paths.tables / f"plan_correlations_{language}.csv")
    print(plan_summary(recovery, names))
else:
    print(f"No design plan at {paths.plan_file.relative_to(paths.corpus.parent)}: nothing "
          "to check the topics against (only a composed corpus has one).")
recovery.round(3) if has_plan else None

# %%
fig = (plot_plan_recovery(correlations, recovery, labels=names)
       if has_plan else plot_empty("Topics against the design plan", "No design plan"))
figure_write(fig, paths.figures / f"04_plan_recovery_{language}.png")
fig

# %% [markdown]
# Read the heat map row by row. A row with one bright framed cell is a planned theme the
# model gave a topic of its own; a row with its brightest cell outside the frame is a theme
# whose best topic went to another theme; a dim row is a theme the model spread over
# several topics or merged with the document genre. A column bright in several rows is a
# topic that mixes those themes.

# %% [markdown]
# ## Browse the topics
#
# In JupyterLab, choose a topic and move the relevance weight λ: at 1 words are ranked by their
# probability in the topic, at 0 by how much more probable they are there than in all the
# documents (as in LDAvis). Below the words: the documents that carry the topic most, with the
# start of their text, and the topic's mean share by document type and by year. A pipeline run
# shows every topic at `lam` instead, as a static page.

# %%
from digiwelfare.explorers import explore_topics

explore_topics(topic_words, doc_topics, docs, labels, lam=lam, n=top_n, corpus=paths.corpus)

# %% [markdown]
# ## An interactive map of the topics
#
# `results/ldavis/ldavis_<language>.html` opens in a browser, offline: circles are topics
# (their distance shows how different their words are), bars the words of the selected topic
# with the relevance slider. Topic numbers are the same as in the tables above.

# %%
lengths = [sum(c for _, c in d) for d in bow]
page = ldavis_write(topics_word_matrix(model), doc_topics.drop(columns="id").to_numpy(), lengths,
                   [dictionary[i] for i in range(len(dictionary))],
                   bow_count(bow, len(dictionary)),
                   paths.out / "results" / "ldavis" / f"ldavis_{language}.html",
                   visid=f"ldavis_{language}")
print(page.relative_to(paths.out))

# %% [markdown]
# ## What the data show
#
# Computed from the tables above, so it changes with the corpus and the parameters.

# %%
# NBVAL_CHECK_OUTPUT
largest = summary.sort_values("prevalence", ascending=False).iloc[0]
print(f"{num_topics} topics in {len(bow)} '{language}' document parts; the largest, "
      f"{largest.label}, holds {largest.prevalence:.0%} of the words on average.")
wide = prevalence.pivot(index="topic", columns="group", values="prevalence")
for group, column in wide.items():
    k = int(column.idxmax())
    print(f"- {group} ({int(prevalence.loc[prevalence.group == group, 'documents'].iloc[0])} "
          f"documents): most of all {labels[k]} ({column.max():.0%} on average)")
ratio = wide.max(axis=1) / wide.apply(lambda r: r.nlargest(2).iloc[-1], axis=1)
genre = ratio[ratio >= 2]
print(f"{len(genre)} of {num_topics} topics are at least twice as large in one document type as "
      "in any other" + (f" ({'; '.join(labels[int(k)] for k in genre.index)}): they follow "
                        "the kind of document more than its theme." if len(genre) else "."))
if has_plan:
    print(plan_summary(recovery, names))

# %% [markdown]
# ## Exercises
#
# 1. Change `seed` and rerun. Which topics come back, and which split or merge?
# 2. Set `lam` to 0.3 and to 1.0. Which words move, and which list helps you name a topic?
# 3. Give the topics names in the parameter file and rerun: where do the names appear?
# 4. Which planned themes does the model not recover? Read the words of the topics in their
#    rows of the heat map: did a theme merge with another, or with a kind of document?
