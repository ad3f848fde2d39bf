"""Solutions to the exercises of notebook 02 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/02_prepare_tokens.py``; about a minute)."""

from _common import PATHS, heading

from digiwelfare.config import ROOT
from digiwelfare.corpus import corpus_read
from digiwelfare.tokens import textstat_frequency, tokens_build
from digiwelfare.vocabulary import dictionary_build

docs = corpus_read(PATHS.corpus)
lemmas = tokens_build(docs, lemmatize=True)
forms = tokens_build(docs, lemmatize=False)


def types(tokens, language):
    return len({t for ts in tokens.loc[tokens.language == language, "tokens"] for t in ts})


heading("1. Types with and without lemmatising")
merged = {}
for language in ("en", "nb"):
    with_, without = types(lemmas, language), types(forms, language)
    merged[language] = without - with_
    print(f"{language}: {without} word forms, {with_} lemmas; lemmatising merges "
          f"{merged[language]} types ({merged[language] / without:.0%})")
more = max(merged, key=merged.get)
print(f"'{more}' gains more types from lemmatising. Norwegian nouns carry definite and plural "
      "endings (tjeneste, tjenesten, tjenester, tjenestene) and adjectives agree in gender and "
      "number, so a Norwegian lemma stands for more word forms than an English one.")

heading("2. Candidates for the Norwegian stop list")
stop = set((ROOT / "lexicon/stopwords_nb.txt").read_text(encoding="utf-8").split())
nb = lemmas[lemmas.language == "nb"]
frequent = textstat_frequency(nb["tokens"], n=40)
common = frequent[frequent.docfreq >= 0.5 * len(nb)]
print(f"Lemmas in half or more of the {len(nb)} Norwegian parts, not stop words yet:")
print(common[~common.term.isin(stop)].head(10).to_string(index=False))
print("Adding one removes it from every topic's top words in notebook 03 and 04; it also "
      "changes the vocabulary, so the perplexities of notebook 03 change (a smaller "
      "vocabulary is easier to predict) and cannot be compared with the old ones.")

heading("3. no_below = 1")
for language in ("en", "nb"):
    group = lemmas.loc[lemmas.language == language, "tokens"]
    sizes = {n: len(dictionary_build(group, no_below=n, no_above=0.5)) for n in (3, 1)}
    print(f"{language}: vocabulary {sizes[3]} with no_below = 3, {sizes[1]} with 1: "
          f"{1 - sizes[3] / sizes[1]:.0%} of the words occur in only one or two documents, "
          "and say nothing about themes the documents share")
