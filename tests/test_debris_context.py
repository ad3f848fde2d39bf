"""Debris found by where a line stands (digiwelfare.debris_context and the running-header
check of digiwelfare.clean): each kind with a case that must stay."""

from digiwelfare.clean import line_debris, text_clean

PDF_PAGE = (
    "Rapporten drøfter hvordan kommunene kan gi veiledning til dem som ikke bruker digitale "
    "kanaler.1\n"
    "Flere av de spurte søkerne fikk hjelp av familie til å fylle ut den digitale søknaden.2 "
    "Hjelpen blir sjelden registrert.\n"
    "1 Se den tidligere kartleggingen av veiledning i tre fylker.\n"
    "2 Tallene bygger på en spørreundersøkelse blant 900 søkere i 2023.\n"
    "14\n"
    "Kommunene bør derfor ha et kontor der innbyggerne kan få hjelp med søknadene sine.\n")


def test_a_pdfs_footnote_with_a_plain_number_goes_when_the_page_above_calls_it():
    kept, why = text_clean(PDF_PAGE)
    assert "Se den tidligere" not in kept and "Tallene bygger" not in kept
    assert why.count("footnote") == 2
    assert "Kommunene bør derfor" in kept and "Hjelpen blir sjelden" in kept


def test_a_plain_numbered_line_without_a_call_above_it_stays():
    # no call: "kanaler." and "søknaden." carry no number
    uncalled = PDF_PAGE.replace("kanaler.1", "kanaler.").replace("søknaden.2", "søknaden.")
    kept, _ = text_clean(uncalled)
    assert "1 Se den tidligere" in kept and "2 Tallene bygger" in kept
    # the call stands below the line: a numbered point of a list, not a note
    below = ("1 Kommunene skal tilby personlig veiledning til alle som ber om det.\n"
             "Utvalget mener dette er det viktigste grepet for dem som ikke er digitale.1\n")
    assert "1 Kommunene skal tilby" in text_clean(below)[0]
    # a numbered heading after the call has no full stop: a heading, not a note
    heading = PDF_PAGE.replace("1 Se den tidligere kartleggingen av veiledning i tre fylker.",
                               "1 Utvalgets anbefalinger")
    kept, why = text_clean(heading)
    assert "1 Utvalgets anbefalinger" in kept and "Tallene bygger" not in kept
    assert why.count("footnote") == 1


def test_a_line_repeated_with_a_page_number_is_a_running_header():
    report = ("Skjermen mellom oss\nEvaluering av digitale samtaler\n\n"
              "Evalueringen viser at samtalene på video var kortere enn samtalene ved oppmøte.\n"
              "Skjermen mellom oss    5\n"
              "Veilederne savnet å se hvordan brukerne hadde det, særlig i den første samtalen.\n"
              "6    Skjermen mellom oss\n")
    kept, why = text_clean(report)
    assert "Skjermen mellom oss 5" not in kept and "6 Skjermen" not in kept
    assert why.count("running header") + why.count("page header") >= 2
    # a heading with a number whose words stand nowhere else is no running header
    other = report.replace("Skjermen mellom oss    5", "Tabell 5")
    assert "running header" not in text_clean(other.replace("6    Skjermen mellom oss",
                                                            ""))[1]


def test_the_next_abstracts_title_over_an_affiliation_goes_a_closing_question_stays():
    book = ("Att skriva för två läsare\n"
            "Sedan familjer fick läsa journalerna digitalt skriver socialsekreterarna "
            "försiktigare än förut.\n"
            "Vi har analyserat fyrtio utredningar före och efter införandet av e-tjänsten och "
            "intervjuat fjorton socialsekreterare.\n"
            "Nyckelord: dokumentation, barnavård\n"
            "Vem äger schemat i hemtjänsten?\n"
            "Karin Ek, Högskolan i Dalarna\n")
    kept, why = text_clean(book)
    assert "Vem äger schemat" not in kept and "title of another work" in why
    # the same question closing the abstract, with nothing under it, is the abstract's own
    own = book.replace("Karin Ek, Högskolan i Dalarna\n", "")
    assert "Vem äger schemat" in text_clean(own)[0]


def test_a_speakers_name_between_two_bios_goes():
    page = ("Welfare agencies now let rule-based systems decide simple benefit claims without "
            "a caseworker.\n"
            "In this webinar three researchers present what claimants expect of such decisions "
            "and when they stop trusting them.\n"
            "Programme\n13:00 Welcome\n13:10 Survey findings\n13:40 Discussion\n"
            "Speakers\nIda Lund\nProfessor of public administration.\n"
            "Per Aune\nResearcher in sociology of law.\n"
            "Register\nRegistration closes on 3 March 2025 at 12:00.\n")
    kept, why = text_clean(page)
    assert "Per Aune" not in kept and "Ida Lund" not in kept
    assert "In this webinar" in kept


def test_a_question_over_a_contact_link_goes_a_question_over_text_stays():
    page = ("Du søger om kontanthjælp hos kommunen, og det gør du normalt digitalt med MitID.\n"
            "Kan du ikke bruge den digitale løsning, kan kommunen give dig fritagelse.\n"
            "Har du spørgsmål?\nKontakt din kommune\nPrint\nDel siden\n")
    kept, why = text_clean(page)
    assert "Har du spørgsmål?" not in kept and "contact heading" in why
    asked = ("Hvem hjælper dem, der ikke kan bruge MitID?\n"
             "Kommunens borgerservice hjælper hver uge flere hundrede borgere med at søge "
             "digitalt, og det tager ofte lang tid.\n")
    assert "Hvem hjælper dem" in text_clean(asked)[0]


def test_references_without_a_year_go_a_sentence_naming_a_town_stays():
    for line in ("Halvorsen, T. and Nurmi, P. Coding the rulebook. Nordic Journal of Public "
                 "Administration.",
                 "Strand, E. Discretion after automation. Working paper, Digital State group.",
                 "Berg, K.; Lie, O. Skjemaet som forsvant. Manuskript under vurdering."):
        assert line_debris(line) == "reference without a year", line
    for prose in ("Bergen, Norway. The study ran in two offices of the welfare agency.",
                  "Holm, a caseworker, said the form was hard to read. She wrote to us.",
                  "Oslo, Bergen og Tromsø. Alle tre kommunene tok i bruk løsningen i fjor."):
        assert line_debris(prose) is None, prose


def test_under_an_events_speakers_only_a_short_notice_goes():
    """Speakers listed with their roles are the event's content, as time slots are: under
    them a sentence is a footer notice only when it is as short as "Programme subject to
    change."; one that says more about the event stays."""
    page = ("Allt fler kommuner låter den som söker ekonomiskt bistånd göra det i en app, men "
            "få har frågat vad som går förlorat.\n"
            "Medverkande\nAnna Ström, socialsekreterare, Gotlands kommun\n"
            "Ola Berg, forskare, Karlstads universitet\n"
            "{sentence}\nArrangör\nNätverket för digital välfärd\n")
    said = ("Efter samtalet finns tid för frågor från publiken, och alla som själva har sökt "
            "stöd är särskilt välkomna.")
    assert said in text_clean(page.format(sentence=said))[0]
    short = "Programmet kan komma att ändras."
    assert short not in text_clean(page.format(sentence=short))[0]


def test_a_question_over_a_support_phone_number_goes():
    page = ("Hvis du hjelper noen med offentlige tjenester, kan du be om fullmakt i stedet for "
            "å låne deres elektroniske ID.\n"
            "Trenger du mer hjelp?\nBrukerstøtte: 00 00 00 00\nÅpent hverdager 07–23\n")
    kept, why = text_clean(page)
    assert "Trenger du mer hjelp?" not in kept and "contact heading" in why


def test_under_clock_times_a_talks_short_title_is_the_programmes_and_a_sentence_stays():
    """A programme printed as a table (a clock time alone, the talk on the next line) holds
    short and label-like titles ("Lunch", "Users' voices: ..."): the programme's content,
    not furniture, so a sentence under it about the audience stays. Without clock times the
    same short lines are furniture and a short sentence under them is a footer notice."""
    page = ("Konferensen samlar socialchefer och utvecklare som har infört digitala tjänster i "
            "socialtjänsten och vill dela både framgångar och misstag.\n"
            "Program\n09.30\nKaffe och registrering\n10.00\nLunch\n11.15\n"
            "Brukarnas röst: digitalt utanförskap i praktiken\n12.15\nAvslutning\n"
            "Konferensen riktar sig till chefer och medarbetare i kommunernas socialtjänst.\n"
            "Kontakt\nKundservice\n08-000 00 00\n")
    kept, _ = text_clean(page)
    assert "Konferensen riktar sig" in kept
    press = ("En ny studie visar att handläggare som får förslag från ett AI-stöd fattar beslut "
             "snabbare än andra, men att de oftare ber om en andra bedömning.\n"
             "För mer information, kontakta:\nSofia Ek, docent i socialt arbete\n"
             "[email protected]\nPresstjänst: 054-700 10 00\nOm universitetet\n"
             "Universitetet har 18 000 studenter och 1 300 anställda.\n")
    assert "18 000 studenter" not in text_clean(press)[0]


def test_a_lone_numbered_note_whose_call_was_lost_goes_numbered_points_stay():
    """Text out of a PDF that lost the note's call as well: "1 Figures are rounded." with no
    line numbered 2 near it is a note; numbered points (1, 2, 3) and a numbered heading
    without a full stop stay."""
    page = ("The department spent more than planned on the new claims system in 2023.\n"
            "Staff trained on the old system remained essential to resolving exceptions.\n"
            "1 Figures are rounded.\n"
            "14\n"
            "The department should set out a revised timeline for the remaining migration.\n")
    kept, why = text_clean(page)
    assert "Figures are rounded" not in kept and "footnote" in why
    # not at the foot of its page: text goes on under it
    kept, why = text_clean(page.replace("14\n", ""))
    assert "1 Figures are rounded." in kept
    points = ("Vi anbefaler tre tiltak for kommunene i årene som kommer.\n"
              "1 Kommunene skal tilby personlig veiledning til alle som ber om det.\n"
              "2 Kommunene skal måle ventetiden hvert år.\n")
    kept, _ = text_clean(points)
    assert "1 Kommunene skal tilby" in kept and "2 Kommunene skal måle" in kept


def test_numbered_sentences_in_the_text_are_no_lone_notes():
    """A reviewer's cases: numbered points where the next one wraps, a point before one that
    ends in a colon, a sentence opening with a number and an acronym, a numbered heading
    written as a sentence, a single numbered point in the middle of the text."""
    intro = "Utvalget har sett på hvordan kommunene følger opp dem som søker om hjelp.\n"
    cases = [
        intro + "1 Kommunene skal tilby personlig veiledning.\n"
        "2 Kommunene skal måle ventetiden for alle som søker om økonomisk\n"
        "sosialhjelp, og melde den hvert år.\n3 Staten skal betale for tolk.\n"
        "Dette er de viktigste grepene for dem som ikke er digitale.\n",
        intro + "1 The Department should publish its rules for automated checks.\n"
        "2 The Department should report on the following:\n"
        "the number of checks, and the number of appeals.\n",
        intro + "27 NAV offices took part in the first round of the digital pilot.\n"
        "The second round will follow next year in the same counties.\n",
        intro + "3 Kommunene har ikke god nok oversikt over hvem som faller utenfor.\n"
        "Mange av dem som faller utenfor, har ingen fast kontakt med kommunen.\n",
        intro + "1 Every letter about a benefit decision must name the rule that was applied.\n"
        "The board found that most letters did not do so in 2023.\n"]
    for page in cases:
        kept, why = text_clean(page)
        assert "footnote" not in why, page


def test_a_chapter_heading_or_a_contents_entry_with_the_next_number_is_no_list_point():
    """A lone note's page may hold the next chapter's numbered heading ("2 Anbefalinger") and
    the table of contents' entry for it: neither is the next point of a numbered list, so the
    note still goes. A numbered point written as a sentence still keeps the line."""
    page = ("Indhold\n1 Indledning ........................ 3\n"
            "2 Anbefalinger ..................... 5\nSide 3 af 12\n1 Indledning\n"
            "Flere kommuner tilbyder i dag genoptræning med video efter udskrivning fra sygehus.\n"
            "Side 4 af 12\n2 Anbefalinger\n"
            "Borgeren bør altid kunne vælge fysisk genoptræning, hvis det digitale tilbud ikke "
            "passer.\n"
            "1 Se også styrelsens notat om telemedicin.\n"
            "Side 5 af 12\n")
    kept, why = text_clean(page)
    assert "Se også styrelsens notat" not in kept and "footnote" in why
    assert "Borgeren bør altid" in kept and "Flere kommuner tilbyder" in kept
    point = page.replace("2 Anbefalinger\n", "2 Kommunerne skal måle ventetiden hvert år.\n")
    assert "1 Se også styrelsens notat" in text_clean(point)[0]


def test_a_call_glued_to_a_word_before_a_comma_calls_its_note():
    """Text out of a PDF keeps a note's call as a digit glued to the word, also before a comma
    ("innleggingar1, men"): the numbered line further down the page is that note."""
    page = ("Talet på eldre med fleire kroniske sjukdomar aukar raskare enn talet på "
            "sjukepleiarar.\nHeimeoppfølging kan gje færre innleggingar1, men krev at "
            "kommunane avklarer ansvaret.\n"
            "1 Erfaringar frå to sjukehus i regionen, 2022–2023.\n"
            "Kommunane bør difor lage avtalar med sjukehuset om kven som svarar på varsla.\n")
    kept, why = text_clean(page)
    assert "Erfaringar frå to sjukehus" not in kept and "footnote" in why
    assert "Kommunane bør difor" in kept
    # the same line with no call anywhere and text going on under it stays
    assert "1 Erfaringar frå" in text_clean(page.replace("innleggingar1,", "innleggingar,"))[0]


def test_readers_comments_under_the_text_go_a_reports_comments_section_stays():
    """A comments heading below the text, over a thread of names and short replies, goes with
    the thread; the same word in a menu above the text, or over a paragraph of text (a
    report's "Comments" on a draft), stays."""
    page = ("Kommentarer\nNyheter\n"
            "Når banken stenger, må de eldste i bygda be naboene om hjelp med mobilen.\n"
            "Frivillige i kirka hjelper hver fredag med regninger og søknader.\n"
            "Kommentarer (2)\nBritt i Vindeln\nAkkurat slik er det her også, takk for saken.\n"
            "Anders_L\nHvorfor skal bankene slippe ansvaret?\nLogg inn for å kommentere\n")
    kept, why = text_clean(page)
    assert "takk for saken" not in kept and "Hvorfor skal bankene" not in kept
    assert why.count("comments") >= 4
    assert "Frivillige i kirka hjelper" in kept
    report = page.replace(
        "Britt i Vindeln\nAkkurat slik er det her også, takk for saken.\n",
        "Høringsinstansene var enige om at tilbudet må følge pengene, og flere av dem ba om "
        "at kommunen setter av midler til frivillige som hjelper innbyggere med digitale "
        "tjenester hver uke gjennom hele året.\n")
    assert "Høringsinstansene var enige" in text_clean(report)[0]
    assert "comments" not in text_clean(page.split("Kommentarer (2)")[0])[1]


def test_comments_after_their_writers_handles_go_under_a_comments_heading():
    page = ("Ungdomsmottagningen öppnar chatt på kvällarna\n"
            "Från i höst kan unga i kommunen chatta med en kurator fram till klockan nio på "
            "kvällen, meddelar förvaltningen.\n"
            "Kommentarer (14)\nMalin_V: Min dotter hade aldrig ringt, men hon skrev.\n"
            "kvällstrött: Varför stänger allt klockan fyra?\n")
    kept, why = text_clean(page)
    assert "Min dotter" not in kept and "Varför stänger" not in kept
    assert "chatta med en kurator" in kept
    # a report's "Comments" heading over notes that open with a label stays
    report = page.replace("Kommentarer (14)", "Comments").replace(
        "Malin_V: Min dotter hade aldrig ringt, men hon skrev.\nkvällstrött: Varför stänger "
        "allt klockan fyra?\n",
        "The reference group read the draft twice and asked for a clearer account of who "
        "answers the chat at night and how the counsellors hand over cases to the day team.\n")
    assert "reference group read the draft" in text_clean(report)[0]


def test_a_letters_signature_under_its_place_and_date_goes():
    """A parliamentary question signed under its place and date (the pancake set showed it);
    the answer's heading under the signature, and the text after it, stay."""
    letter = ("Till riksdagens talman\n"
              "Flera kommuner har börjat använda chattbotar som ger råd innan klienten får "
              "kontakt med en socialarbetare.\n"
              "Hur avser regeringen säkerställa att klienter alltid kan nå en människa?\n"
              "Helsingfors den 20 mars 2025\n"
              "Anna Berg /sv\n"
              "Enligt socialvårdslagen har klienten rätt till rådgivning av en yrkesutbildad "
              "person.\n")
    kept, why = text_clean(letter)
    assert "Anna Berg /sv" not in kept and "signature" in why
    assert "Helsingfors den 20 mars" not in kept
    assert "Enligt socialvårdslagen" in kept and "Hur avser regeringen" in kept
    english = letter.replace("Helsingfors den 20 mars 2025", "Oslo, 3 March 2025")
    assert "Anna Berg /sv" not in text_clean(english)[0]


def test_a_place_and_date_that_ends_no_text_signs_nothing():
    # a conference's place and date under a paper's authors, over its first heading
    paper = ("Rules as code in social assistance: who translates the law?\n"
             "Anders Wiik and Lea Korhonen\nTampere, 12–13 June 2023\nExtended abstract\n"
             "Several municipalities now write the rules for social assistance as code.\n")
    assert "signature" not in text_clean(paper)[1]
    # a stamp is no place; a sentence under a place and date is no signature
    for date_line in ("Publisert 3. mars 2025", "Updated 1 May 2024"):
        page = ("Kommunen har tatt i bruk en ny chat for unge.\n" + date_line +
                "\nKontakt oss\n")
        assert "signature" not in text_clean(page)[1]
    news = ("Kommunen har tatt i bruk en ny chat for unge.\nBergen, 3. mars 2025\n"
            "Tjenesten er åpen hver kveld fram til klokken ti.\n")
    assert "Tjenesten er åpen" in text_clean(news)[0]


def test_a_sentence_over_a_field_with_commas_is_no_title_of_another_work():
    """A routine's last sentence over its "Ansvarleg:" field, whose value reads like an
    affiliation (the hummock set lost it as the title of another abstract). A title over its
    affiliation still goes (the test above)."""
    routine = ("3 Tilbakebetaling\nVed feilutbetaling skal søkjaren alltid få eit førehandsvarsel "
               "med frist til å uttale seg.\nRutinen skal reviderast innan 2026, eller "
               "tidlegare om regelverket blir endra.\n\nAnsvarleg: Einingsleiar, Nav Herøy\n")
    assert "Rutinen skal reviderast" in text_clean(routine)[0]


def test_a_breadcrumb_or_a_skip_link_is_no_fields_label_or_value():
    """A press release copied with its menu: the site's name over "Meny", "Søk" over a
    breadcrumb and the kicker over the headline alternate as a block of fields does (the
    pancake set lost its headline so); a real block of fields is still found."""
    page = ("Hopp til hovedinnhold\nBodø kommune\nMeny\nSøk\nForsiden / Aktuelt / "
            "Pressemeldinger\nPressemelding\nChatboten Bodil svarer hele døgnet\n"
            "Publisert 12.03.2024\nFra i dag kan innbyggerne stille spørsmål til kommunen når "
            "som helst på døgnet.\n")
    from digiwelfare.titles import title_find
    assert title_find(page) == "Chatboten Bodil svarer hele døgnet"
    facts = ("Dato\nTirsdag 11. mars\nSted\nHotellet, sal 2\nPris\nGratis\n"
             "Seminaret samler forskere og ansatte i kommunene til en dag om digitale tjenester.\n")
    assert text_clean(facts)[1].count("field block") == 5  # and the date, as a date


def test_an_events_hours_under_its_programme_stay_a_notice_without_them_goes():
    """Under a programme's slots, a short sentence with the event's clock time ("Vi slutter
    senest klokken 14.00.") is the programme's; "Programme subject to change." is furniture."""
    from digiwelfare.clean import text_clean

    page = ("Temadag om digital kørsel\nPå temadagen ser vi på, hvad det betyder for brugerne, "
            "når bestilling og godtgørelse flytter ind i en app.\nProgram\n09.30Velkomst\n"
            "10.00Appen efter to år\n11.30Frokost\n12.15Brugerne fortæller\n{}\n"
            "Tilmeld dig her\n")
    kept, _ = text_clean(page.format("Vi slutter senest klokken 14.00."))
    assert "Vi slutter senest klokken 14.00." in kept
    kept, _ = text_clean(page.format("Programmet kan blive ændret."))
    assert "Programmet kan blive ændret." not in kept
