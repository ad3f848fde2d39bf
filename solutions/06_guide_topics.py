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
    if tables is not None:
        print(pd.read_csv(tables / f"guided_topics_{LANGUAGE}.csv")[COLUMNS].round(3)
              .to_string(index=False))


print("As published:")
print(guided[COLUMNS].round(3).to_string(index=False))

heading("1. More seed words for care")
print(f"Columns of the keyword table: {', '.join(keywords.columns)}")
lexicon = yaml.safe_load((ROOT / "src/digiwelfare/data/dictionary_logics.yaml").read_text())
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
show(rerun_or_say(f"06_guide_topics__{LANGUAGE}", gamma1=10.0))
print("pi's prior Beta(gamma1, gamma2) weighs like gamma1 + gamma2 tokens: against hundreds "
      "of seed tokens it moves pi little; the data decide.")

heading("4. A category expected to be unrelated")
show(rerun_or_say(f"06_guide_topics__{LANGUAGE}",
                  seed_categories=["control", "care", "facilitation", "efficiency",
                                   "discretion", "datafication", "platforms"]))
print(f"(published tables read from {PATHS.tables})")
