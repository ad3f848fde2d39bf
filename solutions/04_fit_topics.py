"""Solutions to the exercises of notebook 04 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/04_fit_topics.py [--rerun]``; with ``--rerun``
exercise 1 refits the model with another seed, a minute or two)."""

import numpy as np
import pandas as pd
from _common import heading, rerun_or_say, table

from digiwelfare.explorers import textstat_relevance

LANGUAGE = "en"
words = table(f"topic_words_{LANGUAGE}")
topics = table(f"topics_{LANGUAGE}")

heading("1. Another seed: which topics come back?")
tables = rerun_or_say(f"04_fit_topics__{LANGUAGE}", seed=7)
if tables is not None:
    other = pd.read_csv(tables / f"topic_words_{LANGUAGE}.csv")

    def top(t, k):
        return set(t[(t.topic == k) & (t.rank_probability <= 20)].word)

    ks = sorted(words.topic.unique())
    overlap = np.array([[len(top(words, a) & top(other, b)) / 20 for b in ks] for a in ks])
    for a, row in zip(ks, overlap, strict=True):
        b = ks[int(row.argmax())]
        print(f"topic {a}: best match {b} shares {row.max():.0%} of its top 20 words"
              + ("  <- split or merged" if row.max() < 0.5 else ""))

heading("2. Relevance at 0.3 and at 1.0")
for k in sorted(words.topic.unique())[:3]:
    low = textstat_relevance(words, k, lam=0.3, n=8).word.tolist()
    high = textstat_relevance(words, k, lam=1.0, n=8).word.tolist()
    print(f"topic {k}: lam 1.0 {', '.join(high)}\n         lam 0.3 {', '.join(low)}"
          f"\n         only at 1.0: {', '.join(w for w in high if w not in low) or '-'}")
print("Words that leave the list at 0.3 are frequent in every topic; the words coming in are "
      "rarer and specific, usually the better clues to a name.")

heading("3. Names")
print("Write them in params/04_fit_topics__en.yaml, e.g. `topic_labels: {1: Home care}`; they "
      "appear in the `label` column of topics_en.csv, in the prevalence figure, in the topic "
      "browser and in notebook 05's tables and figures. Current labels:")
print(topics[["topic", "label"]].to_string(index=False))
