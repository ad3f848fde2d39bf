"""``check-snippets``: the importer scored on pages annotated with snippets that belong to their
text and snippets that do not (the format of trafilatura's evaluation set). Pages and
annotations here are our own; counts are worked by hand from them."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from digiwelfare.snippetcheck import snippets_check, snippets_summary

_PAGE = """<html><head><title>{title} - Valley Council</title></head><body>
<div class="cookie">We use cookies to make the site work. Accept all cookies</div>
<nav><a href="/">Home</a> <a href="/services">Services</a> <a href="/news">News</a></nav>
<main><h1>{title}</h1>
<p>{one}</p>
<p>{two}</p>
</main>
<footer><p>Follow the Valley Council on Facebook and on Instagram.</p>
<p>Valley Council, Town Hall Square 1</p></footer></body></html>"""


@pytest.fixture()
def annotated(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "letters.html").write_text(_PAGE.format(
        title="Letters from the council go digital",
        one="From March the council sends its letters about benefits to the digital mailbox "
            "of everyone who has one, and to the others on paper.",
        two="Caseworkers say the change saves them a day of posting every month, and the "
            "front desk will help people who find the mailbox hard to use."), "utf-8")
    (pages / "chat.html").write_text(_PAGE.format(
        title="The chat answers in the evening",
        one="The council's chat now answers questions about housing support until eight in "
            "the evening on weekdays.",
        two="In the first month the chat took four hundred questions, most of them about how "
            "to send an application."), "utf-8")
    annotations = {
        "https://valley.example/letters": {
            "file": "letters.html",
            "with": ["sends its letters about benefits", "saves them a day of posting"],
            "without": ["Accept all cookies", "Follow the Valley Council on Facebook"]},
        "https://valley.example/chat": {
            "file": "chat.html",
            "with": ["until eight in the evening", "four hundred questions",
                     "a sentence the page does not hold"],
            "without": ["Town Hall Square"]},
        "https://valley.example/gone": {"file": "gone.html", "with": ["x"], "without": ["y"]},
    }
    path = tmp_path / "evaldata.json"
    path.write_text(json.dumps(annotations), "utf-8")
    return pages, path


def test_snippets_are_counted_in_the_imported_text(annotated):
    table = snippets_check(*annotated).set_index("file")
    assert list(table.index) == ["chat.html", "letters.html"]  # gone.html is not there
    assert (table["status"] == "imported").all()
    assert table.loc["letters.html", ["with", "with_found"]].tolist() == [2, 2]
    assert table.loc["chat.html", ["with", "with_found"]].tolist() == [3, 2]
    # the cookie banner, the call to follow and the address are not in the imported text
    assert table["without_left"].sum() == 0
    summary = snippets_summary(table.reset_index()).set_index("pages")
    assert summary.loc["all", ["documents", "with", "with_found", "without"]].tolist() == \
        [2, 5, 4, 3]
    assert summary.loc["en", "documents"] == 2


def test_a_wrong_folder_is_named(annotated, tmp_path):
    _, path = annotated
    with pytest.raises(ValueError, match="none of the 3 annotated files"):
        snippets_check(tmp_path, path)


def test_the_command_prints_the_totals(annotated, tmp_path):
    pages, path = annotated
    out = tmp_path / "table.csv"
    summary = tmp_path / "summary.csv"
    run = subprocess.run([sys.executable, "-m", "digiwelfare", "check-snippets", str(pages),
                          str(path), "--out", str(out), "--summary", str(summary),
                          "--scored-with", "abc1234"], capture_output=True, text=True,
                         check=True)
    assert "with_found" in run.stdout and out.is_file()
    record = pd.read_csv(summary, dtype=str)
    assert record.columns[:2].tolist() == ["pages", "scored_with"]
    assert record.loc[0, "pages"] == "all" and record.loc[0, "scored_with"] == "abc1234"
