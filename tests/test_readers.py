"""Reading exported files (readers): unwrapping text copied from PDFs."""

from digiwelfare.readers import lines_unwrap
from digiwelfare.readers_html import html_read

_PARA = ("Kommunen har prøvd ut digitale tavler i fire team og har fulgt med på hvordan\n"
         "de ansatte bruker dem i det daglige arbeidet med brukerne i hjemmetjenesten, og\n"
         "hvordan lederne leser tallene som tavlene viser om arbeidet i teamet hver uke.\n")


def test_a_running_footer_set_in_columns_is_not_glued_to_the_text():
    footer = "Tavla på veggen – rapport 7                                          4"
    text = _PARA + footer + "\n2 Metode\n" + _PARA + footer.replace("4", "5") + "\n" + _PARA
    out = lines_unwrap(text).split("\n")
    assert footer in out and "2 Metode" in out
    assert out[0].endswith("hver uke.")  # the wrapped paragraph is one line again


def test_a_cover_name_line_is_not_glued_to_the_title_above_it():
    cover = ("Følgjeevaluering av ny teammodell og digital arbeidsflyt i heimetenestene\n"
             "Solveig Brekke og Arnfinn Lid\n\n" + _PARA * 2 +
             "Kommunen har prøvd ut digitale tavler i fire team og har fulgt med på dem i\n"
             "Kvinnherad.\n")
    out = lines_unwrap(cover).strip().split("\n")
    assert "Solveig Brekke og Arnfinn Lid" in out
    assert out[-1].endswith("på dem i Kvinnherad.")  # a paragraph's last line is joined


def test_a_papers_byline_and_affiliations_are_not_glued_to_its_title():
    """A preprint's first page as PDF extraction gives it: a long title, a long author line
    with marks and affiliations opening with their marks, none ending a sentence. Each stays
    a line of its own; the wrapped abstract under them is still joined."""
    page = ("Digital by default, human on request? Channel choice in Nordic job centres and\n"
            "Kari Nilsen (NTNU)¹, Per Olsen (UiO)², Siri Dahl (OsloMet)¹ and Jon Berg (NOVA)²\n"
            "¹ Department of Social Work, Norwegian University of Science and Technology\n"
            "² Department of Sociology and Human Geography, University of Oslo, Oslo\n\n"
            + _PARA * 3)
    out = lines_unwrap(page).split("\n")
    assert any(ln.startswith("Kari Nilsen") for ln in out)
    assert any(ln.startswith("¹ Department of Social Work") for ln in out)
    assert any(ln.startswith("² Department of Sociology") for ln in out)
    assert any(ln.startswith("Kommunen har prøvd") and ln.endswith("hver uke.") for ln in out)
    # the same title wrapped onto a line in lower case is still one line
    wrapped = page.replace("Kari Nilsen (NTNU)¹, Per Olsen (UiO)², Siri Dahl (OsloMet)¹ and "
                           "Jon Berg (NOVA)²", "the welfare offices of three countries")
    assert any(ln.endswith("Nordic job centres and the welfare offices of three countries")
               for ln in lines_unwrap(wrapped).split("\n"))


def test_a_layout_table_gives_a_line_a_paragraph_a_data_table_keeps_its_rows(tmp_path):
    # an e-mail newsletter built of tables: each paragraph of a cell is a line of its own
    mail = ("<html><body><table><tr><td><h2>Autumn meeting</h2><p>The network meets in Hamar "
            "in November, and the programme follows in the next letter.</p>"
            "<a href='/x'>Sign up</a></td></tr><tr><td><h3>Earlier letters</h3>"
            "<p><a href='/1'>Letter no. 1</a></p></td></tr></table>"
            "<p>Users of the service by year, as counted by the office in its own records.</p>"
            "<table><tr><th>Year</th><th>Users</th></tr><tr><td>2022</td><td>140</td></tr>"
            "<tr><td>2023</td><td>210</td></tr></table></body></html>")
    text = html_read(tmp_path / "a.html", mail.encode("utf-8"), "a.html")[0].text
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert "Sign up" in lines and not any("Sign up" in ln and "November" in ln for ln in lines)
    assert any("2022" in ln and "140" in ln for ln in lines)  # a data row stays one line


def test_a_short_page_title_after_a_site_name_gives_way_to_the_heading_with_its_subtitle(
        tmp_path):
    page = ("<html><head><title>Archive: Letters on a screen</title></head><body>"
            "<p>Archive</p><p>Letters on a screen: how older people read digital post</p>"
            "<p>We followed forty older people who get their letters from the agency on a "
            "screen, and asked what they did with them.</p></body></html>")
    rec = html_read(tmp_path / "a.html", page.encode("utf-8"), "a.html")[0]
    assert rec.title == "Letters on a screen: how older people read digital post"
    # a sentence that merely begins with the title's words is no heading
    prose = page.replace("<p>Letters on a screen: how older people read digital post</p>", "")
    prose = prose.replace("<title>Archive: Letters on a screen</title>",
                          "<title>We followed forty older people | Archive</title>")
    assert html_read(tmp_path / "b.html", prose.encode("utf-8"), "b.html")[0].title == (
        "We followed forty older people")


def test_a_long_heading_under_fields_keeps_its_line_a_title_wrapped_after_a_small_word_joins():
    para = ("Kommunen viser til brevet om utredningen og har behandlet saken i utvalget for "
            "helse.\nSvaret under er kort, og det gjelder bare de delene som angår kommunens "
            "egne\ntjenester og ansatte i hjemmetjenesten, som er de som merker endringene mest.")
    letter = ("Fjordvik kommune\nDato: 3.2.2031\n"
              "Høringssvar – forslag til ny forskrift om digital dokumentasjon i omsorgen\n"
              f"{para}\n" * 3)
    out = lines_unwrap(letter).split("\n")
    assert out[2] == "Høringssvar – forslag til ny forskrift om digital dokumentasjon i omsorgen"
    assert out[3].startswith("Kommunen viser") and out[3].endswith("helse.")
    wrapped = ("Fjordvik kommune\nDato: 3.2.2031\n"
               "Velferdsteknologi i hjemmetjenesten og hvordan den tas i bruk av de eldste i\n"
               "Fjordvik kommune, der tjenesten har vært i bruk siden tidlig i pilotperioden\n"
               f"{para}\n" * 3)
    assert "de eldste i Fjordvik kommune, der" in lines_unwrap(wrapped).split("\n")[2]


def test_a_page_without_a_charset_declaration_keeps_its_letters(tmp_path):
    body = ("<p>Hjemmetjenesten på Øyane har prøvd ut digitale tilsyn hos førti brukere, og de "
            "ansatte sier at nettene er blitt roligere.</p>")
    for head in ("<head><title>Tilsyn</title></head>",
                 '<head><meta charset="utf-8"><title>Tilsyn</title></head>'):
        page = f"<html>{head}<body><main><h1>Tilsyn på Øyane</h1>{body}</main></body></html>"
        path = tmp_path / "side.html"
        path.write_bytes(page.encode("utf-8"))
        text = html_read(path, path.read_bytes(), str(path))[0].text
        assert "på Øyane har prøvd ut digitale tilsyn hos førti brukere" in text, head
        assert "Ã" not in text
    # a page in Windows-1252 that says so is read in it
    page = (f'<html><head><meta charset="windows-1252"></head><body><main>{body}</main>'
            "</body></html>")
    text = html_read(tmp_path / "b.html", page.encode("cp1252"), "b.html")[0].text
    assert "på Øyane har prøvd ut digitale tilsyn hos førti brukere" in text


def test_a_run_of_widgets_is_split_but_links_in_running_text_are_not(tmp_path):
    """Links and stamps side by side in a container are a list of widgets: each becomes its
    own line (a link alone is then left behind as furniture), so no widget is glued to
    another or to the text; a paragraph's links in running text keep their sentence whole."""
    page = ("<html><body><main><h1>How do I read my father's letters from the council?</h1>"
            "<div class='question'><span>7</span><p>My father is ninety and has never had an "
            "electronic ID, and the council now sends every letter to a digital mailbox.</p>"
            "<p>Is there a lawful way for me to read them with him, as <a href='#'>the "
            "guide</a> says, without logging in as him?</p>"
            "<a href='#'>digital-mail</a> <a href='#'>power-of-attorney</a> <a href='#'>Share"
            "</a> <a href='#'>Improve this question</a> <span>asked by Per (invented)</span> "
            "<span>12</span></div><h2>1 answer</h2><div class='answer'><span>4</span><p>You "
            "can ask to be registered as his proxy, and then his letters show up in your own "
            "mailbox.</p><a href='#'>Share</a> <a href='#'>Improve this answer</a> "
            "<span>answered 2 months ago</span></div>"
            "</main></body></html>")
    text = html_read(tmp_path / "a.html", page.encode("utf-8"), "a.html")[0].text
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert "Is there a lawful way for me to read them with him, as the guide says, without " \
        "logging in as him?" in lines
    assert not any("Improve this question" in ln or "Share Improve" in ln for ln in lines)
    assert "asked by Per (invented)" in lines and "answered 2 months ago" in lines


def test_a_menu_copied_in_one_line_with_double_spaces_is_broken_into_its_items():
    """"Select all" copies a menu as one line with its items two to four spaces apart; it is
    read as the menu it is, one item a line. A running header's five spaces or more, a
    sentence with a double space, and two items only are left as they are."""
    from digiwelfare.readers import spaced_items_split

    assert spaced_items_split("Forside  Numre  Artikler  Om Juristen  Abonnement") == \
        "Forside\nNumre\nArtikler\nOm Juristen\nAbonnement"
    for kept in ("Tavla på veggen – rapport 7          4",
                 "Kommunen har  prøvd ut tavler i  fire team og  fulgt dem opp.",
                 "Program  Påmelding",
                 "Kurs og konferansar  Fagstoff  medlemskap for alle"):
        assert spaced_items_split(kept) == kept, kept


def test_a_breadcrumb_is_never_joined_to_the_title_under_it():
    """A journal page's breadcrumb, long and ending in no full stop, over the article's title,
    in text wrapped about as wide as the breadcrumb (the shuga set's title was joined to it)."""
    from digiwelfare.readers import lines_unwrap

    page = ("Skip to main content\nScandinavian Journal of Public Administration\n"
            "Home / Archives / Vol. 26 No. 3 (2022) / Articles\n"
            "Typing Welfare: Chat Between Caseworkers and Job Seekers\n"
            "Ola Fjeld\nPublished 2022-09-30\nAbstract\n"
            "We analyse 600 chat messages between caseworkers\n"
            "and job seekers written inside a digital activity\n"
            "plan, and find that caseworkers wrote short,\n"
            "formal messages while job seekers used the chat to\n"
            "explain problems that did not fit the plan.\n")
    out = lines_unwrap(page).split("\n")
    assert "Home / Archives / Vol. 26 No. 3 (2022) / Articles" in out
    assert any(ln.startswith("Typing Welfare") for ln in out)


def test_a_programmes_slots_are_not_glued_to_each_other_nor_to_the_text_under_them():
    # copied from a PDF whose long lines are the talks: each slot's line ends in no full stop
    # and reaches the wrap width, so without the rule every slot and the sentence under the
    # programme became one line
    slots = ["09.00–09.30Kaffe, frukost och registrering för alla deltagarna",
             "09.30–10.15Bostadsbidraget och Skatteverkets uppgifterUtredare (påhittad)",
             "10.15–11.00Digital bostadskö utan BankID och e-legitimationHandläggare",
             "11.00–11.45Hyresgästföreningens syn på digital uthyrningOmbudsman",
             "11.45Lunch",
             "Seminariet riktar sig till uthyrare och handläggare i allmännyttiga bolag.",
             "Dokumentation från föreläsningarna skickas ut efter seminariet i oktober.",
             "Sista dag för anmälan är två veckor före seminariet, kostnaden är låg."]
    text = "\n".join(["Program"] + slots)
    assert lines_unwrap(text).split("\n") == ["Program"] + slots
    # a slot's title wrapped onto the next line in lower case goes on
    wrapped = text.replace("uthyrningOmbudsman", "uthyrningOmbudsman\nfrån förbundet")
    assert "digital uthyrningOmbudsman från förbundet\n11.45Lunch" in lines_unwrap(wrapped)


def test_unwrapping_keeps_a_markdown_tables_rows_and_a_heading_with_an_abbreviation():
    """A Markdown table's rows are rows: none is joined to the next, nor a paragraph under
    the table to its last row; a heading whose only full stop is an abbreviation's ("vedr.
    udkast") keeps its line over the paragraph under it."""
    from digiwelfare.readers import lines_unwrap

    prose = ("Samlinga er for rettleiarar og lærarar som møter unge med digitale plikter i "
             "kvardagen.")
    rows = ["| 10.15Kvifor mistar unge fristane i meldekortet?Kari Vik (oppdikta) |",
            "| 11.00Erfaringar frå ungdomskontakten i kommunen og frå skulen |",
            "| 12.30Gruppearbeid: Ein god veke med meldekort og aktivitetsplan |"]
    text = "\n".join([prose, prose, *rows, "Samlinga er gratis, men vi ber om påmelding "
                      "av omsyn til maten.", prose, prose, prose])
    assert all(row in lines_unwrap(text).split("\n") for row in rows)
    letter = "\n".join(["Dansk Forening for Sagsbehandlere", "København, 8. november 2024",
                        "Høringssvar vedr. udkast til lov om statistisk profilering af ledige",
                        "Foreningen takker for muligheden for at afgive høringssvar om "
                        "lovforslaget.", *[prose] * 6])
    assert ("Høringssvar vedr. udkast til lov om statistisk profilering af ledige"
            in lines_unwrap(letter).split("\n"))
