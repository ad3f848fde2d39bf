"""Debris in blocks of lines a page prints as a unit (point 8 of :mod:`digiwelfare.clean`'s
list, with :mod:`digiwelfare.debris_context`): a facts box printed as label lines over value
lines, a letter's signature under its place and date, a cookie dialog between its notice and
its buttons, a contact box's question over whom to call, and a press release's closing words
on its publisher. Each function takes the lines and the reasons
:func:`digiwelfare.clean.lines_classify` has found so far, and marks more.
"""

from __future__ import annotations

import re

from digiwelfare.linetypes import CLOCK_TIME, FULL_DATE, line_is_sentence
from digiwelfare.organisations import GENRE_WORD


def names_a_person(line: str) -> bool:
    """Whether a line names a person (a common given name and a surname,
    :mod:`digiwelfare.identifiers`): a letter's signer; under a programme's time slots, who
    leads a session or a talk ("Kari Holm leder samtalen.", :mod:`digiwelfare.debris_context`),
    the event's content, not a notice."""
    from digiwelfare.identifiers import _names_find

    return bool(_names_find(line))


#: A label printed on a line of its own above its value: one or two words, no digit, no
#: punctuation ("Dato", "Target group", "Pris").
_BARE_LABEL = re.compile(r"[^\W\d_][^\W\d_]*(?:[ -][^\W\d_]+)?")
#: Pairs of a bare label and its value in a row that make a block of fields.
FIELD_PAIRS = 3


#: What a line rule knows as a page's navigation: no field's label or value (a site's name
#: over "Meny", a breadcrumb, a kicker over its headline alternate as fields do).
_NAVIGATION = frozenset({"skip link", "breadcrumb", "login link", "navigation back",
                         "language switch", "share or print", "read more or download"})


#: A kicker naming the page's genre over its headline ("Arrangement", "Seminar",
#: "Pressemelding", "Uttalelse"); and the labels a facts box has ("Dato", "Sted", "For kven").
_KICKER_WORD = re.compile(r"(?i)(arrangement|event|seminar|seminarium|webinar|konferanse|"
                          r"konference|konferens|conference|kurs|course|fagdag|temadag|"
                          r"workshop|evenemang|begivenhed|frokostmøte|frukostmöte|"
                          r"frokostseminar|pressemelding|pressemeddelelse|pressmeddelande|"
                          r"press release|nyhet|nyheit|nyhed|nyheter|nyheder|news|uttalelse|"
                          r"fråsegn|udtalelse|høringssvar|høyringssvar|remissvar)")
_FACT_LABEL = re.compile(r"(?i)(dato|date|datum|tid|tidspunkt|time|when|sted|stad|plats|place|"
                         r"venue|where|pris|price|kostnad|cost|målgruppe|målgrupp|for hvem|"
                         r"for kven|för vem|for hvem|audience|target group|påmelding|"
                         r"påmeldingsfrist|registration|anmälan|tilmelding|arrangør|arrangör|"
                         r"organiser|organizer|kontakt|contact|språk|sprog|language|frist|"
                         r"deadline|adresse|address|adress)")


def _kicker_over_headline(label: str, value: str, first: bool) -> bool:
    """Whether a label and its value, in what reads as a block of fields, are a kicker over
    the page's headline: a kicker word over two words or more (anywhere: a kicker is no
    facts box's label); or, as the block's first pair and under a label that is no facts
    box's own, a line of five words or more with no digit."""
    label, value = label.strip(), value.strip()
    if _FACT_LABEL.fullmatch(label):
        return False
    if _KICKER_WORD.fullmatch(label) or GENRE_WORD.fullmatch(label):
        return len(value.split()) >= 2
    return first and len(value.split()) >= 5 and not re.search(r"\d", value)


def field_blocks_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A block of fields printed as label lines over value lines, as a page's facts box is
    copied ("Dato" / "Tirsdag 11. mars" / "Sted" / "Hotellet, sal 2" / "Pris" / "Gratis"):
    :data:`FIELD_PAIRS` or more pairs in a row of a bare label (:data:`_BARE_LABEL`) and a
    value of at most eight words that is no sentence, most values no bare label themselves
    (a menu alternates nothing). Body text does not alternate so: a heading is followed by
    a paragraph."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    pairs: list[tuple[int, int]] = []

    def close() -> None:
        # a menu is a run of bare words too: in a block of fields most values are not
        # (a date, a place with its room, a price, a group of people)
        if len(pairs) >= FIELD_PAIRS and 2 * sum(
                not _BARE_LABEL.fullmatch(lines[v].strip()) for _, v in pairs) > len(pairs):
            for label, value in pairs:
                reasons[label] = reasons[label] or "field block"
                reasons[value] = reasons[value] or "field block"
        pairs.clear()

    k = 0
    while k + 1 < len(filled):
        label, value = filled[k], filled[k + 1]
        if reasons[label] not in _NAVIGATION and reasons[value] not in _NAVIGATION and \
                _BARE_LABEL.fullmatch(lines[label].strip()) and len(lines[value].split()) <= 8 \
                and not line_is_sentence(lines[value]) and not lines[value].rstrip().endswith(":") \
                and not CLOCK_TIME.match(lines[value].strip()):  # a programme's slot
            if _kicker_over_headline(lines[label], lines[value], first=not pairs):
                close()  # a kicker over a headline, above the block: "Arrangement" / "Fagdag
                k += 1  # om digitale tjenester for eldre" / "Dato" / ...; a menu's pairs
                continue  # above it are no block of the headline's fields
            pairs.append((label, value))
            k += 2
            continue
        close()
        k += 1
    close()


#: A letter's place and date over its signature ("Helsingfors den 20 mars 2025", "Oslo,
#: 3. mars 2025", "Bergen 01.02.2024"): a place of one or two capitalised words, then the
#: date. A stamp ("Publisert 3. mars 2025", "Updated 1 May 2024") is no place.
_PLACE_DATE = re.compile(rf"\s*(?-i:[A-ZÆØÅÄÖ][a-zæøåäöü]+)(?:[ -](?-i:[A-ZÆØÅÄÖ][a-zæøåäöü]+))?"
                         rf",?\s+(?:den\s+|d\.\s+)?(?:{FULL_DATE})\s*\.?\s*", re.IGNORECASE)
_STAMP = re.compile(r"\s*(published|publisert|publicerad|publiceret|posted|updated|oppdatert|"
                    r"uppdaterad|opdateret|udgivet|dato|date|datum|sist|last|senest|"
                    r"vedtatt|vedteke|godkjent|approved|adopted|beslutad|modtaget|received|"
                    r"mottatt|motteke|inkom|lest|read|accessed|hentet|henta|besøkt|"
                    # a weekday is no place ("Tirsdag 4. mars 2025")
                    r"mandag|måndag|tirsdag|tysdag|tisdag|onsdag|torsdag|fredag|lørdag|"
                    r"laurdag|lördag|søndag|sundag|söndag|monday|tuesday|wednesday|thursday|"
                    r"friday|saturday|sunday)\b",
                    re.IGNORECASE)
#: Lines a signature holds under its place and date: the signer's name, role, party.
SIGNATURE_LINES = 2
#: A signer's role alone on its line ("Formand", "Styreleder", "Generalsekretær").
_ROLE = re.compile(r"(?i)\s*((daglig|styre|fylkes|general|kommune|avdelings|seksjons|vara)"
                   r"(leder|leiar|ledare)|(daglig |styre|fylkes|general|kommune|avdelings|"
                   r"seksjons|vara)?(formand|forkvinne|forkvinde|ordfører|ordförande|"
                   r"sekretær|sekreterare|direktør|direktör|direktor|sjef|chef|minister|"
                   r"statsråd|statsråden)|chair(person|man|woman)?|chief executive|"
                   r"(general )?secretary|director|president|member of parliament|mp)\s*")


#: An e-mail's header field as a mail client prints it over a copied message ("From: ...",
#: "Emne: ...", "Skickat: ..."); the value may be empty ("To:").
MAIL_HEADER = re.compile(r"(?i)[ \t]*(from|fra|från|sent|sendt|skickat|to|til|till|subject|"
                         r"emne|ämne|cc|bcc|kopi|kopia|date|dato|datum|reply-to|svar til|"
                         r"attachments?|vedlegg|vedhæftet|vedhæftede filer|bilagor|bilaga|"
                         r"importance|prioritet|viktighet|vigtighed|priority)[ \t]*:"
                         r"(?:[ \t].*)?")
#: The line a mail client sets over a forwarded or quoted message's header ("----------
#: Forwarded message ---------", "-----Original Message-----", "Begin forwarded message:").
MAIL_SEPARATOR = re.compile(r"(?i)[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message|"
                            r"videresendt melding|opprinnelig melding|oprindelig meddelelse|"
                            r"videresendt meddelelse|vidarebefordrat meddelande|"
                            r"ursprungligt meddelande)[ \t]*-{2,}|begin forwarded message:)[ \t]*")


def mail_headers_mark(lines: list[str], reasons: list[str | None]) -> None:
    """The header of an e-mail copied with its message: a run at the text's top of two or
    more header fields (:data:`MAIL_HEADER`, blank lines between allowed, a forwarded
    message's separator line above them, :data:`MAIL_SEPARATOR`) with a sender or a subject
    among them. Each is debris ("mail header"), the subject too, however much it reads
    as a heading or a question: it is the mail's, and the message says what it says under
    it."""
    run: list[int] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if not MAIL_HEADER.fullmatch(line) and not (not run and MAIL_SEPARATOR.fullmatch(line)):
            break
        run.append(i)
    fields = {m.group(1).lower() for i in run if (m := MAIL_HEADER.fullmatch(lines[i]))}
    if len(run) >= 2 and fields & {"from", "fra", "från", "subject", "emne", "ämne"}:
        for i in run:
            reasons[i] = reasons[i] or "mail header"


def _signer(line: str) -> bool:
    """Whether a line under a place and date signs it: it names a person, ends in a party's
    mark ("Kari Nordmann /Sp", "Riksdagsledamot Anna Berg /sv") or is a role alone. A
    section's heading ("Slik bruker du chatten") does none of these."""
    if re.search(r"\s/\s?[^\W\d_]{1,4}\s*$", line) or _ROLE.fullmatch(line):
        return True
    # a name alone, maybe with a note in brackets: every word capitalised, four at most (a
    # heading that names someone, "Intervju med Kari Nordmann", has more than the name)
    bare = re.sub(r"\([^)]*\)", " ", line).split()
    return 1 <= len(bare) <= 4 and all(w[:1].isupper() for w in bare) and names_a_person(line)


def signatures_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A letter's signature: under a place and date (:data:`_PLACE_DATE`) that ends a part of
    text (the line right above it is a sentence of the text), the next
    :data:`SIGNATURE_LINES` lines that are short and no sentence, as a letter, a consultation
    response or a parliamentary question is signed ("Helsingfors den 20 mars 2025" /
    "Riksdagsledamot Anna Berg /sv"). The place and date line itself is marked too. A place
    and date under a title or an author line (a conference's, on a paper's first page) ends
    no text."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for k, i in enumerate(filled[1:], start=1):
        above = filled[k - 1]
        if reasons[above] is not None or not line_is_sentence(lines[above]) or \
                not _PLACE_DATE.fullmatch(lines[i]) or _STAMP.match(lines[i]):
            continue
        below = [j for j in range(i + 1, len(lines)) if lines[j].strip()][:SIGNATURE_LINES]
        if not below or not _signer(lines[below[0]]):
            continue  # a dateline over a section's heading or text signs nothing
        reasons[i] = reasons[i] or "signature"
        for j in below:
            if reasons[j] is not None:
                continue
            if line_is_sentence(lines[j]) or len(lines[j].split()) > 6 or \
                    lines[j].rstrip().endswith(":") or not _signer(lines[j]):
                break
            reasons[j] = "signature"


#: A cookie dialog's buttons: a short line opening with a choice ("Godta alle", "Bare
#: nødvendige", "Accept all cookies", "Afvis", "Tillad alle", "Endast nödvändiga").
_CONSENT_BUTTON = re.compile(
    r"(?i)\W*(godta|godkjenn|godkjenne|aksepter|avvis|avslå|bare nødvendige|kun nødvendige|"
    r"berre naudsynte|berre nødvendige|innstillinger|innstillingar|tilpass|accept|reject|"
    r"decline|allow|deny|manage|settings|customi[sz]e|only (necessary|essential)|"
    r"(necessary|essential) only|acceptér|accepter|afvis|afslå|tillad|indstillinger|"
    r"acceptera|godkänn|neka|avvisa|endast nödvändiga|inställningar|jeg forstår|"
    r"i understand|got it|ok|okay|jeg godtar|i agree|agree)\b")
#: A dialog's sentences are this many lines at most between its notice and its buttons.
_DIALOG_LINES = 3


def cookie_dialogs_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A cookie dialog's sentences: up to :data:`_DIALOG_LINES` lines between a cookie
    notice (a rule's "cookie or script notice" or "cookie statement") and the dialog's
    buttons (a line of eight words or fewer opening with a choice, :data:`_CONSENT_BUTTON`),
    whatever they say ("Noen er nødvendige for at nettstedet skal fungere, andre hjelper oss
    å forbedre det."): the dialog is one unit, and its second sentence need not name cookies.
    A paragraph on cookies in a study has no buttons under it."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for k, i in enumerate(filled):
        if reasons[i] not in ("cookie or script notice", "cookie statement"):
            continue
        for m in range(k + 1, min(k + 2 + _DIALOG_LINES, len(filled))):
            j = filled[m]
            if len(lines[j].split()) <= 8 and _CONSENT_BUTTON.match(lines[j]):
                for b in filled[k + 1:m]:
                    if reasons[b] is None and len(lines[b].split()) <= 40:
                        reasons[b] = "cookie or script notice"
                break


#: The heading of a press release's closing words on its publisher ("About the Agency",
#: "About ENISA", "Om Digdir", "Notes to editors", "Kort om oss"); what it is about is no
#: study, survey, report, project or figures of the text's own (:data:`_OWN_SUBJECT`).
_ABOUT_PUBLISHER = re.compile(
    r"(?i)\W*(about|om|omkring|kort om|fakta om|notes? to editors?|editor.?s notes?|"
    r"til redaksjonen|til redaktionen|till redaktionen)"
    # "Om du inte hittar en ledig tid", "About 40 of them": a clause or a number, no heading
    r"(?!\s+(du|dere|dykk|de|dei|ni|vi|man|me|eg|jeg|jag|han|hun|hon|ho|det|den|dette|"
    r"detta|noen|nokon|någon|nogen|ingen|alle|alla|you|we|they|it|this|\d)\b)"
    r"(\s+[^.!?:]{1,40})?\W*$")
_OWN_SUBJECT = re.compile(
    r"(?i)\b(stud\w*|survey\w*|report\w*|project\w*|data|figures?|research\w*|evaluation\w*|"
    r"method\w*|the (programme|program|pilot|trial|findings|results|authors?|book|series)|"
    r"undersøk\w*|undersøg\w*|undersökn\w*|prosjekt\w*|projekt\w*|rapport\w*|tal(l)?(a|ene|et)?|"
    r"studie\w*|evaluering\w*|utvärdering\w*|forsk\w*|metode\w*|metod\w*|pilot\w*|"
    r"forfatter\w*|resultat\w*|funn(a|ene)?|boka|boken|bogen|boken)\b")
#: The closing words are this many lines of text at most, each this many words at most.
_ABOUT_LINES = 3
_ABOUT_WORDS = 60


def publisher_notes_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A press release's closing words on its publisher: a heading "About <the publisher>"
    (:data:`_ABOUT_PUBLISHER`) under the release's text and right under a line already found
    to be debris (its media contact, share buttons: the release has ended), then at most
    :data:`_ABOUT_LINES` lines of text to the end of the page, besides debris. "About the
    study" and the like (:data:`_OWN_SUBJECT`) head the text's own account, and stay."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for k, i in enumerate(filled[1:], start=1):
        # (a short heading may be taken for part of a run of short lines already)
        if reasons[i] not in (None, "short-line run", "header or footer") or \
                reasons[filled[k - 1]] is None or \
                not _ABOUT_PUBLISHER.match(lines[i]) or _OWN_SUBJECT.search(lines[i]):
            continue
        if not any(reasons[j] is None and len(lines[j].split()) >= 12 and
                   line_is_sentence(lines[j]) for j in filled[:k]):
            continue  # no text above it yet: a menu's "About us", not the release's end
        rest = [j for j in filled[k + 1:] if reasons[j] is None]
        if rest and len(rest) <= _ABOUT_LINES and \
                all(len(lines[j].split()) <= _ABOUT_WORDS for j in rest):
            for j in [i, *rest]:
                reasons[j] = "about the publisher"
        return


#: A contact box's question and its call to get in touch on one line ("Trenger du hjelp? Ring
#: rådgivningstelefonen vår.", "Questions? Contact our advice line."): a question of six words
#: at most, then a sentence of eight at most that opens with a way to get in touch.
_QUESTION_AND_CALL = re.compile(
    r"(?i)(?:\S+\s+){0,5}\S+\?\s+(ring|call|phone|contact|kontakt|kontakta|ta kontakt|skriv|"
    r"send|write|e-?mail|e-?post|mejla|chat|chatt|chatta)\b(?:\s+\S+){0,7}[.!]?")


def contact_headings_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A contact box's heading: a short question right above the line that says whom to call
    or write to ("Vil du vide mere?" / "Ring til ... på 72 36 00 00 hverdage kl. 8-12."), or
    above a short contact link or a phone number that is debris already ("Har du
    spørgsmål?" / "Kontakt din kommune"; "Trenger du mer hjelp?" / "Brukerstøtte: 00 00 00
    00"); the question may carry its call on the same line (:data:`_QUESTION_AND_CALL`)."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for k in range(len(filled) - 1):
        i, below = filled[k], filled[k + 1]
        if reasons[i] is None and (lines[i].rstrip().endswith("?") and len(
                lines[i].split()) <= 6 or _QUESTION_AND_CALL.fullmatch(lines[i].strip())) and (
                reasons[below] in ("contact line", "contact hours",
                                   "contact sentence with a phone number") or
                reasons[below] and len(lines[below].split()) <= 5 and (
                    _CONTACT_LINK.match(lines[below]) or _PHONE.search(lines[below]))):
            reasons[i] = "contact heading"


#: A phone number as a contact box prints it: eight digits or more, in groups or not.
_PHONE = re.compile(r"(?<!\d)\+?\d{2,3}(?:[ .]?\d{2,3}){3,4}(?!\d)")
#: A contact link: a verb of getting in touch opening a short line ("Kontakt din kommune",
#: "Contact us", "Skriv til oss", "Ring oss").
_CONTACT_LINK = re.compile(r"\s*(kontakt(a|e)?|contact|ring|call|chat(t)?|skriv|write|email|e-mail|"
                           r"e-post|send)\b", re.IGNORECASE)


#: A council's or a board's case as its minutes and agendas head it, the case's number first
#: ("PS 12/24 Tilbakekreving av sosialhjelp – ny rutine", "Sak 7/25 Budsjett", "Ärende 12/24").
_CASE_LINE = re.compile(r"(?i)\s*(ps|rs|fs|ds|sak|saknr\.?|saksnr\.?|sak nr\.?|ärende|"
                        r"ärendenr\.?|sag|sag nr\.?|item|agenda item)\s*\d{1,4}\s*/\s*\d{2,4}\b"
                        r"[^.!?]*")


def case_items_mark(lines: list[str], reasons: list[str | None]) -> None:
    """The items of an agenda or of minutes, each headed by its case number and title
    (:data:`_CASE_LINE`), when a document has two or more: the meeting's furniture, as two
    blind sets labelled them. A document with one such line, or one in its first lines, is
    that case's own, and the line is its title (as two other sets labelled it); a sentence
    that names a case stays."""
    items = [i for i, ln in enumerate(lines) if ln.strip() and len(ln.split()) <= 16
             and _CASE_LINE.fullmatch(ln.strip())]
    # one that heads the document (among its first three lines with text: "Særutskrift" /
    # "PS 12/25 Digital søknad om sosialhjelp", then the case's history) is its title
    head = [i for i, ln in enumerate(lines) if ln.strip()][:3]
    if len(items) >= 2:
        for i in (i for i in items if i not in head):
            if reasons[i] in (None, "header or footer", "short-line run", "field label"):
                reasons[i] = "case number and its title"



def related_items_mark(lines: list[str], reasons: list[str | None]) -> None:
    """The items under a list's heading of other pages ("Les også", "Se også", "Related
    content", "Publikasjoner fra prosjektet"): up to eight lines in a row right under it,
    each a title of fifteen words or fewer that ends in no full stop (a headline asked as a
    question is one of them); the first line that is more, a paragraph, ends the list. Only
    after the text has begun: the same word among the menus above it ("Publikasjoner") heads
    nothing."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    begun = next((i for i in filled if reasons[i] is None and line_is_sentence(lines[i])),
                 len(lines))
    for k, i in enumerate(filled):
        if reasons[i] != "publications list header" or i < begun:
            continue
        for j in filled[k + 1:k + 9]:
            line = lines[j].strip()
            if reasons[j] not in (None, "header or footer", "short-line run") or \
                    len(line.split()) > 15 or line.endswith((".", ":", ";")):
                break
            reasons[j] = reasons[j] or "related item"


#: A note's number in square brackets where the text calls it, after a word or a sentence's
#: end ("... fewer than half of them. [2]", "offices[1]"), and where the note opens with it.
_BRACKET_CALL = re.compile(r"(?<=[^\W\d_]|[.,;:!?)»\"”])\s?\[(\d{1,3})\]")
_BRACKET_NOTE = re.compile(r"\s*\[(\d{1,3})\]\s*[«\"(]?[^\W\d_]")


def bracket_notes_mark(lines: list[str], reasons: list[str | None]) -> None:
    """An endnote numbered in square brackets ("[2] Counted as reading past the first
    page."), twenty-five words at most, whose number the text calls on another line: a
    wiki's or a working paper's notes under the text, as a footnote is."""
    calls = {(i, m.group(1)) for i, ln in enumerate(lines) for m in _BRACKET_CALL.finditer(ln)}
    for i, line in enumerate(lines):
        note = _BRACKET_NOTE.match(line)
        if note and reasons[i] is None and len(line.split()) <= 25 and any(
                n == note.group(1) and j != i for j, n in calls):
            reasons[i] = "footnote"


def table_rows(lines: list[str], reasons: list[str | None]) -> set[int]:
    """Rows of a table in the text: lines in a row cut into the same number of cells by
    " | " (a Word table's rows as the reader gives them), no cell a field with its label
    ("Dato: 14.03.2025"), and two rows or more whose every cell has three words or more
    ("Rett til fysisk møte | Ikke alle unge kommuniserer godt skriftlig"), or three rows or
    more of counts under a header row of words ("Tjenester | Veiledninger" over "Nav | 1 600",
    "Skatt | 900"). A row of fields in a letterhead or a footer has labels; a record's fields
    without colons ("Original language | English", "Number of pages | 14") and a menu have
    cells of a word or two and no header; a contact box's rows carry digits in the first."""
    def cells(i: int) -> list[str]:
        """A debris line's cells, or none when it is no row (no " | ", a labelled field)."""
        found = [c.strip() for c in lines[i].split(" | ")] if " | " in lines[i] else []
        return [] if not reasons[i] or any(re.match(r"[^:]{1,40}:\s", c) for c in found) \
            else found

    rows: set[int] = set()
    run: list[int] = []
    for i in [*(i for i, ln in enumerate(lines) if ln.strip()), None]:
        row = cells(i) if i is not None else []
        if row and run and len(row) == len(cells(run[-1])):
            run.append(i)
            continue
        if sum(all(len(x.split()) >= 3 for x in cells(k)) for k in run) >= 2 or len(run) >= 3 \
                and not re.search(r"\d", lines[run[0]]) and all(
                    any(re.fullmatch(r"[\d\s.,%–-]*\d[\d\s.,%]*", c) for c in cells(k))
                    for k in run[1:]):
            rows.update(run)
        run = [i] if row else []
    return rows
