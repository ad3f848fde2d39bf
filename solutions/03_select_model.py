"""Solutions to the exercises of notebook 03 (from the project root:
``PYTHONPATH=src .venv/bin/python solutions/03_select_model.py [--rerun]``; with
``--rerun`` the sweeps of exercises 2 and 3 run, several minutes each)."""

import pandas as pd
from _common import heading, rerun_or_say, table

LANGUAGE = "en"
choice = table(f"model_choice_{LANGUAGE}")
chosen = int(choice.loc[choice.chosen, "k"].iloc[0])

heading("1. The best K by each measure, against the rule's K")
for metric, better in (("npmi", "max"), ("exclusivity", "max"), ("stability", "max"),
                       ("perplexity", "min")):
    row = choice.loc[choice[metric].idxmax() if better == "max" else choice[metric].idxmin()]
    near = choice[(choice[metric] - row[metric]).abs() <= row[f"{metric}_se"]]["k"].tolist()
    print(f"{metric:<12} best at K = {int(row.k)} ({row[metric]:.3f} ± {row[f'{metric}_se']:.3f});"
          f" within one standard error of it: K = {near}")
print(f"The rule chose K = {chosen}. Where the measures point elsewhere, and their bands overlap, "
      "the data do not single out one K: choose by reading the topics (notebook 04) and say so.")


def band(summary: pd.DataFrame) -> list[int]:
    return summary.loc[summary.within_1se, "k"].astype(int).tolist()


heading("2. Adding K = 2 and 3")
print(f"Now: K within one standard error of the best perplexity: {band(choice)}")
tables = rerun_or_say(f"03_select_model__{LANGUAGE}", ks=[2, 3, 4, 6, 8, 10, 12])
if tables is not None:
    wider = pd.read_csv(tables / f"model_choice_{LANGUAGE}.csv")
    same = wider.merge(choice, on="k", suffixes=("", "_before"))
    moved = ((same.perplexity - same.perplexity_before).abs() / same.perplexity_before).max()
    print(f"With K = 2 and 3: band {band(wider)}, chosen K = "
          f"{int(wider.loc[wider.chosen, 'k'].iloc[0])}; the mean perplexities of the K run "
          f"before moved by at most {moved:.1e} (relative; rounding, another machine)")
print("Each K is fitted and measured on its own, whatever else the grid holds. The rule takes "
      "the smallest K whose mean is within one standard error of the best mean; a new K "
      "changes the choice only if it beats the best or comes within that band.")

heading("3. Two more seeds")
tables = rerun_or_say(f"03_select_model__{LANGUAGE}", seeds=[1, 2, 3, 4, 5])
if tables is not None:
    more = pd.read_csv(tables / f"model_choice_{LANGUAGE}.csv")
    both = more.merge(choice, on="k", suffixes=("", "_before"))
    print(both[["k", "perplexity_se_before", "perplexity_se"]].to_string(index=False))
    shrank = int((both.perplexity_se < both.perplexity_se_before).sum())
    print(f"Band before {band(choice)}, after {band(more)}; the standard error shrank for "
          f"{shrank} of {len(both)} K.")
print("The standard error is the spread between seeds divided by the square root of their "
      "number. With three seeds that spread is itself poorly estimated, so two more seeds can "
      "raise it as easily as lower it; the band is only as trustworthy as the seeds behind it.")

heading("4. Another K within the band")
others = [k for k in band(choice) if k != chosen]
print(f"Candidates: {others}. Set `num_topics` to one of them in notebook 04 (or run "
      f"solutions/04_fit_topics.py --rerun, which refits with another seed) and compare topics.")
