"""Solutions to the exercises of notebook 07 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/07_validate_topics.py``; it generates and fits
seven planted corpora, with fewer passes than the notebook: ten minutes on two busy cores)."""

from _common import heading

from digiwelfare.topics import phi_in_vocabulary, topics_fit_best, topics_recovery, topics_simulate
from digiwelfare.vocabulary import dictionary_build


def recovery(n_docs=600, n_topics=5, doc_length=80, alpha=0.2, passes=15) -> float:
    docs, phi, _ = topics_simulate(n_docs, n_topics, 400, doc_length, alpha, 0.05, seed=1)
    dictionary = dictionary_build(docs, no_below=1, no_above=1.0)
    vocab = sorted(dictionary.token2id)
    bow = [dictionary.doc2bow(d) for d in docs]
    model = topics_fit_best(bow, dictionary, n_topics, restarts=2, seed=1, passes=passes)
    return topics_recovery(phi[:, [int(w[1:]) for w in vocab]], phi_in_vocabulary(model, vocab))[0]


base = recovery()
print(f"The notebook's defaults: recovery {base:.3f}")
heading("1. alpha = 1.0")
mixed = recovery(alpha=1.0)
print(f"recovery {mixed:.3f} against {base:.3f}: "
      + ("lower: documents mixing many topics give each topic fewer clear examples."
         if mixed < base else "no lower here; try fewer documents as well."))
heading("2. doc_length = 15")
short = recovery(doc_length=15)
print(f"recovery {short:.3f}: "
      + ("still reliable (0.9 or more): 600 documents make up for short ones, but each "
         "document's own mixture is estimated from 15 words only." if short >= 0.9 else
         "below 0.9: short documents say too little about which words go together."))
heading("3. 10 topics in 200 documents, and in more")
for n in (200, 600, 1200):
    print(f"{n} documents ({n // 10} per topic): recovery {recovery(n_docs=n, n_topics=10):.3f}")
