"""Paragraphs in languages the compendium does not analyse (digiwelfare.language_other): each
paragraph below was written for this test in the language its key names (the reference is
that label, given by hand), and none of them may be forced into English, Bokmål, Nynorsk,
Danish or Swedish; English and Scandinavian paragraphs that quote or name something foreign,
and invented words, must keep their language."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digiwelfare import language_other
from digiwelfare.language import language_tag, text_languages_split, texts_language
from digiwelfare.runs import LANGUAGES, language_left_out
from digiwelfare.tokens import stopwords_read
from digiwelfare.tokentable import tokens_build, tokens_modelled

FOREIGN = {
    "de": "Die Digitalisierung der Sozialverwaltung ist in vielen Kommunen noch nicht weit "
          "gekommen, und die Anträge werden oft auf Papier gestellt.",
    "nl": "De gemeente heeft een digitaal loket geopend, maar veel ouderen kunnen het niet "
          "gebruiken zonder hulp van een medewerker bij de balie.",
    "fr": "Les caisses ont ouvert des services en ligne pour les allocataires, mais une partie "
          "du public reste sans accès et demande un accompagnement au guichet.",
    "es": "El ayuntamiento ha puesto en marcha una sede electrónica para las ayudas sociales, "
          "pero muchas personas mayores no saben cómo usarla sin apoyo.",
    "it": "Il comune ha introdotto una piattaforma digitale per le domande di sostegno, ma "
          "molti anziani non riescono a usarla senza l'aiuto degli operatori.",
    "pt": "A segurança social criou um portal para os pedidos de apoio, mas muitas pessoas "
          "idosas não conseguem usar o serviço sem ajuda de um funcionário.",
    "fi": "Kunnat ovat ottaneet käyttöön sähköisen asioinnin, mutta kaikki asiakkaat eivät "
          "osaa käyttää palveluja ilman apua, ja siksi neuvontaa tarvitaan myös jatkossa.",
    "et": "Vald avas e-teeninduse, kuid paljud eakad ei oska seda kasutada ja vajavad "
          "endiselt abi, sest kõik ei ole arvutiga harjunud.",
    "is": "Sveitarfélögin hafa tekið upp rafræna þjónustu, en það eru ekki allir sem geta "
          "notað hana án aðstoðar frá starfsfólki.",
    "pl": "Wniosek o świadczenie można złożyć przez internet, ale wiele osób starszych nie "
          "korzysta z usług cyfrowych i potrzebuje pomocy w urzędzie.",
    "lt": "Savivaldybė įdiegė elektroninę paslaugą, bet daugelis vyresnių žmonių jos "
          "nenaudoja, nes jiems reikia pagalbos ir tai yra sudėtinga.",
    "tr": "Belediye sosyal yardım başvuruları için bir internet sitesi açtı, ancak yaşlıların "
          "çoğu bu hizmeti yardım olmadan kullanamıyor ve daha çok destek istiyor.",
    "so": "Waxaad codsan kartaa gargaarka dhaqaale adigoo isticmaalaya bogga internetka, "
          "laakiin dad badan ayaa u baahan caawimaad si ay u buuxiyaan foomka.",
    "cs": "Obec spustila elektronickou podatelnu, ale mnoho starších lidí ji nepoužívá, protože "
          "potřebují pomoc úředníka a nemají počítač.",
    "hu": "Az önkormányzat elektronikus ügyintézést vezetett be, de sok idős ember nem tudja "
          "használni segítség nélkül, ezért még mindig sorban állnak.",
    "uk": "Заяву на житлову субсидію можна подати онлайн через портал державних послуг, але "
          "багато людей похилого віку потребують допомоги.",
    "ru": "Заявление на пособие можно подать через интернет, но многим пожилым людям нужна "
          "помощь сотрудников центра социальной защиты.",
    "ar": "يمكن تقديم طلب المساعدة الاجتماعية عبر الإنترنت، لكن كثيرا من كبار السن يحتاجون "
          "إلى المساعدة في مكتب البلدية.",
}

OURS = {
    # English with "et al.", "per", "see", "door", "plus" and a French body's name
    "en": "Smith et al. found that the cost per claimant rose, plus the door-to-door help of "
          "the Caisse nationale des allocations familiales; see also the status quo.",
    # Bokmål quoting a German title
    "nb": "Rapporten «Digitalisierung der Verwaltung» ble oversatt, og NAV har brukt den i "
          "arbeidet med nye digitale tjenester for brukerne.",
    # Danish, whose "der", "den" and "en" are German or French words as well
    "da": "Der er mange borgere, der ikke kan bruge de digitale løsninger, og kommunen har "
          "derfor oprettet en hjælpeskranke i borgerservice.",
    "sv": "Kommunen har infört en e-tjänst för ekonomiskt bistånd, men många äldre behöver "
          "fortfarande hjälp av handläggaren för att kunna ansöka.",
    "nn": "Kommunen har teke i bruk eit nytt digitalt system, men dei tilsette seier at "
          "mange brukarar ikkje får det til utan hjelp frå kontoret.",
}

#: A short Polish notice with few function words: its letters show it
POLISH_SHORT = ("Większość listów z gminy trafia do cyfrowej skrzynki pocztowej, a w urzędzie "
                "pomożemy założyć konto.")


def test_letters_no_analysed_language_writes_are_a_sign():
    assert language_other.other_language_evidence(POLISH_SHORT) is None
    assert language_other.foreign_letters(POLISH_SHORT)
    assert texts_language([POLISH_SHORT]) == ["pl"]
    # two names with such letters in a Norwegian sentence are no sign
    names = ("Łukasz Wiśniewski (oppdiktet) ledet prosjektet i Bærum sammen med kommunens "
             "digitaliseringsenhet.")
    assert not language_other.foreign_letters(names)
    assert texts_language([names]) == ["nb"]


#: Invented words, as a planted corpus writes them: no sign of any language
PSEUDO = ("rolang craithack stopand daiwhall bousang whichash timath soodall wheepash "
          "stopand paishand stewhand hemang toshath chatart")


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_a_paragraph_in_another_language_keeps_its_code(code):
    assert texts_language([FOREIGN[code]]) == [code]


@pytest.mark.parametrize("code", sorted(OURS))
def test_our_languages_stay_ours_whatever_they_quote(code):
    assert texts_language([OURS[code]]) == [code]
    assert language_other.texts_other_language([OURS[code]]) == [None]


def test_invented_words_stay_with_the_five():
    assert texts_language([PSEUDO])[0] in LANGUAGES
    assert language_other.other_language_evidence(PSEUDO) is None
    assert not language_other.other_script(PSEUDO)


def test_a_script_no_detector_knows_is_undetermined():
    # Ethiopic letters (lingua has no language written in them)
    text = "ሰላም ለሁሉም ሰው የሚሆን አገልግሎት በኢንተርኔት ይገኛል ብለን እናምናለን"
    assert language_other.other_script(text)
    assert texts_language([text]) == [language_other.UNDETERMINED]


def test_a_summary_in_another_language_is_a_part_of_its_own():
    doc = (OURS["nb"] + " Tjenestene ble testet i tre kommuner i løpet av våren.\n\n"
           "Zusammenfassung\n\n" + FOREIGN["de"])
    assert language_tag(doc) == "nb;de"
    parts = text_languages_split(doc)
    assert list(parts) == ["nb", "de"]
    assert "Sozialverwaltung" in parts["de"] and "Rapporten" in parts["nb"]
    assert "Sozialverwaltung" not in parts["nb"]


def test_a_cookie_line_in_english_does_not_make_a_german_page_bilingual():
    doc = ("We use cookies.\n\n" + FOREIGN["de"] + " Die Kommunen arbeiten mit verschiedenen "
           "Systemen und haben wenig Personal.")
    assert language_tag(doc) == "de"


def test_other_languages_reach_no_model_and_are_listed_with_the_reason():
    corpus = pd.DataFrame({"id": ["a", "b"], "language": ["", ""],
                           "text": [OURS["sv"] + "\n\n" + FOREIGN["fi"], FOREIGN["pl"]]})
    table = tokens_build(corpus, clean=False)
    assert sorted(zip(table["id"], table["language"], strict=True)) == [("a", "fi"), ("a", "sv"),
                                                          ("b", "pl")]
    modelled, unmodelled = tokens_modelled(table, min_docs=1)
    assert list(modelled["language"]) == ["sv"]
    assert sorted(unmodelled["language"]) == ["fi", "pl"]
    assert all("no stop words or lemmas for language" in r for r in unmodelled["reason"])
    # the Finnish words never met the Swedish lemmatiser
    assert not {"kunnat", "asiakkaat"} & set(modelled["tokens"][0])


def test_the_reason_names_an_undetermined_language():
    assert "undetermined" in language_left_out("und", {"und": 3})


def test_listed_words_are_no_stop_words_of_the_five():
    ours = frozenset().union(*(stopwords_read(c) for c in LANGUAGES))
    words = language_other.other_language_words()
    assert len(words) >= 10 and all(len(w) >= 15 for w in words.values())
    assert not any(ours & w for w in words.values())


def test_a_bad_code_in_the_list_is_named(tmp_path, monkeypatch):
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "other_languages.yaml").write_text("xx: a b c\n", encoding="utf-8")
    monkeypatch.setattr(language_other, "lexicon_file", lambda name: folder / name)
    language_other.other_language_words.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"other_languages.yaml: 'xx'"):
            language_other.other_language_words()
    finally:
        language_other.other_language_words.cache_clear()


def test_a_page_mostly_in_another_language_keeps_its_short_lines():
    # short German lines with no sign of their own, on a page German by its longer text
    doc = "\n\n".join([
        FOREIGN["de"] + " Die Ämter haben zu wenig Personal für die Beratung.",
        "Viele Menschen kommen deshalb mit ihren Unterlagen ins Bürgeramt, wo die "
        "Mitarbeiter die Formulare gemeinsam mit ihnen am Bildschirm ausfüllen.",
        "1. Den Antrag online ausfüllen und Belege hochladen.",
        "2. Termin für die Beratung im Bürgeramt vereinbaren.",
        OURS["nb"]])
    short = "1. Den Antrag online ausfüllen und Belege hochladen."
    assert language_other.other_language_evidence(short) is None
    parts = text_languages_split(doc)
    assert short in parts["de"] and "Termin" in parts["de"]
    assert "Rapporten" in parts["nb"] and language_tag(doc) == "de;nb"


def _evidence_by_hand(text: str) -> str | None:
    # the rule as the docstring states it, every listed language tried in turn
    words = language_other._WORD.findall(text.lower())
    best, most = None, 0
    for code, listed in sorted(language_other.other_language_words().items()):
        hits = len(set(words) & listed)
        if len(words) >= language_other.MIN_HITS and hits > most and \
                hits >= language_other.MIN_HITS and \
                sum(w in listed for w in words) >= language_other.MIN_SHARE * len(words):
            best, most = code, hits
    return best


_BY_CODE = {code: sorted(words)[:40] for code, words in
            sorted(language_other.other_language_words().items())}


@st.composite
def _paragraphs(draw):
    # mostly one listed language's words (a few hits or many), some of a second, some of ours
    codes = st.sampled_from(sorted(_BY_CODE))
    first, second = draw(codes), draw(codes)
    ours = ["the", "og", "digital", "NAV", "kommune", "welfare", "2024", "Ämter"]
    return draw(st.lists(st.one_of(st.sampled_from(_BY_CODE[first]), st.sampled_from(
        _BY_CODE[second]), st.sampled_from(ours)), max_size=14))


@settings(max_examples=400, deadline=None)
@given(_paragraphs())
def test_the_evidence_of_a_listed_language_is_what_trying_every_language_gives(words):
    text = " ".join(words)
    assert language_other.other_language_evidence(text) == _evidence_by_hand(text)
