"""The README's generated accuracy tables (digiwelfare.readme_blocks): written from their
tables, indented as their markers, and the README as committed is what they give."""

import pandas as pd
import pytest

from digiwelfare.config import ROOT
from digiwelfare.readme_blocks import (
    block_replace,
    doctype_crossval_table,
    import_accuracy_table,
    readme_blocks,
)


def test_a_block_is_replaced_between_its_markers_with_their_indentation():
    readme = "# Intro\n\n- item\n\n  <!-- t -->\n  | old |\n  <!-- /t -->\n\nAfter.\n"
    got = block_replace(readme, "t", "| a |\n| --- |\n\n| b |\n")
    assert got == "# Intro\n\n- item\n\n  <!-- t -->\n  | a |\n  | --- |\n\n  | b |\n" \
        "  <!-- /t -->\n\nAfter.\n"
    assert block_replace(got, "t", "| a |\n| --- |\n\n| b |\n") == got  # the same again


@pytest.mark.parametrize("readme, says", [
    ("no block here\n", "exactly one <!-- t -->"),
    ("<!-- t -->\nx\n<!-- /t -->\n<!-- t -->\n<!-- /t -->\n", "exactly one"),
    ("<!-- /t -->\nx\n<!-- t -->\n", "in that order"),
    ("text <!-- t -->\nx\n<!-- /t -->\n", "a line of its own"),
])
def test_a_readme_without_a_clean_block_is_named_not_written(readme, says):
    with pytest.raises(ValueError, match=says):
        block_replace(readme, "t", "| a |\n")


def test_the_import_accuracy_rows_are_worked_from_the_counts():
    table = pd.DataFrame([{
        "set": "x", "documents": 32, "imported": 31, "years_labelled": 25, "year_right": 22,
        "year_missing": 1, "year_wrong": 2, "year_invented": 1, "type_accuracy": 0.90625,
        "title_accuracy": 0.875, "languages_accuracy": 1.0, "debris_lines": 300,
        "debris_left": 3, "prose_sentences": 99, "prose_lost": 1}])
    rows = import_accuracy_table(table).splitlines()
    # 29 of 32 types is 90.6 %, 28 of 32 titles 87.5 % (rounded half to even: 88)
    assert rows[2] == "| x | 32 | 1 | 22 / 25 | 2 | 1 | 91 % | 88 % | 3 of 300 | 1 of 99 |"
    assert len(rows) == 3 and rows[0].count("|") == rows[1].count("|") == rows[2].count("|")


def test_the_crossval_rows_are_the_table_s_rows():
    table = pd.DataFrame({"set": ["a", "pooled"], "documents": [40, 80],
                          "cues_right": [33, 70], "cues_accuracy": [0.825, 0.875],
                          "fitted_right": [35, 72], "fitted_accuracy": [0.875, 0.9]})
    assert doctype_crossval_table(table).splitlines()[2:] == [
        "| a | 40 | 33 (82 %) | 35 (88 %) |", "| pooled | 80 | 70 (88 %) | 72 (90 %) |"]


def test_the_committed_readme_is_what_its_tables_give():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert readme_blocks(readme, ROOT) == readme, "run `make readme`"


def test_a_changed_record_changes_the_readme(tmp_path):
    for name in ("results/tables/import_accuracy.csv", "results/tables/doctype_crossval.csv",
                 "tests/fixtures/exported/first_scores.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    table = pd.read_csv(tmp_path / "results/tables/import_accuracy.csv")
    table.loc[0, "debris_left"] += 7
    table.to_csv(tmp_path / "results/tables/import_accuracy.csv", index=False)
    readme = (ROOT / "README.md").read_text("utf-8")
    changed = readme_blocks(readme, tmp_path)
    first = table.iloc[0]
    assert f"| {first['set']} | " in changed and \
        f"{first['debris_left']} of {first['debris_lines']}" in changed
    assert changed != readme and len(changed.splitlines()) == len(readme.splitlines())


def test_a_missing_table_is_named_with_the_command_that_writes_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="import_accuracy.csv.*make all"):
        readme_blocks("", tmp_path)
