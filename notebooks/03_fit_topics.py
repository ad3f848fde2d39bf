# %% [markdown]
# # 03 · Fit topics
#
# **Question.** Which themes run through the documents of one language, and how much of each
# does a project report, a policy document or an abstract carry?
#
# A topic model (latent Dirichlet allocation) describes every document as a mixture of
# topics and every topic as a distribution over words. It is fitted here with gensim's
# `LdaModel` and a fixed seed, so the same parameters give the same topics on every run.
# The compendium runs this notebook once per language (`params/03_fit_topics__en.yaml` and
# `__nb.yaml`).

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = "."  # where figures/, results/ and build/ are written
language = "en"  # en or nb: which language's document parts are modelled
num_topics = 8  # K, the number of topics
passes = 20  # passes over the corpus during training
iterations = 400  # inference iterations per document and pass
seed = 20261123  # random state: change it to see how stable the topics are
top_n = 10  # words shown per topic

# %%
from gensim.corpora import Dictionary

from digiwelfare.config import choice_check, int_check, paths_resolve, table_write
from digiwelfare.corpus import LANGUAGES, corpus_load
from digiwelfare.figures import figure_save, plot_topic_prevalence
from digiwelfare.tokens import tokens_read
from digiwelfare.topics import (
                                k_check,
                                textstat_doc_topics,
                                textstat_prevalence,
                                textstat_top_words,
                                topics_fit,
                                topics_label,
)

paths = paths_resolve(corpus, out)
choice_check("language", language, LANGUAGES)
tokens = tokens_read(paths.tokens_file(), language)
k_check(num_topics, len(tokens))
int_check("passes", passes, 1, 1000)
int_check("top_n", top_n, 3, 50)
docs = corpus_load(paths.corpus)
dictionary = Dictionary.load_from_text(str(paths.dictionary_file(language)))
bow = [dictionary.doc2bow(t) for t in tokens["tokens"]]
print(f"{len(bow)} document parts in '{language}', vocabulary of {len(dictionary)} lemmas")

# %% [markdown]
# ## The topics
#
# Each topic is shown by its most probable lemmas. The labels are only the first three words;
# naming a topic is the analyst's job, done by reading its words and its documents.

# %%
model = topics_fit(bow, dictionary, num_topics, passes=passes, iterations=iterations, seed=seed)
top_words = textstat_top_words(model, n=top_n)
table_write(top_words, paths.tables / f"topics_top_words_{language}.csv")
labels = topics_label(top_words)

# %%
# NBVAL_CHECK_OUTPUT
top_words.groupby("topic")["word"].apply(", ".join).to_frame("top words")

# %% [markdown]
# ## Which kinds of document carry which topics
#
# The mean topic proportion among documents of each type. Differences here are descriptive;
# they carry no uncertainty yet.

# %%
doc_topics = textstat_doc_topics(model, bow, tokens["id"].tolist())
prevalence = textstat_prevalence(doc_topics, docs, by="doc_type")
table_write(prevalence, paths.tables / f"topic_prevalence_{language}.csv")
fig = plot_topic_prevalence(prevalence, labels)
figure_save(fig, paths.figures / f"03_topic_prevalence_{language}.png")
fig

# %% [markdown]
# ## Exercises
#
# 1. Change `seed` and rerun. Which topics come back, and which split or merge?
# 2. Try `num_topics = 4` and `num_topics = 12`. Which value gives topics you can name?
# 3. Read three documents with the highest share of one topic (`doc_topics`): does the
#    topic's word list describe them?
