"""The README's generated accuracy tables (digiwelfare.readme_blocks): written from their
tables, indented as their markers, and the README as committed is what they give."""

import pandas as pd
import pytest

from digiwelfare.config import ROOT
from digiwelfare.readme_blocks import (
    SOURCES,
    block_replace,
    doctype_crossval_table,
    export_accuracy_table,
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
    for name in SOURCES.values():
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


def test_the_export_rows_are_worked_from_the_counts():
    table = pd.DataFrame([{
        "set": "a", "scored_with": "0000000", "records": 10, "to_import": 8, "imported": 6,
        "duplicates": 1, "lost": 1, "junk": 1, "titles_right": 5, "years_labelled": 4,
        "year_right": 3, "year_missing": 1, "year_wrong": 0, "year_invented": 1,
        "types_right": 6, "languages_right": 5, "texts_right": 6},
        {"set": "b", "scored_with": "1111111", "records": 2, "to_import": 2, "imported": 2,
         "duplicates": 0, "lost": 0, "junk": 0, "titles_right": 2, "years_labelled": 0,
         "year_right": 0, "year_missing": 0, "year_wrong": 0, "year_invented": 0,
         "types_right": 1, "languages_right": 2, "texts_right": 2}])
    rows = export_accuracy_table(table).splitlines()
    assert rows[2] == ("| a | 0000000 | 10 | 8 | 6 | 1 | 1 | 1 | 5 of 6 | 3 of 4 (wrong 0, "
                       "invented 1) | 6 of 6 | 5 of 6 | 6 of 6 |")
    # the pool adds every count: 8 imported, 7 titles right of them
    assert rows[4] == ("| all 2 sets |  | 12 | 10 | 8 | 1 | 1 | 1 | 7 of 8 | 3 of 4 (wrong 0, "
                       "invented 1) | 7 of 8 | 7 of 8 | 8 of 8 |")
    # the table of the rules as they stand has no commit column
    assert export_accuracy_table(table.drop(columns="scored_with")).splitlines()[2].startswith(
        "| a | 10 | 8 |")


def test_the_real_pages_rows_are_worked_from_the_record():
    from digiwelfare.readme_blocks import real_pages_table

    table = pd.DataFrame([
        {"pages": "all", "scored_with": "abc1234", "documents": 40, "imported": 38, "with_": 120,
         "with_found": 90, "with_found_alone": 108, "without": 100, "without_left": 7,
         "without_left_alone": 20},
        {"pages": "da", "scored_with": "abc1234", "documents": 3, "imported": 3, "with_": 9,
         "with_found": 9, "with_found_alone": 9, "without": 9, "without_left": 0,
         "without_left_alone": 1},
        {"pages": "en", "scored_with": "abc1234", "documents": 8, "imported": 8, "with_": 24,
         "with_found": 18, "with_found_alone": 23, "without": 24, "without_left": 1,
         "without_left_alone": 4}])
    lines = real_pages_table(table).splitlines()
    assert len(lines) == 4  # the header, its rule, all and en (da has fewer than five pages)
    assert lines[2] == "| all | abc1234 | 40 | 38 | 90 of 120 (75 %) | 108 (90 %) | 7 of 100 | 20 |"
    assert lines[3].startswith("| en | abc1234 | 8 | 8 | 18 of 24 (75 %) | 23 (96 %) |")


def test_the_committed_readme_is_what_the_benchmark_files_give():
    from digiwelfare.readme_blocks import bench_blocks

    readme = (ROOT / "README.md").read_text("utf-8")
    assert bench_blocks(readme, ROOT) == readme, "run `make readme`"


def test_a_changed_benchmark_file_changes_its_block_only(tmp_path):
    import json
    import shutil

    from digiwelfare.readme_blocks import bench_blocks

    shutil.copytree(ROOT / "results" / "bench", tmp_path / "results" / "bench")
    path = tmp_path / "results" / "bench" / "prepare_parts.json"
    parts = json.loads(path.read_text())
    parts["paragraphs"]["lingua"] += 1000
    path.write_text(json.dumps(parts))
    readme = (ROOT / "README.md").read_text("utf-8")
    changed = bench_blocks(readme, tmp_path)
    old, new = readme.splitlines(), changed.splitlines()
    assert len(old) == len(new)
    differ = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    start = old.index("<!-- prepare parts -->")
    assert differ and all(start < i < old.index("<!-- end prepare parts -->") for i in differ)
    assert f"lingua read {parts['paragraphs']['lingua']:,}" in " ".join(changed.split())


def test_a_missing_benchmark_file_is_named(tmp_path):
    from digiwelfare.readme_blocks import bench_blocks

    (tmp_path / "results" / "bench").mkdir(parents=True)
    with pytest.raises(FileNotFoundError, match="bench.json.*prepare_parts.json.*--help"):
        bench_blocks("", tmp_path)
