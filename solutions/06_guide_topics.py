"""Solutions to the exercises of notebook 06 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/06_guide_topics.py [--rerun]``; with ``--rerun``
each exercise refits the guided model, several minutes each)."""

import pandas as pd
import yaml
from _common import PATHS, heading, rerun_or_say, table

from digiwelfare.config import ROOT, SCRATCH

LANGUAGE = "en"
guided = table(f"guided_topics_{LANGUAGE}")
keywords = table(f"guided_keywords_{LANGUAGE}")
COLUMNS = ["name", "seeds", "pi", "retained", "context_lift_guided"]


def show(tables):
    """Print the rerun's table and return it (None without a rerun)."""
    if tables is None:
        return None
    rerun = pd.read_csv(tables / f"guided_topics_{LANGUAGE}.csv")
    print(rerun[COLUMNS].round(3).to_string(index=False))
    return rerun


print("As published:")
print(guided[COLUMNS].round(3).to_string(index=False))

heading("1. More seed words for care")
print(f"Columns of the keyword table: {', '.join(keywords.columns)}")
lexicon = yaml.safe_load((ROOT / "lexicon/dictionary_logics.yaml").read_text())
extra = ["pressure", "sick", "leave"]  # single words of the vocabulary, read in the documents
lexicon["categories"]["care"][LANGUAGE] += extra
copy = SCRATCH / "solutions" / "dictionary_care.yaml"
copy.parent.mkdir(parents=True, exist_ok=True)
copy.write_text(yaml.safe_dump(lexicon, allow_unicode=True, sort_keys=False), encoding="utf-8")
show(rerun_or_say(f"06_guide_topics__{LANGUAGE}",
                  dictionary_file=str(copy.relative_to(ROOT))))

heading("2. n_free = 0")
show(rerun_or_say(f"06_guide_topics__{LANGUAGE}", n_free=0))
print("Compare with the published table: with no free topics the documents' other themes "
      "have nowhere to go but the keyword topics, so a keyword topic whose seeds are rare "
      "takes in unrelated words.")

heading("3. gamma1 = 10")
strong = show(rerun_or_say(f"06_guide_topics__{LANGUAGE}", gamma1=10.0))
if strong is not None:
    both = strong.merge(guided, on="name", suffixes=("", "_before"))
    for r in both.itertuples():
        print(f"{r.name}: pi {r.pi_before:.3f} -> {r.pi:.3f}, context lift "
              f"{r.context_lift_guided_before:.2f} -> {r.context_lift_guided:.2f}")
print("pi's prior Beta(gamma1, gamma2) counts like gamma1 + gamma2 tokens: it moves pi most "
      "where the documents hold few of a category's seed tokens, and little where they hold "
      "many.")

heading("4. Seeding platforms too")
more = show(rerun_or_say(f"06_guide_topics__{LANGUAGE}",
                         seed_categories=["control", "care", "facilitation", "efficiency",
                                          "discretion", "datafication", "platforms"]))
if more is not None:
    kept = bool(more.loc[more.name == "platforms", "retained"].iloc[0])
    print("platforms is " + ("retained: the documents do hold it as a theme of its own, "
                             "so it was not an unrelated category after all."
                             if kept else "not retained."))
print(f"(published tables read from {PATHS.tables})")
