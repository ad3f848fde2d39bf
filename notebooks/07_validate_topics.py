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
# # 07 · Validate the topic engine
#
# **Question.** Does our topic model find topics that are really there? On real documents we
# never know the true topics. So we *plant* them: generate documents from the very process
# LDA assumes, with topics we choose, fit the model, and compare what it finds with what we
# planted.
#
# The comparison matches each planted topic to one fitted topic (one to one, the best
# overall pairing) and measures the cosine similarity of their word distributions: 1 means
# identical. The compendium's tests require a mean of at least 0.9.

# %% tags=["parameters"]
n_docs = 600  # documents generated
n_topics = 5  # planted topics
n_words = 400  # vocabulary size
doc_length = 80  # words per document
alpha = 0.2  # how mixed documents are (smaller: fewer topics per document)
beta = 0.05  # how concentrated topics are (smaller: fewer words per topic)
seed = 1  # of the generator and of the fits
restarts = 3  # gensim fits; the best by the variational bound is kept
passes = 10  # full-batch passes of each gensim fit
iterations = 50  # inference iterations per document and pass (gensim's default)

# %%
import numpy as np
import pandas as pd

from digiwelfare.checks import int_check
from digiwelfare.topics import (
    phi_in_vocabulary,
    restart_seeds,
    topics_best,
    topics_fit,
    topics_recovery,
    topics_score,
    topics_simulate,
)
from digiwelfare.vocabulary import dictionary_build

for name, value, high in (("n_docs", n_docs, 100_000), ("n_topics", n_topics, 50),
                          ("n_words", n_words, 10_000), ("doc_length", doc_length, 10_000)):
    int_check(name, value, 2, high)

# %%
docs, true_phi, true_theta = topics_simulate(n_docs, n_topics, n_words, doc_length, alpha,
                                             beta, seed)
dictionary = dictionary_build(docs, no_below=1, no_above=1.0)
bow = [dictionary.doc2bow(d) for d in docs]
vocab = sorted(dictionary.token2id)
true_in_vocab = true_phi[:, [int(w[1:]) for w in vocab]]
print(f"{len(docs)} documents, {len(vocab)} of {n_words} words used")

# %% [markdown]
# ## Single fits, and the best of several
#
# A single fit can stop in a local optimum where two planted topics merge and another
# splits. Fitting a few restarts (their seeds derived from `seed`) and keeping the one with
# the highest variational bound avoids most of these. The last row is the other engine,
# anchor words then Gibbs sampling (`engine="anchor"`), fitted once: it starts from topics
# read off the word co-occurrences, so it needs no restarts.

# %%
models = [topics_fit(bow, dictionary, n_topics, passes=passes, iterations=iterations, seed=s)
          for s in restart_seeds(seed, restarts)]
best, bounds = topics_best(models, bow)  # what topics_fit_best(..., restarts) keeps
rows = [{"fit": f"restart {r}", "bound": bound,
         "recovery": topics_recovery(true_in_vocab, phi_in_vocabulary(model, vocab))[0]}
        for r, (model, bound) in enumerate(zip(models, bounds, strict=True), start=1)]
score, per_topic = topics_recovery(true_in_vocab, phi_in_vocabulary(best, vocab))
rows.append({"fit": "best by bound", "bound": topics_score(best, bow), "recovery": score})
anchor = topics_fit(bow, dictionary, n_topics, seed=seed, engine="anchor")
rows.append({"fit": "anchor engine", "bound": np.nan,
             "recovery": topics_recovery(true_in_vocab, phi_in_vocabulary(anchor, vocab))[0]})

# %% [markdown]
# (The fits run in the cell above; what they found is shown, and checked, here.)

# %%
# NBVAL_CHECK_OUTPUT
pd.DataFrame(rows).round(3)

# %% [markdown]
# ## Topic by topic

# %%
# NBVAL_CHECK_OUTPUT
pd.DataFrame({"planted topic": np.arange(1, n_topics + 1),
              "cosine similarity": per_topic.round(3)})

# %% [markdown]
# ## What the data show
#
# Computed from the tables above, so it changes with the parameters.

# %%
# NBVAL_CHECK_OUTPUT
fits = pd.DataFrame(rows)
singles = fits[fits.fit != "best by bound"]
print(f"Single fits recover the {n_topics} planted topics with a mean cosine similarity of "
      f"{singles.recovery.min():.3f} to {singles.recovery.max():.3f}; the fit kept by the bound "
      f"reaches {score:.3f} (weakest topic {per_topic.min():.3f}), "
      f"{'at or above' if score >= 0.9 else 'below'} the 0.9 the tests require.")
print("On documents drawn from LDA's own process the engine finds what was planted. Whether it "
      "finds the themes of real prose is another question: notebook 04 holds the topics "
      "against the demo corpus's design plan.")

# %% [markdown]
# ## Exercises
#
# 1. Raise `alpha` to 1.0 (documents mix many topics). What happens to recovery?
# 2. Set `doc_length = 15`, like short abstracts split into sentences. Is the model still
#    reliable?
# 3. Plant 10 topics in 200 documents. How many documents per topic does recovery need?
