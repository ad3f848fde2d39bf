# %% [markdown]
# # 02 · Prepare tokens
#
# **Question.** What does a topic model or a keyness test actually count? This notebook turns
# every text into lemmas: it splits bilingual documents by language, tokenises (keeping æ, ø
# and å), lower-cases, removes stop words and lemmatises English and Norwegian Bokmål. It
# then builds one vocabulary (a gensim `Dictionary`) per language and caches all of it in
# `build/` for the notebooks after it.

# %% tags=["parameters"]
corpus = "corpus"  # folder with metadata.csv and texts/, relative to the project root
out = "."  # where figures/, results/ and build/ are written
clean = True  # remove navigation and catalogue debris of exported web pages first
lemmatize = True  # False keeps word forms (useful to see what lemmatising changes)
min_len = 2  # shortest token kept, in characters
no_below = 3  # a vocabulary word must occur in at least this many documents...
no_above = 0.5  # ...and in at most this share of them

# %%
import pandas as pd

from digiwelfare.clean import textstat_debris
from digiwelfare.config import int_check, paths_resolve, table_write
from digiwelfare.corpus import corpus_load
from digiwelfare.language import text_languages_split
from digiwelfare.tokens import dictionary_build, textstat_frequency, tokens_build, tokens_write

paths = paths_resolve(corpus, out)
int_check("min_len", min_len, 1, 20)
int_check("no_below", no_below, 1, 1000)
docs = corpus_load(paths.corpus)

# %% [markdown]
# ## One bilingual document, split
#
# Each paragraph of an `en;nb` document is assigned to the more likely of its two tagged
# languages (short lines such as headings go with the paragraph before them). Here are the
# first words of each half of the first such document.

# %%
# NBVAL_CHECK_OUTPUT
first = docs[docs["language"] == "en;nb"].head(1)
for doc in first.itertuples():
    for lang, part in text_languages_split(doc.text, doc.language).items():
        print(f"{doc.id} [{lang}] {' '.join(part.split()[:18])} ...")

# %% [markdown]
# ## Debris of exported web pages
#
# Pages copied from project catalogues and conference sites carry lines that are not part of
# the text: "Back to search", "Sist endret 14.02.2025", tag lists, programme timetables,
# project numbers. The rules that recognise them are a file a researcher can edit
# (`src/digiwelfare/data/debris.yaml`); they apply to whole short lines only, so prose is never
# cut. Here is what they removed, rule by rule:

# %%
# NBVAL_CHECK_OUTPUT
debris = textstat_debris(docs)
table_write(debris, paths.tables / "debris_removed.csv")
print(f"{debris['lines'].sum()} lines removed from {debris['id'].nunique()} documents")
debris.groupby("rule")["lines"].sum().sort_values(ascending=False).to_frame()

# %% [markdown]
# ## Tokens and lemmas for every document part

# %%
tokens = tokens_build(docs, lemmatize=lemmatize, min_len=min_len, clean=clean)
tokens_write(tokens, paths.tokens_file())
summary = tokens.assign(n_tokens=tokens["tokens"].str.len()).groupby("language").agg(
    parts=("id", "size"), words=("n_words", "sum"), tokens_kept=("n_tokens", "sum")).reset_index()
summary["types"] = [len({t for ts in tokens.loc[tokens.language == lang, "tokens"] for t in ts})
                    for lang in summary["language"]]

# %%
# NBVAL_CHECK_OUTPUT
summary

# %% [markdown]
# `words` counts everything in the text; `tokens_kept` what is left after stop words and
# tokens shorter than `min_len` are removed. The most frequent lemmas per language:

# %%
# NBVAL_CHECK_OUTPUT
top = {lang: textstat_frequency(group["tokens"], n=15)["term"].tolist()
       for lang, group in tokens.groupby("language")}
for lang, terms in top.items():
    print(lang, ", ".join(terms))

# %% [markdown]
# ## Vocabularies
#
# A word in too few documents says nothing about shared themes; a word in most documents
# says nothing to tell them apart. Both are left out of the vocabulary the models use.

# %%
# NBVAL_CHECK_OUTPUT
rows = []
for lang, group in tokens.groupby("language"):
    dictionary = dictionary_build(group["tokens"], no_below=no_below, no_above=no_above)
    dictionary.save_as_text(str(paths.dictionary_file(lang)), sort_by_word=True)
    rows.append({"language": lang, "documents": len(group), "vocabulary": len(dictionary)})
vocab = summary.merge(pd.DataFrame(rows), on="language")
table_write(vocab, paths.tables / "tokens_summary.csv")
vocab

# %% [markdown]
# ## Exercises
#
# 1. Rerun with `lemmatize = False`. How many more types are there in Norwegian than in
#    English, and why does Norwegian gain more from lemmatising?
# 2. Open `src/digiwelfare/data/stopwords_nb.txt`. Which word would you add for your own
#    corpus, and what would it change in notebook 03?
# 3. Change `no_below` to 1. What happens to the vocabulary size?
