"""Solutions to the exercises of notebook 05 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/05_estimate_effects.py [--rerun]``; with
``--rerun`` exercises 1 to 3 rerun the notebook, one to three minutes each)."""

import pandas as pd
from _common import heading, rerun_or_say, table

LANGUAGE = "en"
effects = table(f"topic_effects_{LANGUAGE}")
keys = ["topic", "covariate", "level", "kind"]

heading("1. n_sims = 100")
tables = rerun_or_say(f"05_estimate_effects__{LANGUAGE}", n_sims=100)
if tables is not None:
    few = pd.read_csv(tables / f"topic_effects_{LANGUAGE}.csv").merge(effects, on=keys,
                                                                       suffixes=("", "_50k"))
    print(f"largest move of a bound: {max((few.ci_low - few.ci_low_50k).abs().max(), (few.ci_high - few.ci_high_50k).abs().max()):.4f}")  # noqa: E501
print("A 2.5 % bound is estimated from the 2.5 % most extreme draws: with 100 draws that is "
      "two or three draws, so the bound jumps with the seed; the mean is steadier.")

heading("2. Without country")
tables = rerun_or_say(f"05_estimate_effects__{LANGUAGE}", covariates=["doc_type", "language"])
if tables is not None:
    without = pd.read_csv(tables / f"topic_effects_{LANGUAGE}.csv").merge(
        effects, on=keys, suffixes=("", "_with"))
    rows = without[(without.covariate == "doc_type") & (without.kind == "difference")]
    print(f"largest change of a document-type difference: "
          f"{(rows.estimate - rows.estimate_with).abs().max():.4f}")
print("Small changes mean document type and country are nearly independent in the corpus; "
      "large ones, that one stood in for the other.")

heading("3. More contrasts")
tables = rerun_or_say(f"05_estimate_effects__{LANGUAGE}",
                      contrasts=[["year", 2022, 2016], ["year", 2020, 2012],
                                 ["doc_type", "abstract", "policy_document"]])
diffs = effects[effects.kind == "difference"]
if tables is not None:
    diffs = pd.read_csv(tables / f"topic_effects_{LANGUAGE}.csv").query("kind == 'difference'")
r = diffs.loc[diffs.estimate.abs().idxmax()]
print(f"largest difference: topic {r.topic}, {r.covariate} {r.level}: {r.estimate:.3f} "
      f"[{r.ci_low:.3f}, {r.ci_high:.3f}]; clear of zero: {r.ci_low > 0 or r.ci_high < 0}")

heading("4. The clearest rise")
years = effects[(effects.covariate == "year") & (effects.kind == "difference")]
rise = years.assign(low=years.ci_low).sort_values("low", ascending=False).iloc[0]
docs = table(f"topic_documents_{LANGUAGE}")
print(f"topic {rise.topic} ({rise.level}): {rise.estimate:.3f} [{rise.ci_low:.3f}, "
      f"{rise.ci_high:.3f}]. Its most representative documents:")
print(docs[docs.topic == rise.topic][["id", "year", "title"]].to_string(index=False))
