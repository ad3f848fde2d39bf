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
# # 09 · Read concordances and dictionaries
#
# **Question.** How are key words used in context, and how much does each kind of document
# speak in the field's own analytical categories: the logics of data in management (control,
# care, facilitation), efficiency and user orientation, trust, standardisation and discretion,
# competence and meta-work, barriers and facilitators, datafication, platforms, exclusion?
#
# A concordance shows every occurrence of a word with its neighbours, as AntConc does; it can
# be exported for qualitative coding. The dictionary (`lexicon/
# dictionary_logics.yaml`, English and Norwegian entries, editable) counts each category's
# words per 1,000 tokens. Counting is only as good as the dictionary, so the notebook also
# samples matching lines for each category to be read and judged.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = None  # None: build/scratch/09_read_concordances/ when run by hand; make passes "."
language = "en"  # en or nb
query = "discretion"  # word form (* wildcard), phrase, lemma, or regular expression
match = "lemma"  # word, lemma or regex
window = 8  # words of context either side
sort = "right1"  # None, left1..left3 or right1..right3
dictionary_file = "lexicon/dictionary_logics.yaml"
compare_by = ["doc_type", "year", "country", "language"]  # metadata columns to compare rates by
min_docs = 10  # groups with fewer documents get no interval
difference_by = "doc_type"  # metadata column of the two groups whose rates are compared
difference_a = "policy_document"  # its value for group A
difference_b = None  # its value for group B; None means every other document
period_from = 2020  # rates from this year on are compared with those before it
n_boot = 2000  # bootstrap resamples for the intervals
lines_per_category = 4  # concordance lines sampled per category for validation
seed = 20261123

# %%
import numpy as np
from IPython.display import HTML

from digiwelfare.checks import choice_check, int_check
from digiwelfare.concordances import SORTS, concordance_build
from digiwelfare.config import ROOT, paths_resolve
from digiwelfare.corpus import column_check, corpus_read
from digiwelfare.dictionaries import (
    dictionary_lines_sample,
    dictionary_read,
    sentences_lemmatize,
    sentences_match,
    textstat_dictionary,
    textstat_dictionary_difference,
    textstat_dictionary_groups,
    textstat_dictionary_highest,
    textstat_topic_dictionary,
)
from digiwelfare.explorers import concordance_html
from digiwelfare.figures import figure_write, plot_empty, plot_plan_recovery
from digiwelfare.figures_discourse import plot_dictionary_difference, plot_dictionary_rates
from digiwelfare.files import table_write
from digiwelfare.keyness import groups_choose
from digiwelfare.networks import textstat_cooccurrence
from digiwelfare.plan import (
    plan_read,
    plan_summary,
    textstat_plan_correlations,
    textstat_plan_recovery,
)
from digiwelfare.products import doc_topics_read, parts_read
from digiwelfare.runs import LANGUAGES

paths = paths_resolve(corpus, out, "09_read_concordances", language)
choice_check("language", language, LANGUAGES)
choice_check("match", match, ["word", "lemma", "regex"])
choice_check("sort", sort, list(SORTS))
int_check("window", window, 1, 50)
int_check("min_docs", min_docs, 2, 10_000)
int_check("period_from", period_from, 1900, 2100)
docs = corpus_read(paths.corpus, texts=False)  # metadata: the texts are in the parts
for c in [*compare_by, difference_by]:
    column_check(docs, c, name="compare_by")
lexicon = dictionary_read(ROOT / dictionary_file)
parts = parts_read(paths.parts_file(), language)
meta = docs[["id", *dict.fromkeys([*compare_by, difference_by, "doc_type", "year"])]]
print(f"{len(parts)} document parts in '{language}'; {len(lexicon)} dictionary categories")

# %% [markdown]
# ## A concordance
#
# Sorted by the first word to the right of the node, so that recurring phrasings line up.
# The full table, with each document's type and year, is saved as CSV for coding.

# %%
concordance = concordance_build(parts, query, language=language, window=window,
                                   match=match, sort=sort, meta=meta)
table_write(concordance, paths.tables / f"concordance_{language}.csv")
print(f"{len(concordance)} lines for '{query}' ({match})")

# %%
# NBVAL_CHECK_OUTPUT
HTML(concordance_html(concordance.head(15), extra=["doc_type", "year"]))

# %% [markdown]
# In JupyterLab, the explorer below searches for any word (`*` as a wildcard), phrase, lemma or
# regular expression, sorts by the words left or right of it, and keeps only the documents of
# one type, year or country. A pipeline run shows the query above, counted by document type.

# %%
from digiwelfare.explorers import explore_concordances

explore_concordances(parts, meta, language, query, match=match, sort=sort, window=window,
                     lines=concordance)

# %% [markdown]
# ## Dictionary categories by kind of document
#
# Rates per 1,000 tokens, with 95 % intervals from resampling documents (a bootstrap): a
# few talkative documents cannot make a group look uniform. A group with fewer than
# `min_docs` documents gets no interval (a bootstrap over a handful of documents cannot show
# how much documents vary); a group with no hits gets the exact Poisson interval instead of
# [0, 0]. Documents without a value of the column are left out, and their number printed.

# %%
rates = textstat_dictionary(parts, lexicon, language)
table_write(rates, paths.tables / f"dictionary_hits_{language}.csv")
groups = {by: textstat_dictionary_groups(rates, meta, by, n_boot=n_boot, seed=seed,
                                         min_docs=min_docs) for by in compare_by}
for by, table in groups.items():
    table_write(table, paths.tables / f"dictionary_rates_{language}_{by}.csv")
    print(f"{by}: {table.loc[table.few_docs, 'group'].nunique()} of {table.group.nunique()} "
          f"groups have fewer than {min_docs} documents and no interval")

# %%
# NBVAL_CHECK_OUTPUT
groups["doc_type"].pivot(index="category", columns="group", values="rate").round(2)

# %%
fig = plot_dictionary_rates(groups["doc_type"], "Document type")
figure_write(fig, paths.figures / f"09_dictionary_doc_type_{language}.png")
fig

# %% [markdown]
# ## How large is the difference between two groups?
#
# Two intervals that overlap do not show that two groups are alike. This compares them
# directly: the difference in rate (A − B) and the rate ratio (A / B), with 95 % intervals
# from resampling the documents of each group separately.

# %%
# NBVAL_CHECK_OUTPUT
in_language = meta[meta["id"].isin(parts["id"])]
kept, level_a, level_b, notes = groups_choose(in_language, difference_by, difference_a,
                                              difference_b)
for note in notes:
    print("Note:", note)
difference = textstat_dictionary_difference(rates, kept, difference_by, level_a, level_b,
                                            n_boot=n_boot, seed=seed, min_docs=min_docs)
table_write(difference, paths.tables / f"dictionary_difference_{language}.csv")
difference.round(2)[["category", "group_a", "group_b", "docs_a", "docs_b", "rate_a", "rate_b",
                     "difference", "diff_low", "diff_high", "ratio"]]

# %%
fig = plot_dictionary_difference(difference)
figure_write(fig, paths.figures / f"09_dictionary_difference_{language}.png")
fig

# %% [markdown]
# ## Before and after a year
#
# The same comparison between the documents from `period_from` on and those before it
# (documents without a year are left out).

# %%
# NBVAL_CHECK_OUTPUT
dated = meta.dropna(subset=["year"])
later, earlier = f"{period_from} and later", f"before {period_from}"
dated = dated.assign(period=np.where(dated["year"] >= period_from, later, earlier))
by_period = textstat_dictionary_difference(rates, dated, "period", later, earlier,
                                           n_boot=n_boot, seed=seed, min_docs=min_docs)
table_write(by_period, paths.tables / f"dictionary_period_{language}.csv")
by_period.round(2)[["category", "docs_a", "docs_b", "rate_a", "rate_b", "difference",
                    "diff_low", "diff_high"]]

# %% [markdown]
# ## Which categories meet in the same sentence
#
# `lift` compares how often two categories share a sentence (`both`) with how often they
# would by chance (`expected`, from how many sentences each is in); 1 is chance, and `pmi`
# is its log2. High lift marks concepts the documents argue together.

# %%
# NBVAL_CHECK_OUTPUT
sentences = sentences_lemmatize(parts, language)
pairs = textstat_cooccurrence(sentences_match(sentences, lexicon, language),
                              n_sentences=len(sentences))
table_write(pairs, paths.tables / f"dictionary_cooccurrence_{language}.csv")
pairs[pairs.both >= 5].sort_values("lift", ascending=False).head(10).round(2)

# %% [markdown]
# ## Read before you count: sample lines per category
#
# A random sample (seeded) of matching lines for each category. If a line does not express
# its category, the dictionary entry behind it (`entry`) needs work.

# %%
# NBVAL_CHECK_OUTPUT
lines = dictionary_lines_sample(parts, lexicon, language, n=lines_per_category, seed=seed)
table_write(lines, paths.tables / f"dictionary_lines_{language}.csv")
HTML(concordance_html(lines.head(3 * lines_per_category), extra=["category", "entry"]))

# %% [markdown]
# ## Categories and topics
#
# Which categories dominate which topic of notebook 04's model: each document's hits count
# toward a topic in proportion to the document's share of that topic.

# %%
# NBVAL_CHECK_OUTPUT
doc_topics = doc_topics_read(paths.doc_topics_file(language))
by_topic = textstat_topic_dictionary(rates, doc_topics)
table_write(by_topic, paths.tables / f"dictionary_topics_{language}.csv")
by_topic.pivot(index="category", columns="topic", values="rate").round(1)

# %% [markdown]
# ## Categories against the design plan
#
# The demo corpus was composed to a plan (`design/plan.csv`, each document's themes and
# their shares; a real corpus has none). The dictionary was written for the field's
# analytical categories, not for the plan's themes: trust, exclusion, platforms and
# standardisation have namesakes among the themes, while automation, coordination and
# procurement have no category named for them. Each planned
# theme is paired one to one with the category whose rate per 1,000 tokens follows its
# planned share most closely across documents, against chance from 1,000 shuffles, as the
# topics are in notebook 04.

# %%
# NBVAL_CHECK_OUTPUT
has_plan = paths.plan_file.is_file()
if has_plan:
    plan = plan_read(paths.plan_file)
    wide_rates = rates.pivot(index="id", columns="category", values="rate").fillna(0.0)
    wide_rates = wide_rates.reset_index()
    plan_categories = textstat_plan_recovery(wide_rates, plan, seed=seed)
    plan_corr = textstat_plan_correlations(wide_rates, plan)
    table_write(plan_categories, paths.tables / f"plan_dictionary_{language}.csv")
    print(plan_summary(plan_categories))
else:
    print("No design plan in the corpus folder: nothing to check the categories against.")
plan_categories.round(3) if has_plan else None

# %% [markdown]
# A theme recovered by a category of another name says that the category's words come with
# the theme in these documents, not that the two mean the same: read the category's lines
# (above) in the theme's documents before you rely on it.

# %%
fig = (plot_plan_recovery(plan_corr, plan_categories, score_label="Dictionary category")
       if has_plan else plot_empty("Categories against the design plan", "No design plan"))
figure_write(fig, paths.figures / f"09_plan_dictionary_{language}.png")
fig

# %% [markdown]
# ## What the data show
#
# Computed from the tables above, so it changes with the corpus and the parameters.

# %%
overall = rates.groupby("category")[["hits", "tokens"]].sum()
overall = (1000 * overall["hits"] / overall["tokens"]).sort_values(ascending=False)
print(f"The concordance has {len(concordance)} lines for '{query}' in {concordance.id.nunique()} "
      "documents.")
print(f"Across all '{language}' documents the most frequent category is '{overall.index[0]}' "
      f"({overall.iloc[0]:.2f} per 1,000 tokens), the rarest '{overall.index[-1]}' "
      f"({overall.iloc[-1]:.2f}).")
clear = difference.dropna(subset=["diff_low"])
clear = clear[(clear.diff_low > 0) | (clear.diff_high < 0)]
if clear.empty:
    print(f"No category's rate differs clearly between {level_a} and the comparison group "
          "(every 95 % interval of the difference includes 0, or there were too few documents).")
else:
    print(f"{len(clear)} of {len(difference)} categories differ clearly between {level_a} and "
          f"{clear.group_b.iloc[0]} (per 1,000 tokens, 95 % interval of the difference):")
    for r in clear.sort_values("difference", ascending=False).itertuples():
        print(f"  {'higher' if r.difference > 0 else 'lower '} in {r.group_a}: '{r.category}' "
              f"{r.rate_a:.2f} against {r.rate_b:.2f} ({r.diff_low:+.2f} to {r.diff_high:+.2f})")
moved = by_period.dropna(subset=["diff_low"])
moved = moved[(moved.diff_low > 0) | (moved.diff_high < 0)]
print(f"From {period_from} on, {len(moved)} of {len(by_period)} categories have a rate clearly "
      f"different from before" + (":" if len(moved) else "."))
for r in moved.sort_values("difference", ascending=False).itertuples():
    print(f"  {'higher' if r.difference > 0 else 'lower '}: '{r.category}' {r.rate_a:.2f} "
          f"against {r.rate_b:.2f} ({r.diff_low:+.2f} to {r.diff_high:+.2f})")
for by in [c for c in compare_by if c not in (difference_by, "year")]:
    for r in textstat_dictionary_highest(groups[by]).itertuples():
        print(f"By {by}, {r.group} speaks most of '{r.category}': {r.rate:.2f} per 1,000 tokens "
              f"(95 % interval from {r.ci_low:.2f}), next {r.next_group} {r.next_rate:.2f}.")
if has_plan:
    print(plan_summary(plan_categories))
strong = pairs[pairs.both >= 5].sort_values("lift", ascending=False)
if not strong.empty:
    r = strong.iloc[0]
    print(f"Of pairs sharing at least 5 sentences, '{r.category_a}' and '{r.category_b}' meet "
          f"most above chance: {r.both} sentences against {r.expected:.1f} expected "
          f"(lift {r.lift:.2f}).")

# %% [markdown]
# ## Exercises
#
# 1. Set `match = "regex"` and `query = "automat.*"`. Sort by `left1`: who automates what?
# 2. Read the sample lines of `care`. Would you keep every entry that matched?
# 3. Which category pair has the highest lift? Read three sentences where both occur.
# 4. Which planned themes have no dictionary category that follows them? Write two or three
#    entries for one of them in the dictionary file and rerun: is the theme recovered now?
