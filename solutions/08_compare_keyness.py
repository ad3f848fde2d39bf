"""Solutions to the exercises of notebook 08 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/08_compare_keyness.py [--rerun]``; with
``--rerun`` exercise 2 reruns the notebook, about a minute)."""

import numpy as np
import pandas as pd
from _common import PATHS, heading, rerun_or_say, table
from scipy.stats import chi2_contingency

from digiwelfare.clean import corpus_clean
from digiwelfare.collocations import textstat_collocations
from digiwelfare.corpus import corpus_read
from digiwelfare.dictionaries import lemmas_all
from digiwelfare.language import corpus_language_parts
from digiwelfare.tokens import stopwords_read

LANGUAGE = "en"
keyness = table(f"keyness_{LANGUAGE}")

heading("1. G2 and the log ratio of the first row, by hand")
r = keyness.iloc[0]
observed = np.array([[r.freq_a, r.freq_b], [r.total_a - r.freq_a, r.total_b - r.freq_b]])
expected = observed.sum(axis=1, keepdims=True) * observed.sum(axis=0) / observed.sum()
g2 = 2 * np.sum(observed * np.log(np.where(observed > 0, observed / expected, 1)))
scipy_g2 = chi2_contingency(observed, correction=False, lambda_="log-likelihood")[0]
log_ratio = np.log2((max(r.freq_a, 0.5) / r.total_a) / (max(r.freq_b, 0.5) / r.total_b))
print(f"'{r.term}': G2 by hand {g2:.3f}, scipy {scipy_g2:.3f}, table {r.g2:.3f}; "
      f"log ratio by hand {log_ratio:.3f}, table {r.log_ratio:.3f}")

heading("2. Later against earlier documents")
tables = rerun_or_say(f"08_compare_keyness__{LANGUAGE}", group_column="query",
                      group_a="year >= 2019")
if tables is not None:
    late = pd.read_csv(tables / f"keyness_{LANGUAGE}.csv")
    print(late[(late.key_for == "A") & late.key].head(10)[["term", "freq_a", "freq_b",
                                                           "log_ratio"]].to_string(index=False))

heading("3. A node of your own: dashboard beside data")
docs = corpus_read(PATHS.corpus)
parts = corpus_language_parts(corpus_clean(docs), LANGUAGE)
running = [lemmas_all(text, LANGUAGE) for text in parts["text"]]
stop = stopwords_read(LANGUAGE)
found = {node: set(textstat_collocations(running, node, 4, 4, 3, exclude=stop)["collocate"])
         for node in ("dashboard", "data", "discretion")}
print(f"dashboard and data share {len(found['dashboard'] & found['data'])} collocates: "
      f"{', '.join(sorted(found['dashboard'] & found['data']))}")
print(f"dashboard and discretion share: "
      f"{', '.join(sorted(found['dashboard'] & found['discretion'])) or 'none'} "
      f"(discretion has {len(found['discretion'])} collocates seen 3 times or more)")
