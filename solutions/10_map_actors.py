"""Solutions to the exercises of notebook 10 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/10_map_actors.py [--rerun]``; with ``--rerun``
exercise 3 reruns the notebook with an extra actor, about a minute)."""

import pandas as pd
import yaml
from _common import heading, rerun_or_say, table

from digiwelfare.config import ROOT, SCRATCH

LANGUAGE = "en"
edges = table(f"network_edges_{LANGUAGE}")

heading("1. The strongest concept of service users and of managers")
for actor in ("service_users", "managers"):
    rows = edges[(edges.actor == actor) & (edges.both >= 5)].sort_values("pmi", ascending=False)
    print(f"{actor}: " + ", ".join(f"{r.concept} (PMI {r.pmi:.2f}, {r.both} sentences)"
                                   for r in rows.head(3).itertuples()))

heading("2. Raising min_sentences")
for n in (5, 10, 15, 20):
    shown = edges[(edges.both >= n) & (edges.pmi >= 0.5)]
    print(f"min_sentences {n}: {len(shown)} ties, {shown.actor.nunique()} actors, "
          f"{shown.concept.nunique()} concepts")
print("Rare actors and concepts disappear first: their ties rest on few sentences.")

heading("3. An actor of your own")
actors = yaml.safe_load((ROOT / "lexicon/actors.yaml").read_text(encoding="utf-8"))
actors["categories"]["trade_unions"] = {
    "description": "Unions and employee representatives.",
    "en": ["union", "trade union", "shop steward", "employee representative"],
    "nb": ["fagforening", "tillitsvalgt", "arbeidstakerorganisasjon"]}
copy = SCRATCH / "solutions" / "actors_unions.yaml"
copy.parent.mkdir(parents=True, exist_ok=True)
copy.write_text(yaml.safe_dump(actors, allow_unicode=True, sort_keys=False), encoding="utf-8")
tables = rerun_or_say(f"10_map_actors__{LANGUAGE}", actors_file=str(copy.relative_to(ROOT)))
if tables is not None:
    new = pd.read_csv(tables / f"network_edges_{LANGUAGE}.csv")
    print(new[new.actor == "trade_unions"].sort_values("pmi", ascending=False).head()
          .to_string(index=False))
