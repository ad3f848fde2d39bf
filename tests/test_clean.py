import pandas as pd

from digiwelfare.clean import line_debris, text_clean, text_normalize, textstat_debris
from digiwelfare.config import ROOT
from digiwelfare.corpus import corpus_load


def test_normalize_nfc_whitespace_and_paragraphs():
    decomposed = "Bla\u030abær\u00a0 og\t\tsyltetøy\r\n\r\n\r\n\x07Neste  avsnitt"
    assert text_normalize(decomposed) == "Blåbær og syltetøy\n\nNeste avsnitt"


def test_debris_lines_go_and_prose_stays():
    page = ("‹ Back to search\n\nNorwegian version of this page\n\n"
            "Programme: Health and welfare (HELSEVEL) – project no. 246118\n\n"
            "The project followed two home care services for four years.\n\n"
            "Publications from the project\n\nNo publications found\n\n"
            "Tags: home care, sensors\n\nPublished 03.05.2019 Last modified 11.02.2021\n\n"
            "09:15-10:30 Session 3B: Digital care\n\nShare | Print")
    text, removed = text_clean(page)
    assert text == "The project followed two home care services for four years."
    assert len(removed) == 9


def test_long_lines_are_never_debris():
    line = ("Back to the question of discretion, the caseworkers we followed said that the "
            "new system made them print more documents than before.")
    assert line_debris(line) is None
    assert line_debris("Print") == "share or print"


def test_cleaning_is_idempotent_and_empty_safe():
    once, _ = text_clean("Tilbake til søk\n\nSaksbehandlerne brukte skjønn.\n\n"
                         "Sist endret 14.02.2025")
    assert text_clean(once) == (once, [])
    assert text_clean("") == ("", [])


def test_demo_corpus_debris_is_found_where_it_was_planted():
    demo = corpus_load(ROOT / "corpus")
    plan = pd.read_csv(ROOT / "corpus" / "design" / "plan.csv")
    planted = set(plan.loc[plan["web_debris"] == "yes", "id"])
    assert set(textstat_debris(demo)["id"]) == planted
