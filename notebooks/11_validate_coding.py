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
# # 11 · Validate by coding
#
# **Question.** Do people reading the topics and the dictionary's matches agree with what
# the models claim, how much do the readers agree with each other, and which English topic
# is which Norwegian one?
#
# Automated text analysis has to be validated by reading (Grimmer & Stewart 2013). This
# notebook scores four kinds of task that `make tasks` writes for coders, as offline HTML
# forms and as spreadsheets, with the answer keys kept apart:
#
# - **word intrusion** (Chang et al. 2009): a topic's top words and one word from another
#   topic; if readers find the odd word, the topic holds together;
# - **word-set intrusion** (Ying, Montgomery & Stewart 2021): the same with sets of words;
# - **topic intrusion** (Chang et al. 2009): a document with its three main topics and one
#   it hardly holds; if readers find that one, the model's description of the document
#   makes sense;
# - **dictionary coding**: sentences the dictionary matches for a category and sentences it
#   does not, to estimate its precision and recall.
#
# Coders' answer files go into `coding/answers/` (see the README, "Validation by people").
# **Where no one has coded a task set yet, simulated coders answer it**: their answers are
# drawn from the model's own key with known error rates, so that every table and figure
# has something true to show. Their rows say `simulated`; they demonstrate the scoring and
# say nothing about the topics.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/11_validate_coding/ when run by hand; make passes "."
languages = ["en", "nb"]  # languages with fitted models (notebook 04) to validate
answers = "coding/answers"  # folder of coders' answer files (CSV), relative to the root
keys = "coding/key"  # folder of answer keys written by `make tasks`
dictionary_file = "lexicon/dictionary_logics.yaml"
seed = 20261123  # seeds every task set (the same seed gives the same tasks)
words_per_task = 5  # top words shown with the intruder in word intrusion
word_tasks_per_topic = 2  # word intrusion tasks per topic (0: none)
wordset_tasks_per_topic = 1  # word-set intrusion tasks per topic (0: none)
topic_docs = 20  # documents in topic intrusion (0: none)
sentences_per_stratum = 8  # matched and unmatched sentences per dictionary category (0: none)
simulate = True  # simulated coders answer task sets no one has answered
sim_accuracy = [0.9, 0.75, 0.6]  # each simulated coder's chance of finding the intruder
sim_precision = 0.8  # share of matched sentences that truly speak of their category
sim_miss_rate = 0.05  # share of unmatched sentences that do
sim_noise = [0.05, 0.1, 0.15]  # each simulated dictionary coder's chance of a wrong answer
n_boot = 1000  # bootstrap resamples for the interval of Krippendorff's alpha

# %%
import pandas as pd
from IPython.display import display

from digiwelfare.checks import int_check
from digiwelfare.coding import (
    coders_anonymise,
    descriptions_read,
    textstat_agreement,
    textstat_dictionary_validity,
)
from digiwelfare.config import ROOT, paths_resolve
from digiwelfare.crosslingual import (
    textstat_topic_categories,
    textstat_topic_correlation,
    textstat_topic_match,
    textstat_topic_profile_similarity,
)
from digiwelfare.dictionaries import dictionary_read
from digiwelfare.figures import figure_write
from digiwelfare.figures_validation import (
    plot_dictionary_validity,
    plot_model_precision,
    plot_topic_match,
    sources_title,
)
from digiwelfare.files import table_write
from digiwelfare.intrusion import textstat_model_precision, textstat_topic_log_odds
from digiwelfare.tasksets import (
    answers_gather,
    kind_scored,
    model_inputs,
    tasksets_make,
    texts_read,
    topic_labels_make,
)

paths = paths_resolve(corpus, out, "11_validate_coding", list(languages))
int_check("words_per_task", words_per_task, 2, 12)
lexicon = dictionary_read(ROOT / dictionary_file)
descriptions = descriptions_read(ROOT / dictionary_file)
texts = texts_read(paths)
tasksets = [ts for lang in languages for ts in tasksets_make(
    paths, texts, lang, lexicon, descriptions, seed, words_per_task, word_tasks_per_topic,
    wordset_tasks_per_topic, topic_docs, sentences_per_stratum)]
labels = {lang: topic_labels_make(paths, lang) for lang in languages}
pd.DataFrame([(ts.name, ts.kind, ts.language, len(ts.tasks), ts.n_options) for ts in tasksets],
             columns=["task_set", "kind", "language", "tasks", "options"])

# %% [markdown]
# ## Whose answers
#
# Real answers are read from the answers folder and scored against their task set's key.
# Coders are numbered (`coder 1`, `coder 2`, ...) in the tables, so no name is published.

# %%
# NBVAL_CHECK_OUTPUT
given, key_table = answers_gather(
    tasksets, ROOT / answers, ROOT / keys, paths.build / "coding" / "simulated" if simulate
    else None, sim_accuracy, sim_precision, sim_miss_rate, sim_noise, seed)
given = coders_anonymise(given)
source = given.groupby("task_set")["source"].first()
given.groupby(["task_set", "source"]).agg(coders=("coder", "nunique"), answers=("task", "size"))

# %% [markdown]
# Simulated coders were given an accuracy; the share of intruders they found, scored like
# any coder's, should come back close to it (within the sampling error of a few dozen tasks).

# %%
# NBVAL_CHECK_OUTPUT
intrusion = pd.concat([kind_scored(given, key_table, kind) for kind in ("word", "wordset", "topic")
                       if (key_table["kind"] == kind).any()], ignore_index=True)
recovered = (intrusion[intrusion["source"] == "simulated"].groupby("coder")["right"]
             .agg(tasks="size", found="mean").reset_index())
recovered["given"] = recovered["coder"].map(
    {f"simulated {i}": a for i, a in enumerate(sim_accuracy, start=1)})
recovered.round(3)

# %% [markdown]
# ## Do the topics hold together? Word and word-set intrusion
#
# *Model precision* is the share of answers that found the intruder (Chang et al. 2009),
# with a 95 % Wilson interval; the dashed lines are what guessing would give. A topic near
# the chance line is one readers cannot tell from a mix of words.

# %%
# NBVAL_CHECK_OUTPUT
frames = [textstat_model_precision(kind_scored(given, key_table, kind))
          for kind in ("word", "wordset") if (key_table["kind"] == kind).any()]
precision = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
precision["source"] = precision["task_set"].map(source)
table_write(precision, paths.tables / "intrusion_precision.csv")
precision.pivot_table(index=["language", "topic"], columns="kind", values="precision").round(2)

# %%
chance = {"word": 1 / (words_per_task + 1), "wordset": 1 / 4}
for lang in languages:
    mine = precision[precision["language"] == lang]
    title = f"{sources_title(mine['source'])}: topics of the '{lang}' model"
    fig = plot_model_precision(mine, labels[lang], chance, title)
    figure_write(fig, paths.figures / f"11_intrusion_precision_{lang}.png")
    display(fig)

# %% [markdown]
# ## Does the model describe the documents? Topic intrusion
#
# *Topic log odds* (Chang et al. 2009): for each document, the mean over coders of the log of
# the intruder's proportion minus the log of the proportion of the topic they picked. 0 when
# every coder found the intruder; the more negative, the more the model's main topics of the
# document looked alien to readers.

# %%
# NBVAL_CHECK_OUTPUT
log_odds = (textstat_topic_log_odds(kind_scored(given, key_table, "topic"))
            if (key_table["kind"] == "topic").any() else pd.DataFrame())
log_odds["source"] = log_odds["task_set"].map(source)
table_write(log_odds, paths.tables / "intrusion_log_odds.csv")
log_odds.groupby(["language", "source"]).agg(
    documents=("id", "size"), mean_log_odds=("log_odds", "mean"),
    all_right=("log_odds", lambda v: (v == 0).mean())).round(3)

# %% [markdown]
# ## Do the coders agree?
#
# Krippendorff's alpha for nominal answers (the chosen option): 1 is perfect agreement, 0
# what chance gives; 0.667 is the lowest Krippendorff (2004) accepts for tentative
# conclusions. Its 95 % interval comes from resampling the tasks.

# %%
# NBVAL_CHECK_OUTPUT
agreement = textstat_agreement(given, n_boot=n_boot, seed=seed)
agreement["source"] = agreement["task_set"].map(source)
table_write(agreement, paths.tables / "coding_agreement.csv")
agreement.round(3)

# %% [markdown]
# ## Does the dictionary find what it claims to?
#
# Each sentence counts as speaking of its category when most of its coders say so.
# *Precision*: the share of matched sentences that do. *Recall*: the share of all sentences
# that do which the dictionary matches, estimated from both samples weighted by how many
# sentences each stands for. Intervals are Wilson's for precision and conservative bounds
# from both shares for recall and F1.

# %%
# NBVAL_CHECK_OUTPUT
validity = (textstat_dictionary_validity(kind_scored(given, key_table, "dictionary"))
            if (key_table["kind"] == "dictionary").any() else pd.DataFrame())
validity["source"] = validity["task_set"].map(source)
table_write(validity, paths.tables / "dictionary_validity.csv")
validity[["language", "category", "precision", "recall", "f1", "source"]].round(2)

# %%
for lang in languages:
    mine = validity[validity["language"] == lang]
    title = f"{sources_title(mine['source'])}: dictionary categories in '{lang}'"
    fig = plot_dictionary_validity(mine, title)
    figure_write(fig, paths.figures / f"11_dictionary_validity_{lang}.png")
    display(fig)

# %% [markdown]
# ## Which English topic is which Norwegian one?
#
# The two models were fitted apart. Documents that hold both languages show which topics
# rise and fall together (correlation of their proportions); the bilingual dictionary shows
# which topics put their weight on the same categories. Black squares mark the one-to-one
# matching that maximises the total (Hungarian algorithm).

# %%
# NBVAL_CHECK_OUTPUT
if {"en", "nb"} <= set(languages):
    phi_en, vocab_en, theta_en = model_inputs(paths, "en")
    phi_nb, vocab_nb, theta_nb = model_inputs(paths, "nb")
    match = textstat_topic_match(
        textstat_topic_correlation(theta_en, theta_nb),
        textstat_topic_profile_similarity(
            textstat_topic_categories(phi_en, vocab_en, lexicon, "en"),
            textstat_topic_categories(phi_nb, vocab_nb, lexicon, "nb")),
        labels["en"], labels["nb"])
    table_write(match, paths.tables / "topic_match_en_nb.csv")
    shown = match[match["matched"]].round(2)
else:
    match, shown = pd.DataFrame(), "Only one language: nothing to match."
shown

# %%
for route, what in (("documents", "through documents in both languages"),
                    ("dictionary", "through the bilingual dictionary")):
    if not match.empty:
        fig = plot_topic_match(match, route, f"English and Norwegian topics {what}")
        figure_write(fig, paths.figures / f"11_topic_match_{route}.png")
        display(fig)

# %% [markdown]
# ## What the data show
#
# Computed from the tables above, so it changes with the answers and the models.

# %%
for (lang, kind, src), g in precision.groupby(["language", "kind", "source"]):
    weak = g[g["ci_high"] < 0.5]
    print(f"{kind} intrusion in '{lang}' ({src}): model precision {g['precision'].min():.2f} "
          f"to {g['precision'].max():.2f} over {len(g)} topics; {len(weak)} topic(s) clearly "
          "below one half.")
for row in agreement.itertuples(index=False):
    print(f"{row.task_set} ({row.source}): {row.coders} coders, alpha {row.alpha:.2f} "
          f"(95 % interval {row.ci_low:.2f} to {row.ci_high:.2f}).")
for (lang, src), g in validity.groupby(["language", "source"]):
    g = g.dropna(subset=["precision"])
    if g.empty:
        print(f"Dictionary in '{lang}' ({src}): no category matched a sentence, so there is "
              "no precision to report.")
        continue
    best, worst = g.loc[g["precision"].idxmax()], g.loc[g["precision"].idxmin()]
    print(f"Dictionary in '{lang}' ({src}): precision from {worst.precision:.2f} "
          f"({worst.category}) to {best.precision:.2f} ({best.category}).")
if not match.empty:
    pairs = match[match["matched"] & (match["route"] == "documents")]
    strong = pairs[pairs["ci_low"] > 0]
    print(f"Through {int(pairs['documents'].iloc[0])} documents in both languages, "
          f"{len(strong)} of {len(pairs)} matched pairs of topics correlate clearly "
          "(95 % interval above 0).")
if (given["source"] == "simulated").any():
    print("Rows marked 'simulated' come from simulated coders: they show how the scoring "
          "works and recover the accuracy they were given, not how readers see the topics.")

# %% [markdown]
# ## Exercises
#
# 1. Run `make tasks`, open one HTML form from `coding/tasks/` and answer it yourself. Save
#    the CSV into `coding/answers/` and rerun: which rows stop being simulated?
# 2. Set `sim_accuracy = [0.3, 0.3, 0.3]`. How do precision and alpha change?
# 3. Which matched pair of topics has the weakest correlation? Read its top words in both
#    languages: is it the same theme?
