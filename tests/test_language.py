from conftest import EN_1, EN_2, NB_1, NB_2

from digiwelfare.language import (
    _language_main,
    corpus_language_parts,
    language_detect,
    language_tag,
    paragraphs_split,
    text_languages_split,
)


def test_detect_between_tagged_languages():
    assert language_detect(EN_1, ("en", "nb")) == "en"
    assert language_detect(NB_1, ("en", "nb")) == "nb"
    assert language_detect(NB_2, ("en", "nb", "da", "sv")) == "nb"


def test_paragraphs_split_on_blank_lines():
    assert paragraphs_split("a b\n\n\n c d \n \nе") == ["a b", "c d", "е"]


def test_bilingual_text_is_split_and_nothing_is_dropped():
    text = f"Back to search\n\n{EN_1}\n\n{EN_2}\n\nNorsk sammendrag\n\n{NB_1}\n\n{NB_2}"
    parts = text_languages_split(text, "en;nb")
    assert list(parts) == ["en", "nb"]
    assert EN_1 in parts["en"] and EN_2 in parts["en"]
    assert NB_1 in parts["nb"] and NB_2 in parts["nb"]
    assert "Back to search" in parts["en"]  # a short opening line joins the paragraph after it
    assert "Norsk sammendrag" in parts["en"]  # a heading joins the paragraph before it
    joined = sorted(p for part in parts.values() for p in paragraphs_split(part))
    assert joined == sorted(paragraphs_split(text))


def test_a_paragraph_in_another_language_never_meets_the_wrong_lemmatiser():
    # tagged English, but its second paragraph is Norwegian: that one goes to the nb part
    assert text_languages_split(f"  {EN_1}\n\n{NB_1} ", "en") == {"en": EN_1, "nb": NB_1}


NN_1 = ("Kommunen har teke i bruk eit nytt fagsystem, og dei tilsette seier at dei ikkje "
        "fekk nok opplæring før systemet vart sett i drift.")
DA_1 = ("Kommunerne har i de seneste år indført nye digitale løsninger, og medarbejderne "
        "fortæller, at de bruger meget tid på at dokumentere deres arbejde.")


def test_nynorsk_danish_and_bokmal_are_kept_apart():
    assert language_detect(NN_1) == "nn"
    assert language_detect(DA_1) == "da"
    assert language_detect(NB_1) == "nb" and language_detect(NB_2) == "nb"
    nn_part = NN_1 + " Difor vil kommunen no prøve ut ei ny ordning med rettleiing på kvar eining."
    assert language_tag(f"{nn_part}\n\n{NB_1} {NB_2}") == "nn;nb"


def test_a_short_paragraph_does_not_make_a_text_bilingual():
    text = f"{NB_1}\n\n{NB_2}\n\nSkip to main content\n\nEnglish version"
    assert language_tag(text) == "nb"
    # a Norwegian line of twelve words under English text: too short a part (fifteen words
    # of the other family make one, the labelled sets' one-sentence summaries)
    short = "Kommunen prøver ut digitale tavler i fire team i år."
    assert language_tag(f"{EN_1} {EN_2}\n\n{short}") == "en"


def test_corpus_parts_filter_by_language(small_corpus):
    from digiwelfare.corpus import corpus_read

    parts = corpus_language_parts(corpus_read(small_corpus), "nb")
    assert list(parts["id"]) == ["b1", "b2", "c1"]
    assert NB_1 in parts.set_index("id").loc["c1", "text"]
    assert EN_1 not in parts.set_index("id").loc["c1", "text"]


def test_guess_goes_with_the_majority_of_words():
    assert _language_main(f"{NB_1}\n\n{NB_2}\n\n{EN_1}") == "nb"
    assert _language_main(f"Kort.\n\n{EN_1}\n\n{EN_2}\n\n{NB_1}") == "en"
    assert _language_main(f"{NN_1}\n\nKort.") == "nn"


def test_a_summary_in_another_language_is_found_without_blank_lines_between_paragraphs():
    """Text copied from a page keeps a paragraph a line: the English summary under the
    Norwegian one, with no blank line, is still its own paragraph and language."""
    text = f"{NB_1}\n{NB_2}\nSummary in English\n{EN_1}\n{EN_2}"
    assert paragraphs_split(text) == [NB_1, NB_2, "Summary in English", EN_1, EN_2]
    assert language_tag(text) == "nb;en"
    # a line wrapped in mid-sentence stays with its paragraph
    assert paragraphs_split("The caseworkers read every\nletter twice.\n\nNext") == [
        "The caseworkers read every\nletter twice.", "Next"]


# Paragraphs written for the fast path: clear ones that the stop words decide, and others that
# they must leave to lingua.
_CLEAR = {
    "en": "In the first year of the project the team met with the caseworkers every week, and "
          "they told us which of the new forms had been the hardest for their clients to fill in.",
    "nb": "Vi har sett at mange av de eldre brukerne ikke har noen som kan hjelpe dem når de "
          "skal logge inn, og at det ofte er biblioteket som tar imot dem etter at kontoret "
          "har stengt.",
    "nn": "Dei tilsette fortalde at dei ikkje alltid veit kva brukarane treng, og at det ofte "
          "er frå naboar og familie at folk får hjelp når dei skal søkje om noko på nett.",
}
_UNCLEAR = [
    "Kommunen er med i et nytt prosjekt om digital hjemmeoppfølging.",  # too few stop words
    "Vi har set at mange af de ældre borgere ikke kan få hjælp, når de skal logge på, og at "
    "biblioteket ofte tager imod dem, efter at kontoret har lukket.",  # Danish
    "Vi har sett att många av de äldre brukarna inte har någon som kan hjälpa dem när de ska "
    "logga in, och att biblioteket ofta tar emot dem.",  # Swedish
    "Hanna Lind and Ole Sæther gave the talk at the seminar in Tromsø on the new app.",
    "The Ministry of Labour read the report on the first of May.",  # short
]


def _lingua(text: str) -> str:
    from digiwelfare.language import CANDIDATES, _code, _detector

    found = _detector(tuple(sorted(CANDIDATES))).detect_language_of(text)
    return _code(found, text, CANDIDATES)


def test_clear_paragraphs_are_decided_as_lingua_decides_them():
    from digiwelfare.language import language_clear

    for code, text in _CLEAR.items():
        assert language_clear(text) == code == _lingua(text)
    for text in _UNCLEAR:
        assert language_clear(text) is None


def test_batch_detection_gives_each_paragraph_lingua_s_answer():
    from digiwelfare.language import texts_language

    texts = [*_CLEAR.values(), *_UNCLEAR, EN_1, NB_1, NB_2]
    assert texts_language(texts) == [_lingua(t) for t in texts]
    assert texts_language(texts[3:5], ("en", "nb")) == [
        language_detect(t, ("en", "nb")) for t in texts[3:5]]


def test_corpus_parts_detected_in_one_batch_match_each_document_split_alone(small_corpus):
    from digiwelfare.corpus import corpus_read

    corpus = corpus_read(small_corpus)
    parts = corpus_language_parts(corpus)
    alone = [(doc.id, code, part) for doc in corpus.itertuples(index=False)
             for code, part in text_languages_split(doc.text, str(doc.language or "")).items()]
    assert sorted(map(tuple, parts.itertuples(index=False))) == sorted(alone)


_NN_ARTICLE = "\n\n".join([
    "Artikkelen handlar om korleis tilsette i barnehagane brukar ein app til å dokumentere "
    "kvardagen til barna, og kva foreldra meiner om det dei får sjå.",
    "Vi har intervjua tolv pedagogiske leiarar i tre kommunar og lese meldingane dei sende "
    "heim gjennom eit heilt barnehageår.",
    "Dei tilsette fortel at appen tek tid frå leiken, men at foreldra set pris på bilete og "
    "korte meldingar frå dagen.",
    "Kommunane bør difor avklare kva som skal dokumenterast, og kven som skal få sjå det som "
    "blir skrive om kvart barn.",
    "Det er ikkje sikkert at meir dokumentasjon gjer tenesta betre for barna, og fleire av "
    "leiarane ønskjer seg klarare rettleiing frå kommunen."])


def test_a_summary_in_the_other_family_tags_the_text_a_sister_languages_paragraph_does_not():
    """An English abstract of two sentences under a Nynorsk article is a part in English
    (the labelling convention: a paragraph of real text); a Bokmål paragraph of the same
    length in the Nynorsk text is held to the share, as a detector's slip between sister
    languages is common, and does not tag it."""
    english = ("The article examines how kindergarten staff use an app to document the "
               "children's day. Staff say the app takes time from play, while parents value "
               "pictures and short messages.")
    assert language_tag(f"{_NN_ARTICLE}\n\n{english}") == "nn;en"
    bokmal = ("Det er ikke sikkert at mer dokumentasjon gjør tjenesten bedre for barna, og "
              "flere av lederne ønsker seg tydeligere veiledning fra kommunen hvert år.")
    assert language_tag(f"{_NN_ARTICLE}\n\n{bokmal}") == "nn"
    # a line of English under fifteen words is still no part
    assert language_tag(f"{_NN_ARTICLE}\n\nThe app takes time from play, staff say.") == "nn"
    one_sentence = ("The thesis finds that the app shapes what staff document about each "
                    "child during the day.")
    assert language_tag(f"{_NN_ARTICLE}\n\n{one_sentence}") == "nn;en"


def test_nynorsk_is_told_by_its_verbs_and_plurals_not_only_its_function_words():
    """A short Nynorsk paragraph with none of the commonest marker words ("ikkje", "eit",
    "dei") still has Nynorsk verb and noun forms (the hummock set's "gjer", "pengar",
    "opplysningane"); the Bokmål doublets of the same sentence stay Bokmål."""
    from digiwelfare.language import norwegian_standard

    nn = "Kommunen kontrollerer opplysningane dine mot register før vi gjer vedtak."
    nb = "Kommunen kontrollerer opplysningene dine mot registre før vi gjør vedtak."
    assert norwegian_standard(nn) == "nn" and norwegian_standard(nb) == "nb"
    assert norwegian_standard("Dersom vi finn feil, krev vi pengar tilbake utan å spørje.") \
        == "nn"
    assert norwegian_standard("Hvis vi finner feil, krever vi penger tilbake uten å spørre.") \
        == "nb"


def test_nynorsk_nouns_and_verbs_of_everyday_prose_mark_the_standard():
    """A Nynorsk line of a programme or a report may hold none of the function words, only
    its own noun and verb forms ("kommunar", "løysingar", "byrjar", "kjem", "særleg"); the
    same line in Bokmål stays Bokmål; "gjeld" (debt in both standards) decides nothing."""
    from digiwelfare.language import norwegian_standard

    nn = "Møtet byrjar klokka ni, og vi ynskjer særleg at tillitsvalde frå kommunane kjem."
    nb = "Møtet begynner klokka ni, og vi ønsker særlig at tillitsvalgte fra kommunene kommer."
    assert norwegian_standard(nn) == "nn" and norwegian_standard(nb) == "nb"
    assert norwegian_standard("Kommunane har svært ulike løysingar for leigetakarar.") == "nn"
    assert norwegian_standard("Dagen passer for alle som møter folk med gjeld.") == "nb"


def test_opening_regard_and_guidance_words_tell_nynorsk_from_bokmal():
    """"Vi opnar dørene klokka ni" and "av omsyn til" are Nynorsk; "Vi åpner dørene" and
    "av hensyn til" Bokmål."""
    from digiwelfare.language import norwegian_standard

    assert norwegian_standard("Vi opnar dørene klokka ni og tek omsyn til alle.") == "nn"
    assert norwegian_standard("Vi åpner dørene klokka ni og tar hensyn til alle.") == "nb"


def test_nynorsk_plural_endings_mark_the_standard():
    """A Nynorsk sentence with none of the marker words still has its plural endings
    ("innbyggjarane", "løysingar"); the Bokmål sentence has none."""
    from digiwelfare.language import norwegian_standard

    assert norwegian_standard("Kommunen ber om opplæring, slik at det kan hjelpe "
                              "innbyggjarane med appen.") == "nn"
    assert norwegian_standard("Kommunen ber om opplæring, slik at det kan hjelpe "
                              "innbyggerne med appen.") == "nb"
