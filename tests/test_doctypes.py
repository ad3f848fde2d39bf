"""Document types (doctypes): where cues count, structural cues, cue words in compounds."""

from digiwelfare.doctypes import doc_type_classify, text_for_cues


def test_a_cue_word_in_a_menu_does_not_count_but_the_same_word_under_a_date_does():
    """A site menu with "Projects" and "News" says what the site holds; the page is a post
    whose body has no project cue. The same news label with a date just below it is the
    page's own furniture and makes it news."""
    menu = ("Skip to content\nOur lab\nHome\nPosts\nProjects\nAbout\n\n"
            "Why the help desk became a welfare office\n\nWritten 4 March 2021\n\n"
            "Librarians spend their mornings helping people log in to public services.\n\n"
            "Many visitors bring letters they cannot read on a screen.\n")
    assert "Projects" not in text_for_cues(menu)
    assert doc_type_classify(menu, "Why the help desk became a welfare office")[0] == "other"
    news = ("Nyheter\nMøtet ble holdt i rådhuset\n12. mars 2023\n\n"
            "Kommunen har prøvd ut digitale møter med brukere i et år.\n")
    assert doc_type_classify(news, "Møtet ble holdt i rådhuset") == (
        "other", "cue: dated news label")


def test_a_heading_right_above_a_paragraph_is_kept_after_a_menu():
    page = ("Hjem\nOm oss\nFolk\nOm prosjektet\n"
            "Prosjektet følger tre kommuner som tar i bruk digitale tavler i heimetenesta.\n")
    kept = text_for_cues(page)
    assert kept.startswith("Om prosjektet\n") and "Folk" not in kept


def test_catalogue_fields_with_values_make_a_project_report_a_lone_word_does_not():
    page = ("Funded by: The research council\nProject period: 2021–2025\n"
            "Project owner: A university college\n\n"
            "We follow caseworkers as they learn to use a new case system in two towns.\n")
    assert doc_type_classify(page, "Learning the case system") == (
        "project_report", "cue: catalogue fields")
    prose = "We were funded by the town to study how caseworkers learn a new system.\n"
    assert doc_type_classify(prose, "Learning the case system")[0] == "other"


def test_plan_words_count_as_words_and_in_compounds_in_the_title():
    """Strategy and plan words count at a word's end in compounds (Danish "handleplan",
    Norwegian "digitaliseringsstrategi"), but not inside another word: guidance workers
    ("veiledere") or a sign-up ("påmelding") are no guideline or white paper."""
    for title in ("Handleplan for velfærdsteknologi 2024–2027", "Kommunens digitaliseringsstrategi",
                  "Vägledning för handläggare"):
        assert doc_type_classify("En kort tekst om kommunen.", title)[0] == "policy_document", title
    for title in ("Samtaler mellom veiledere og unge", "Påmelding til kurs"):
        assert doc_type_classify("En kort tekst om kommunen.", title)[0] == "other", title
