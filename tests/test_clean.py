import pandas as pd

from digiwelfare.clean import line_debris, text_clean, text_normalize, textstat_debris
from digiwelfare.config import ROOT
from digiwelfare.corpus import corpus_load


def test_normalize_nfc_whitespace_and_paragraphs():
    decomposed = "Bla\u030abær\u00a0 og\t\tsyltetøy\r\n\r\n\r\n\x07Neste  avsnitt"
    assert text_normalize(decomposed) == "Blåbær og syltetøy\n\nNeste avsnitt"


def test_debris_lines_go_and_prose_stays():  # noqa: D103
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
    """Every planted page loses lines; elsewhere only headings go (short lines, never a
    sentence): the generic mechanisms must not eat the prose of clean documents."""
    from digiwelfare.clean import ZONE_WORDS, line_is_sentence, lines_classify, lines_repeated

    demo = corpus_load(ROOT / "corpus")
    plan = pd.read_csv(ROOT / "corpus" / "design" / "plan.csv")
    planted = set(plan.loc[plan["web_debris"] == "yes", "id"])
    assert planted <= set(textstat_debris(demo)["id"])
    repeated = lines_repeated(demo["text"])
    for doc in demo[~demo["id"].isin(planted)].itertuples():
        lines = text_normalize(doc.text).split("\n")
        for line, why in zip(lines, lines_classify(lines, repeated), strict=True):
            if why:
                assert len(line.split()) <= ZONE_WORDS, (doc.id, line)
                assert not line_is_sentence(line), (doc.id, line)


def test_prose_that_mentions_numbers_periods_clock_times_and_publications_stays():
    prose = [
        "The project has resulted in four publications and a policy brief.",
        "Møtet starta klokka 09:00 og varte til 15:30, med lunsj kl. 11.30.",
        "I perioden 2019–2023 fulgte vi fire kommuner.",
        "Prosjektet (prosjektnummer 301234) fikk 9,9 millioner kroner.",
        "The grant of 150000 NOK was used to hire two research assistants.",
        "Read more about this in chapter 3.",
        "Publications from the project are listed in the appendix of this report.",
        "12.30 was the time when the caseworkers usually met the managers.",
        "Users must enable JavaScript in the portal, which excluded some older users.",
    ]
    for line in prose:
        text = f"Back to search\n\n{line}\n\nNo publications found"
        assert text_clean(text)[0] == line, line
    assert text_clean("\n\n".join(prose))[0] == "\n\n".join(prose)


def test_generic_mechanisms_remove_what_no_rule_names():
    page = ("Velferdsportalen\nMeny\nHjem\nTjenester\nOm oss\n\n"
            "Digitale tavler i hjemmetjenesten\n\n"
            "Prosjektet undersøker hvordan digitale tavler endrer samarbeidet i fire kommuner.\n\n"
            "Saksnr. intern:\nVT-2291\n\nKULTURMIDLER-VEL\n\nAnsvarlig enhet: Helse og omsorg\n\n"
            "Vi følger innføringen over tre år og intervjuer de ansatte.\n\n"
            "Kart\nPersonvern\nTilgjengelighet\nNettstedskart")
    text, reasons = text_clean(page)
    assert text.split("\n\n") == [
        "Prosjektet undersøker hvordan digitale tavler endrer samarbeidet i fire kommuner.",
        "Vi følger innføringen over tre år og intervjuer de ansatte."]
    assert {"header or footer", "field label", "field value", "numbers or code"} <= set(reasons)


def test_lines_repeated_across_documents_go():
    from digiwelfare.clean import lines_repeated

    footer = "Fylkesmannen i Nordland, Moloveien 10, Bodø"
    texts = [f"Tekst nummer {i} handler om digitale tjenester i kommunen og om brukerne.\n\n"
             f"{footer}" for i in range(4)]
    repeated = lines_repeated(texts)
    assert all(footer not in text_clean(t, repeated)[0] for t in texts)
    assert "repeated" in text_clean(texts[0], repeated)[1] or "header or footer" in text_clean(
        texts[0], repeated)[1]
