"""Telling the Nordic languages apart where lingua is unsure: Nynorsk from Bokmål by their
word forms (:func:`norwegian_standard`), Danish from Norwegian by the stop words only one of
them writes (:func:`danish_or_norwegian`), and one standard for the Norwegian paragraphs of
a document whose short ones lingua split (:func:`one_norwegian_standard`).
:mod:`digiwelfare.language` asks these after its stop-word profiles and lingua."""

from __future__ import annotations

import re

# Word forms that mark Nynorsk against Bokmål and the reverse (frequent function words and
# inflections that the two standards spell differently).
_NN = frozenset("""ikkje eg dei eit ein frå korleis kva kvifor berre òg vere vore sjølv
heile noko nokon kvar mykje meir medan saman dykk hjå ho einskilde tilsette teneste tenester
tenestene verksemda brukarane brukarar brukaren medarbeidarar leiarar leiaren vart difor
sidan gjer gjere sjå høve fleire desse dykkar enno meiner seier fekk gjekk vert tidlegare
naudsynt naudsynte pengar heime eigen eige eigne søkje søkjer søkjar søkjaren søkjarar tenesta
opplysningar opplysningane kven framleis gong gongen heilt auke aukar bustad tilbod utan veke
veker nokre kjem kome komen byrjar byrja ynskjer ynskje ønskjer ønskje særleg vidare
kommunar kommunane løysing løysinga løysingar løysingane bustader bustadene bustadane leige
leigetakar leigetakarar leigetakarane tillitsvalde elevar lærarar arbeidsgjevar
arbeidsgjevarar arbeidstakar arbeidstakarar sjukmeld sjukmelding sjukmeldinga mogleg
moglegheit moglegheiter vanleg verksemd verksemder rettleiing avgjerd avgjerda seinare
seinast opnar opna omsyn rettleiar rettleiarar treng opne ope handsama handsame handsaming
handsamar måndag tysdag laurdag sundag høge høgt""".split())
_NB = frozenset("""ikke jeg de et en fra hvordan hva hvorfor bare være vært selv hele noe noen
hver mye mer mens sammen dere hun enkelte ansatte tjeneste tjenester tjenestene virksomheten
brukerne brukere brukeren medarbeidere ledere lederen ble derfor siden gjør gjøre se
mulighet flere disse deres ennå mener sier fikk gikk tidligere nødvendig nødvendige penger
hjemme egen eget egne søkeren tjenesten opplysninger opplysningene hvem fremdeles helt øke
øker bosted tilbud uten kommer ønsker særlig videre kommuner kommunene løsning løsningen
løsninger boliger boligene leietaker leietakere leietakerne tillitsvalgte elever lærere
arbeidsgiver arbeidsgivere arbeidstaker arbeidstakere sykmeldt sykmelding sykmeldingen mulig
mulighet muligheter vanlig virksomhet virksomheter veiledning avgjørelse avgjørelsen
senere åpner åpnet hensyn veileder veiledere""".split())


#: Nynorsk inflections that Bokmål has no word with: the definite plural in "-ane"
#: ("kommunane", "innbyggjarane") and the plural of "-ing" nouns in "-ingar"/"-ingane"
#: ("løysingar", "meldingane"; Bokmål "løsninger", "meldingene").
_NN_ENDING = re.compile(r"^\w{3,}(?:ane|ingar)$")


def norwegian_standard(text: str) -> str | None:
    """``nn`` or ``nb`` by the word forms of a Norwegian text: the standard with more of its
    own marker words; Bokmål when no Nynorsk form occurs at all (a Nynorsk paragraph of a few
    lines always has some); None on a tie.

    >>> norwegian_standard("Kommunen har teke i bruk eit nytt system, men dei tilsette ikkje.")
    'nn'
    >>> norwegian_standard("Kommunene bør tilby assistert digital selvbetjening på biblioteket.")
    'nb'
    """
    nn, nb = _standard_markers(text)
    if nn == 0 or nb > nn:
        return "nb"
    return "nn" if nn > nb else None


def _standard_markers(text: str) -> tuple[int, int]:
    """How many words of ``text`` only Nynorsk writes, and how many only Bokmål (a title
    quoted in the text, «...» or "...", is in its own standard and is not counted)."""
    unquoted = re.sub(r"«[^»]{1,200}»|“[^”]{1,200}”|\"[^\"]{1,200}\"", " ", text)
    words = re.findall(r"[^\W\d_]+", (unquoted if unquoted.strip() else text).lower())
    return (sum(w in _NN or _NN_ENDING.search(w) is not None for w in words),
            sum(w in _NB for w in words))


#: Stop words that Danish writes and Norwegian does not, and the reverse, each strong
#: enough alone to overrule lingua between the two (of the stop-word profiles' words only
#: to one side, those the other language also writes now and then are left out: Bokmål's
#: "kun", "meget", "mere", "dit", Danish "komme", "ene", "annen").
_DA_ONLY = frozenset("af bliver blive blevet havde hvad nogen noget mellem uden vores været "
                     "ud ind inden hendes jer jeres sådanne altid ethvert".split())
_NO_ONLY = frozenset("deg meg seg dere noe noen mye hadde ble blei blitt etter slik slike nå "
                     "inn kanskje mellom uten innen våre vært å ikkje frå eit ein dei kva "
                     "korleis berre meir mykje noko".split())


def danish_or_norwegian(code: str, text: str, candidates: tuple[str, ...]) -> str:
    """Lingua's ``da`` or ``nb``/``nn`` overruled by the paragraph's own stop words: words
    only Norwegian writes ("deg", "noe", "å", "etter") and none only Danish writes make it
    Norwegian, and the reverse ("af", "bliver", "hvad", "uden") Danish. Lingua took a short
    Bokmål paragraph ("Du kan reservere deg mot digital post hvis du heller vil ha brev på
    papir.") for Danish. A title quoted in the text is not counted."""
    if code not in ("da", "nb", "nn") or "da" not in candidates or "nb" not in candidates:
        return code
    unquoted = re.sub(r"«[^»]{1,200}»|“[^”]{1,200}”|\"[^\"]{1,200}\"", " ", text)
    words = set(re.findall(r"[^\W\d_]+", unquoted.lower()))
    da, no = bool(words & _DA_ONLY), bool(words & _NO_ONLY)
    if code == "da" and no and not da:
        return norwegian_standard(text) or "nb"
    if code in ("nb", "nn") and da and not no:
        return "da"
    return code


def one_norwegian_standard(paragraphs: list[str], labels: list[str | None]
                           ) -> list[str | None]:
    """The labels of a document's paragraphs where some Norwegian ones were read as Bokmål
    and some as Nynorsk: a paragraph that holds no word only its own standard writes takes
    the standard of all the Norwegian paragraphs together (:func:`norwegian_standard`). A
    short Nynorsk sentence often holds no such word ("Send søknaden før den siste dagen i
    månaden.") and lingua then reads it as Bokmål; a paragraph with words of its standard
    keeps it (a Bokmål report may quote a Nynorsk statement); on a tie the labels stay."""
    norwegian = [i for i, lab in enumerate(labels) if lab in ("nb", "nn")]
    if len({labels[i] for i in norwegian}) < 2:
        return labels
    standard = norwegian_standard(" ".join(paragraphs[i] for i in norwegian))
    if standard is None:
        return labels
    out = list(labels)
    for i in norwegian:
        nn, nb = _standard_markers(paragraphs[i])
        if labels[i] != standard and (nn if labels[i] == "nn" else nb) == 0:
            out[i] = standard
    return out
