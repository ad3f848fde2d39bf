"""Whether a line names an organisation rather than a document (:func:`line_is_organisation`):
the names a report's cover, a page's header or an author's affiliation print, which a title
is never taken from (:mod:`digiwelfare.titles`). Split from :mod:`digiwelfare.titles`.
"""

from __future__ import annotations

import re

from digiwelfare.linetypes import notice_cues

#: Words that, alone on a cover line, name the kind of document rather than the document
#: ("ERFARINGSRAPPORT" above the title).
GENRE_WORD = re.compile(r"(?i)\w*(rapport|report|strategi|strategy|plan|notat|utredning|"
                         r"utgreiing|redegørelse|evaluering|evaluation|veileder|rettleiar|"
                         r"vägledning|vejledning|utkast|udkast|utkastet|draft|remissversion|"
                         r"høringsversjon|høyringsversjon|preprint|summary|sammendrag|"
                         r"samandrag|sammanfattning|sammenfatning|resumé|audit|revisjon|"
                         r"granskning|politik|politikk|policy|handlingsprogram|"
                         r"melding|årsmelding|årsrapport|årsberetning|"
                         r"årsredovisning|retningslinjer|riktlinjer)")


#: The first word of a body's name before "institutt for", "council for" ...: a people's, a
#: country's or a state's adjective ("Norsk", "Nordic", "Danish", "Statens", "Nasjonalt"),
#: never an article, a number or "new" ("Nytt senter for ...", "A council for ...", "One
#: agency for ..." are headings about a body).
PROPER_FIRST = re.compile(r"(?i)(\w+(sk|ske|ska|isk|iske|ish|ian|ic|ens)|nasjonal[te]?|"
                           r"national[ea]?|nationell[ae]?|regional[te]?|"
                           r"(?-i:[A-ZÆØÅÄÖ]{2,}))")


def line_is_organisation(line: str) -> bool:
    """Whether a cover line names an organisation: it ends with an organisation word
    ("Sogndal kommune"), starts with an institution's stem ("Institutet för
    välfärdsanalys"), or is a short name of capitalised words holding one ("Nordic Centre
    for Welfare and Social Issues", "Social- og Ældreministeriet"); never when its first
    word names a kind of document ("Handlingsplan for Lia kommune" is a plan's title)."""
    words = line.split()
    # a name with a note in brackets after it ("Revisjon Vest IKS (oppdikta)"): the name decides
    bracket = re.fullmatch(r"(.*\S)\s+\([^()]{1,30}\)\s*", line)
    if bracket:
        return line_is_organisation(bracket.group(1))
    # a body's name with the period of its plan or report after it ("Austrheim kommune
    # 2023–2027"): the name decides
    period = re.fullmatch(r"(.*\S)\s+(?:19|20)\d\d(?:\s*[–—-]\s*(?:19|20)?\d\d)?\s*", line)
    if period and not re.search(r"\d", period.group(1)) and len(period.group(1).split()) <= 3 \
            and all(w[:1].isupper() for w in period.group(1).split()[:-1]):
        # (a name, not a title: "Digital samhandling i Fjordvik kommune 2026–2030" is a plan)
        return line_is_organisation(period.group(1))
    # a county governor's office ("Statsforvalteren i Vestland", "Länsstyrelsen i Skåne
    # län"), a local welfare office by its place ("Nav Fjordbygd", "NAV Bergen nord"), a
    # research institute named "<Place> forsking" ("Vestlandsforsking" is caught below)
    if re.fullmatch(r"(?i:statsforvalteren|statsforvaltaren|fylkesmannen|länsstyrelsen)"
                    r"(\s+i\s+[A-ZÆØÅÄÖ][\w-]*(\s+(og|och|län|[A-ZÆØÅÄÖ][\w-]*))*)?",
                    line.strip()) or \
            re.fullmatch(r"(?:NAV|Nav)(\s+[A-ZÆØÅÄÖ][\w-]+)(\s+(?!og\b|i\b)[\w-]+)?",
                         line.strip()) or \
            re.fullmatch(r"(?!(?i:ny|nye|nytt|mer|meir|god|fri|open|\w+sk|\w+ig|\w+e|\w+t|"
                         r"\w+iv|\w+ell|\w+al|\w+ær|\w+en)\s)"
                         r"[A-ZÆØÅÄÖ][\w-]+(\s+[A-ZÆØÅÄÖ][\w-]+)?\s+(?:forsking|forskning)",
                         line.strip()):
        return True  # (not "Ny forskning", "Norsk", "Anvendt", "Kvalitativ", "Digital" ...)
    # a research or competence centre named by its compound after a proper name
    # ("Fjordkysten forskingssenter", "Regionalt kompetansesenter"), a foundation by its
    # word before its name ("Stiftelsen Allmänna Barnhuset", "Fonden for ...")
    if 2 <= len(words) <= 5 and not re.search(r"[:?!.]", line) and (re.fullmatch(
            r"(?i)\w*(forskings|forsknings|kompetanse|kompetence|kompetens|videns|kunnskaps|"
            r"forskning|forsking)(senter|senteret|center|centret|centeret|centrum)",
            words[-1]) and words[0][:1].isupper() or re.fullmatch(
            r"(?:Stiftelsen|Stiftinga|Fonden|Foundation)", words[0]) and
            all(w[:1].isupper() or w in ("for", "för", "og", "och", "of") for w in words[1:])):
        return True
    # parts of one body in a row ("Det juridiske fakultet, Universitetet i Oslo")
    parts = [p.strip() for p in line.split(",")]
    if len(parts) > 1 and all(parts) and all(map(line_is_organisation, parts)):
        return True
    # a government, a journal or a part of an administration named as such ("Regeringen",
    # "Tidsskrift for boligforskning", "Journal of Social Policy", "Tenesteområde helse og
    # omsorg"), and a name with its description after a dash whose last word is a body
    # ("OsloMet – storbyuniversitetet")
    if re.fullmatch(r"(?i)(regeringen|regjeringen|regjeringa|the government|hallitus)",
                    line.strip()):
        return True
    if re.match(r"(?i)(nordisk |norsk |dansk |svensk |scandinavian |nordic )?(tidsskrift|"
                r"tidskrift|tidsskriftet|journal)\s+(for|för|of|om|i)\s+\w", line.strip()) and \
            len(words) <= 8 and not re.search(r"[:?!.]", line):
        return True
    if re.match(r"(?i)\w*(tenesteområde|tjenesteområde|tjenesteområdet|tenesteområdet|sektor|"
                r"avdeling|avdelinga|avdelingen|afdeling|afdelingen|seksjon|seksjonen|"
                r"virksomhetsområde)\b",
                line.strip()) and 2 <= len(words) <= 6 and not re.search(r"[:?!.]", line):
        return True
    dash = re.fullmatch(r"(\S.*?)\s+[–—-]\s+(\S+)", line.strip())
    if dash and re.fullmatch(r"(?i)\w*(universitetet|universitet|høgskolen|høgskulen|"
                             r"högskolan|university|direktoratet|instituttet|institutet)",
                             dash.group(2)):
        return True
    # a company or an inter-municipal company by its form ("Revisjon Vest IKS", "Agenda
    # Kaupang AS", "Norconsult AB"): capitalised words, then the form
    # (a name's parts may be joined in lower case: "Samfunns- og næringslivsforsking AS")
    if 2 <= len(words) <= 6 and re.fullmatch(r"(AS|ASA|IKS|KF|SA|BA|AB|A/S|ApS|I/S|Oy|Oyj|"
                                             r"Ltd\.?|Inc\.?|GmbH|LLP|plc|Group|Consulting|Consult)",
                                             words[-1]) and \
            words[0][:1].isupper() and (all(
                w[:1].isupper() or w in ("&", "og", "och", "and") for w in words[:-1])
                or any(len(w) > 2 and w.endswith("-") and w[:-1].isalpha()
                       for w in words[:-1])):
        return True
    # an acronym before the name ("ISF: Inspektionen för socialförsäkringen", "IFAU –
    # Institutet för ..."): the name decides
    acronym = re.fullmatch(r"[A-ZÆØÅÄÖ]{2,8}\s*(?::|\s[–—-])\s+(\S.*)", line.strip())
    if acronym:
        return line_is_organisation(acronym.group(1))
    if 3 <= len(words) <= 12 and not re.search(r"[:?!–—]", line) and \
            PROPER_FIRST.fullmatch(words[0]) and re.fullmatch(
                r"(?i)(institutt|institute|institut|institutet|senter|center|centre|centrum|råd|"
                r"council|agency|byrå|forbund|förbund|forening|förening|foundation|stiftelse|"
                r"selskab|selskap|sällskap|sällskapet|society|association|union)",
                words[1]) \
            and words[2].lower() in ("for", "för", "of", "om", "on"):
        return True  # "Norsk institutt for forskning om oppvekst, velferd og aldring"
    if not words or len(words) > 8 or re.search(r"[:?!–—]", line):
        return False
    if len(words) <= 6 and re.fullmatch(
            r"[A-ZÆØÅÄÖ]\w*-,?(\s+\w+-,?)*\s+(og|och|and|&)\s+\w{3,}(revisjonen|tilsynet|"
            r"tillsynen|direktoratet|departementet|ministeriet|etaten|verket|styrelsen|"
            r"myndigheten|ombudet)", line.strip()):
        return True  # parts of a name joined ("Barne-, ungdoms- og familiedirektoratet")
    if GENRE_WORD.fullmatch(words[0]) and len(words) > 1:
        return False  # a document named by its kind first: "Handlingsplan for Lia kommune"
    if len(words) == 1 and re.search(r"(?i)\w{3,}(revisjonen|revisionen|tilsynet|tillsynen|"
                                     r"direktoratet|etaten|verket|styrelsen|myndigheten|"
                                     r"ombudet|ombudsmannen|departementet|ministeriet|"
                                     r"ministeriets|inspektionen|inspeksjonen|"
                                     r"förmedlingen|fogden|nämnden)$", line) or re.fullmatch(
            r"(?i)(försäkringskassan|lånekassen)", line.strip()):
        # an agency named in one word ("Riksrevisjonen", "Arbeidstilsynet",
        # "Finansinspektionen", "Arbetsförmedlingen", "Kronofogden"; two agencies whose head is
        # a common word, "Försäkringskassan" and "Lånekassen", by name: "Hushållskassan" is
        # a household's budget)
        return True
    # a compound whose head is a body in the definite form, then where or for what
    # ("Velferdsteknologinettverket i Agder", "Inspektionen för socialförsäkringen")
    # (a place after "i", "på", "ved": a name, capitalised; a field after "for", "för"). Heads
    # that are as often common nouns ("Nattilsynet i ...", "Hjemmekontoret i ...",
    # "Rammeverket for ...") are not among them.
    if len(words) > 1 and re.fullmatch(
            r"(?i)\w*(nettverket|nätverket|netværket|senteret|sentret|centret|centeret|"
            r"instituttet|institutet|rådet|forbundet|förbundet|foreningen|föreningen|"
            r"foreninga|direktoratet|styrelsen|myndigheten|inspektionen|byrået|byrån|"
            r"nämnden|fondet|fonden)", words[0]) and (
            words[1].lower() in ("for", "för", "of") or words[1].lower() in (
                "i", "på", "ved", "vid", "in") and len(words) > 2 and words[2][:1].isupper()):
        return True
    # a compound whose head is an event ("Nettverkssamling for ...", "Forskningsdagene i
    # ...") names a gathering, though it opens with an institution's stem
    if len(words) > 1 and re.fullmatch(r"(?i)\w+(samling|samlinga|samlingen|møte|møtet|"
                                       r"konferanse|konferansen|konference|konferencen|"
                                       r"konferens|konferensen|seminar|seminaret|"
                                       r"dag|dagen|dagene|dagane|treff|treffet|kurs|kurset)",
                                       words[0]):
        return False
    # a body whose name ends in a compound with a body's head, after capitalised or
    # adjectival words ("Nasjonal sikkerhetsmyndighet", "Juridiska institutionen",
    # "Teknisk-naturvitenskapelig forening")
    head = re.fullmatch(r"(?i)(\w*?)(myndighet|myndigheten|myndigheden|forening|foreningen|"
                        r"förening|föreningen|institutionen|sekretariatet|sekretariat)",
                        words[-1]) if words else None
    if head and 2 <= len(words) <= 5 and words[0][:1].isupper() and (
            len(head.group(1)) >= 3 or re.search(r"(?i)(sk|ska|ske|isk|iska|iske|ig|lig)$",
                                                 words[-2])):
        return True
    if re.fullmatch(r"Region(en)?(\s+[A-ZÆØÅÄÖ][\w-]+){1,2}(\s+län)?", line.strip()):
        return True  # a Swedish or Danish region by its name ("Region Kalmar län",
        # "Region Midtjylland"); "Region" over a title's words ("Region og kommune i ...") not
    stem = notice_cues()["institution"]
    if re.search(r"(?i)\b(kommune|kommun|herad|municipality|county|fylkeskommune|region|"
                 r"ministeriet|departementet|direktoratet|styrelsen|universitet|"
                 r"university|høgskule|høgskole|college|institute|institutt|fakultet|"
                 r"fakultetet|faculty)$", line) or \
            stem.match(words[0]):
        return True
    named = all(w[:1].isupper() or w.lower() in ("og", "i", "for", "of", "and", "för", "på",
                                                  "och", "af", "og", "fra", "från",
                                                  "the", "&", "-") for w in words)
    # a name of capitalised words ending in an organisation word in the plural or a union
    # ("Sveriges Kommuner och Regioner"); "i fire kommunar" in a subtitle is no name
    if named and re.search(r"(?i)\b(kommuner|kommunar|regioner|regionar|municipalities|"
                           r"regions|landsforening|förbund|forbund|organisasjon)$", line):
        return True
    return named and any(stem.search(w) or re.search(
        r"(?i)(ministeri|direktorat|styrelse|forsk|centre|center|senter|council|agency|"
        r"authority|board)", w) for w in words)
