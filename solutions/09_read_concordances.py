"""Solutions to the exercises of notebook 09 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/09_read_concordances.py``; under a minute)."""

from _common import PATHS, heading, table

from digiwelfare.clean import corpus_clean
from digiwelfare.concordances import concordance_build
from digiwelfare.config import ROOT
from digiwelfare.corpus import corpus_read
from digiwelfare.dictionaries import (
    dictionary_read,
    sentences_lemmatize,
    sentences_match,
    text_sentences,
)
from digiwelfare.language import corpus_language_parts

LANGUAGE = "en"
docs = corpus_read(PATHS.corpus)
parts = corpus_language_parts(corpus_clean(docs), LANGUAGE)

heading("1. automat.* sorted by the word to its left")
lines = concordance_build(parts, "automat.*", LANGUAGE, window=6, match="regex",
                             sort="left1")
print(f"{len(lines)} lines in {lines.id.nunique()} documents; words to the left, most "
      "frequent first:")
print(lines["left"].str.split().str[-1].str.lower().value_counts().head(8).to_string())
print(lines[["left", "node", "right"]].head(8).to_string(index=False))

heading("2. The sample lines of care")
sample = table(f"dictionary_lines_{LANGUAGE}")
care = sample[sample.category == "care"]
print(care[["entry", "left", "node", "right"]].to_string(index=False))
print("Keep an entry only if its lines speak of protecting workers from overload; an entry "
      "that matches other senses (protect data, stress a point) needs a phrase instead.")

heading("3. The pair with the highest lift, in three sentences")
pairs = table(f"dictionary_cooccurrence_{LANGUAGE}")
r = pairs[pairs.both >= 5].sort_values("lift", ascending=False).iloc[0]
print(f"'{r.category_a}' and '{r.category_b}': {r.both} sentences, {r.expected:.1f} expected, "
      f"lift {r.lift:.2f}")
sentences = sentences_lemmatize(parts, LANGUAGE)
lexicon = dictionary_read(ROOT / "lexicon/dictionary_logics.yaml")
found = sentences_match(sentences, lexicon, LANGUAGE)
both = (found[found.category.isin([r.category_a, r.category_b])]
        .groupby(["id", "sentence"])["category"].nunique().loc[lambda n: n == 2].index[:3])
for doc_id, i in both:
    text = parts.loc[parts.id == doc_id, "text"].iloc[0]
    print(f"{doc_id}, sentence {i}: {text_sentences(text)[i]}")
