"""Debris by where a line stands among the others (point 8 of :mod:`digiwelfare.clean`'s
list): a declaration among the furniture after the text, notices in a page's footer, front
matter on a report's cover, registration terms, footnotes the text calls, affiliations next
to author lines, and a short line with debris on both sides (blocks of fields and letters'
signatures: :mod:`digiwelfare.debris_blocks`). Each function takes the lines and the reasons
:func:`digiwelfare.clean.lines_classify` has found so far, and marks more.
"""

from __future__ import annotations

import re
from collections import Counter

from digiwelfare.debris_blocks import names_a_person, table_rows
from digiwelfare.linetypes import (
    NOTICE_WORDS,
    PARAGRAPH_WORDS,
    ZONE_WORDS,
    line_ends_in_date,
    line_is_affiliation,
    line_is_sentence,
    line_key,
    line_names_person_and_body,
    line_opens_with_name,
    notice_cues,
)

#: Reasons that a PDF's every page gives (running headers and footers, page numbers, numbered
#: headings): they stand between paragraphs of text, so they do not mark a page's footer.
_PAGE_FURNITURE = frozenset({"running header", "page number or running header",
                             "page header", "numbers or code",
                             # a table's caption, note and source stand between paragraphs
                             "figure or table caption", "note or source under a table"})
#: Under a programme's time slots (the event's content), a sentence is a notice only when it
#: is this short ("Programme subject to change.", "Med forbehold om endringer i programmet.");
#: a longer one says what happens at the event: who leads the group work, who may come free
#: of charge, whether it is streamed. Eight words took five such sentences of the labelled
#: sets (the fog set showed it) and six leave four debris lines of them: a sentence lost is
#: worse than a furniture line left.
_SLOT_NOTICE_WORDS = 6
#: A programme's notice that it may change ("Programme subject to change.", "Med forbehold om
#: endringer.", "Ret til ændringer forbeholdes.", "Programmet kan komma att ändras.")
_PROGRAMME_CHANGE = re.compile(r"(?i)\b(chang\w*|endr\w*|ending\w*|ændring\w*|ændre\w*|"
                               r"ändr\w*|forbehold\w*|förbehåll\w*|reserve\w*|subject to|"
                               r"justering\w*|justert|justeras)\b")
#: A speaker's role under a programme, as its list of speakers prints it ("Professor of public
#: administration.", "Postdoctoral researcher in sociology of law.", "Forsker ved NOVA.")
_SPEAKER_ROLE = re.compile(r"(?i)\s*(associate |assistant |senior |full )?(professor|researcher|"
                           r"postdoc\w*|lecturer|reader|fellow|phd|doktorand|stipendiat|forsker|"
                           r"forskar|forskare|seniorforsker|førsteamanuensis|universitetslektor|"
                           r"lektor|rådgiver|rådgjevar|rådgivare|adviser|advisor|chief|head|director|"
                           r"direktør|direktör|leder|leiar|chef|manager|consultant|konsulent)\b")
#: A clock time in a sentence ("klokken 14.00", "kl. 10.30", "at 16:00").
_EVENT_HOUR = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d.:]\d)")


#: A speaker with a role, as an event page lists who takes part ("Ola Berg, forsker,
#: Karlstads universitet"): a name of two to four capitalised words, a comma, more. Like a
#: time slot, it is the event's content, not the page's furniture.
_SPEAKER = re.compile(r"\s*(?:Dr\.?\s+|Prof\.?\s+)?[A-ZÆØÅÄÖ][\w'-]+(?:[ -][A-ZÆØÅÄÖ][\w'-]+){1,3},"
                      r"\s+\S")

def declarations_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A declaration heading (``lexicon/notice_cues.yaml``: funding, competing interests,
    acknowledgements, disclaimer ...) and the paragraph under it, or a line that opens with
    such a heading and a colon, are a notice when they stand among the furniture after the
    text: no paragraph of text follows them, and debris does (journals print declarations
    between the article and its related links, references and footer). A section of a
    report that merely has such a heading, followed by text or ending the document, is left
    alone."""
    cues = notice_cues()
    blocks: list[list[int]] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if cues["inline"].fullmatch(stripped) and len(stripped.split()) <= NOTICE_WORDS + 10:
            blocks.append([i])
        elif stripped and len(stripped.split()) <= 6 and cues["heading"].fullmatch(stripped):
            blocks.append([i])
            under = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
            if under is not None and line_is_sentence(lines[under]) and \
                    len(lines[under].split()) <= NOTICE_WORDS + 10:
                blocks[-1].append(under)  # the paragraph under the heading
    found = {i for block in blocks for i in block}
    for block in blocks:
        after = [k for k in range(block[-1] + 1, len(lines)) if lines[k].strip()]
        text = [k for k in after if k not in found and reasons[k] is None and
                line_is_sentence(lines[k]) and len(lines[k].split()) >= PARAGRAPH_WORDS]
        if not text and any(reasons[k] for k in after):
            for i in block:
                reasons[i] = reasons[i] or "declaration"


def _is_paragraph(line: str) -> bool:
    """Whether a line holds a sentence of :data:`PARAGRAPH_WORDS` words or more."""
    return any(len(part.split()) >= PARAGRAPH_WORDS
               for part in re.split(r"(?<=[.!?])\s+(?=[^\W\d_])", line))


def affiliations_mark(lines: list[str], reasons: list[str | None]) -> None:
    """An affiliation line (:func:`line_is_affiliation`) next to debris (an author line, a
    header), blank lines aside, is debris too; and one that opens with or names a person is
    a byline wherever it stands ("Astrid Myklebust, Høgskulen i Tindfjell" under an abstract's
    title)."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    changed = True
    while changed:
        changed = False
        for k, i in enumerate(filled):
            if reasons[i] is None and line_is_affiliation(lines[i]) and (
                    (k > 0 and reasons[filled[k - 1]]) or
                    (k + 1 < len(filled) and reasons[filled[k + 1]]) or
                    line_opens_with_name(lines[i]) or names_a_person(lines[i])):
                reasons[i] = "affiliation"
                changed = True


def citations_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A suggested citation: the line right under a citation heading ("Citation", "How to
    cite", "Slik siterer du"), blank lines aside, when it holds a year as a reference prints
    it (:data:`_REFERENCE_YEAR`: "International Monetary Fund. 2025. "Digital ...", "Holm, K.
    (2024)"); a guide's paragraph on quoting under its "Sitering" heading stays."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for k, i in enumerate(filled[:-1]):
        j = filled[k + 1]
        if reasons[i] == "citation heading" and reasons[j] is None and \
                len(lines[j].split()) <= 70 and _REFERENCE_YEAR.search(lines[j]):
            reasons[j] = "suggested citation"


#: A reference's year as references print it: in brackets, "(2024)", or closed by a full
#: stop after a name, "Fund. 2025.", "Holm, K. 2025." (a sentence's "Fra høsten 2022 krever
#: ..." has neither).
_REFERENCE_YEAR = re.compile(r"\((19|20)\d\d[a-z]?\)|(?<=[\w.)]\s)(19|20)\d\d[a-z]?\.(\s|$)")


def _list_item(lines: list[str], reasons: list[str | None], filled: list[int], k: int) -> bool:
    """Whether line ``filled[k]`` is an item of a list of phrases the text goes on with (a
    strategy's measures under "Tiltak"): a short line of four words or more, no digit and no
    person's name, in a run of two or more such lines; a footer's links are a word or two,
    its address and phone carry digits, a list of speakers or a signature names people."""
    def item(j: int) -> bool:
        if not 0 <= j < len(filled):
            return False
        line = lines[filled[j]]
        return reasons[filled[j]] == "short-line run" and len(line.split()) >= 4 and \
            not re.search(r"\d", line) and not line_opens_with_name(line) and \
            not names_a_person(line) and not line_names_person_and_body(line)
    return item(k) and (item(k - 1) or item(k + 1))


def _one_more_item(lines: list[str], reasons: list[str | None], filled: list[int],
                   k: int) -> bool:
    """Whether line ``filled[k]``, right under a list's items, is one more of them: a short
    question (a paper's title among a list of papers), not a sentence the text goes on with."""
    return k > 0 and _list_item(lines, reasons, filled, k - 1) and \
        lines[filled[k]].rstrip().endswith("?") and len(lines[filled[k]].split()) <= 8


def notices_mark(lines: list[str], reasons: list[str | None]) -> None:
    """Short sentences in a page's furniture: after its last paragraph of text (a sentence of
    :data:`PARAGRAPH_WORDS` words or more) with at least three debris lines between them, at
    most three such sentences ("Programme subject to change.", a blog's disclaimer, a
    widget's explanation; a PDF's page furniture, numbered headings and lines repeated on
    every page, does not count); and before its first paragraph, next to debris, a sentence
    that ends in a date (a report's cover: "Submitted to the Ministry on 2 May 2025.")."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    own = Counter(line_key(lines[i]) for i in filled)  # a footer on every page repeats
    text = [i for i in filled if reasons[i] is None and line_is_sentence(lines[i])]
    paragraphs = [i for i in text if _is_paragraph(lines[i])]
    if not paragraphs:
        return
    debris = slots = items = 0
    timed = False
    table = table_rows(lines, reasons)
    groups: list[list[int]] = []  # sentences in the footer, adjacent ones together
    for k, i in enumerate(filled):
        if i <= paragraphs[-1]:
            continue
        if reasons[i] == "figure or table caption":
            # a table or a figure with its caption is the text's own, whatever its rows read
            # as: a sentence after it ("The table shows ...") is the text going on
            debris = slots = items = 0
            continue
        if i in table:  # a table's rows are the text's own, whatever its cells read as
            continue
        if reasons[i]:
            # a programme's time slots (bare, glued to their titles, with a speaker, or a
            # timetable's spans) are the event's own content, not the page's furniture
            timed = timed or reasons[i].startswith("programme ")
            slot = reasons[i].startswith("programme ") or (
                len(lines[i].split()) <= ZONE_WORDS and _SPEAKER.match(lines[i]) is not None) \
                or _EVENT_HOUR.match(lines[i].lstrip()) is not None  # "10.15 | A talk ..."
            # and under a clock time, a talk's title ("Lunch", "Users' voices: ...") is the
            # programme's too, however short or label-like
            slot = slot or timed and reasons[i] in ("field label", "short-line run")
            counted = reasons[i] not in _PAGE_FURNITURE and not slot and \
                own[line_key(lines[i])] < 2
            item = counted and _list_item(lines, reasons, filled, k)
            debris += counted and not item
            items += item
            slots += slot
        elif k + 1 < len(filled) and (reasons[filled[k + 1]] == "author list" or
                                      line_is_affiliation(lines[filled[k + 1]])) and \
                len(lines[i].split()) <= ZONE_WORDS and not lines[i].rstrip().endswith("."):
            # the next abstract in a book of abstracts, over its authors or their affiliations
            # (a title ends in no full stop: a sentence that does is the text's, over a field
            # such as "Ansvarleg: Einingsleiar, Nav Herøy")
            reasons[i] = "title of another work"
        elif i in text and ((debris + _one_more_item(lines, reasons, filled, k) * items) >= 3
                            or debris + slots >= 3 and len(
                lines[i].split()) <= _SLOT_NOTICE_WORDS and not names_a_person(lines[i])
                # under a programme, only a notice that the programme may change is the
                # page's: what it costs, how to sign up, when the link comes are the event's
                and (slots == 0 or _PROGRAMME_CHANGE.search(lines[i]) is not None
                     or _SPEAKER_ROLE.match(lines[i]) is not None)
                # the event's own hours under its programme ("Vi slutter senest klokken
                # 14.00."): what the programme says, not the page's furniture
                and not _EVENT_HOUR.search(lines[i])) and \
                len(lines[i].split()) <= NOTICE_WORDS and not (
                len(lines[filled[k - 1]].split()) <= 5 and
                notice_cues()["text heading"].search(lines[filled[k - 1]])):
            if groups and groups[-1][-1] == filled[k - 1]:
                groups[-1].append(i)
            else:
                groups.append([i])
    # a sentence on a page that a later page number says is not the last ("Sida 4 av 5") is
    # inside the document, not under it
    more = [i for i in filled if reasons[i] == "page number or running header" and
            len(pages := re.findall(r"\d+", lines[i])) == 2 and int(pages[0]) < int(pages[1])]
    groups = [g for g in groups if not (more and g[-1] < more[-1])]
    # a notice is one or two sentences among debris; three in a row are a list of points
    if sum(len(g) for g in groups) <= 3:
        for i in (i for g in groups if len(g) <= 2 for i in g):
            reasons[i] = "notice in the footer"
    for i in text:  # a widget that counts readers, outside the text
        if (i < paragraphs[0] or i > paragraphs[-1]) and reasons[i] is None and \
                len(lines[i].split()) <= 15 and re.search(r"\d", lines[i]) and \
                notice_cues()["widget"].search(lines[i]):
            reasons[i] = "widget"
    for k, i in enumerate(filled):
        if i >= paragraphs[0]:
            break
        near = [filled[m] for m in (k - 1, k + 1) if 0 <= m < len(filled)]
        # two dated statements together, or one with debris on both sides: a news lead that
        # ends in a date, before the story, stays
        if i in text and len(lines[i].split()) <= 20 and line_ends_in_date(lines[i]) and (
                any(j in text and line_ends_in_date(lines[j]) for j in near) or
                (len(near) == 2 and all(reasons[j] for j in near))):
            reasons[i] = "front matter"
    for k, i in enumerate(filled):
        # the terms under a registration label, written as a sentence ("Påmelding" and then
        # "Free, but places are limited."), outside the text: the label's value, not prose
        if k and i in text and reasons[i] is None and (i < paragraphs[0] or i > paragraphs[-1]) \
                and len(lines[i].split()) < PARAGRAPH_WORDS and \
                reasons[filled[k - 1]] == "registration or deadline" and \
                len(lines[filled[k - 1]].split()) <= 3:
            reasons[i] = "registration terms"


#: A superscript mark: a footnote's number, or an affiliation's.
_SUPERSCRIPT = r"[\u00b9\u00b2\u00b3\u2070-\u2079]+"


#: A footnote's call in text taken out of a PDF, where the superscript became a plain number
#: of one or two digits glued to a sentence's end or to a word in lower case ("... digitale
#: kanaler.1", "... søknaden.2 Hjelpen gis ...", "forvaltningen12 og").
_PLAIN_CALL = re.compile(r"(?:(?<=[^\W\d_A-ZÆØÅÄÖÜ][.,;:!?)])|(?<=[^\W\d_A-ZÆØÅÄÖÜ]{3}))"
                         r"(\d{1,2})(?=[\s,;:.)]|$)")
#: The note itself, printed at the foot of the page: its plain number, then a capital or a
#: link, and an end as a note ends ("2 Tallene bygger på ... se kapittel 6.").
_PLAIN_NOTE = re.compile(r"\s*(\d{1,2})\s+(?=[A-ZÆØÅÄÖÜ]|https?://|www\.)(?=.*(?:[.)]|\S+\.\w+/\S*)\s*$)")
#: A PDF page is no longer than this many lines: a note stands within it of its call.
_PAGE_LINES = 80


def footnotes_mark(lines: list[str], reasons: list[str | None]) -> None:
    """A footnote: a line that opens with a superscript number ("² Compare ...") of at most
    :data:`NOTICE_WORDS` words, when the text calls it ("... the hardest ones.²") or, if the
    copy lost the call, when a capital follows the mark, as a note opens (a wrapped call or
    a unit's exponent at a line's start goes on in lower case).

    Text taken out of a PDF has lost the superscripts: there a line is a footnote when it
    opens with a plain number, a space and a capital (or a link), ends as a note does, and
    the same number stands glued to a sentence's end or a word in lower case on a line
    above it, on the same page (:data:`_PAGE_LINES`). A numbered heading ("1 Innledning")
    has no call above it and no full stop."""
    calls = {m.group() for i, ln in enumerate(lines)
             for m in re.finditer(rf"(?<=[^\W\d_]|[.,;:!?)]){_SUPERSCRIPT}", ln)}
    plain = [(i, m.group(1)) for i, ln in enumerate(lines) for m in _PLAIN_CALL.finditer(ln)]
    for i, line in enumerate(lines):
        if reasons[i] is not None or len(line.split()) > NOTICE_WORDS:
            continue
        # a mark before a word (not a formula's or a table row's "² = 0.34", "¹ 2023 45 %"):
        # with its call in the text, any word; without, a capital, as a note opens (a call
        # or a unit's exponent wrapped to the next line goes on in lower case: "³ viser at")
        mark = re.match(rf"\s*({_SUPERSCRIPT})\s*[^\W\d_]", line)
        mark = mark if mark and (mark.group(1) in calls or re.match(
            rf"\s*{_SUPERSCRIPT}\s*[«\"(]?[A-ZÆØÅÄÖ]", line)) else None
        note = _PLAIN_NOTE.match(line)
        if mark or note and (any(
                n == note.group(1) and 0 < i - j <= _PAGE_LINES for j, n in plain)
                and not _uncalled_sibling(lines, reasons, i, int(note.group(1)),
                                          {n for _, n in plain})
                or not any(n == note.group(1) for _, n in plain)
                and _lone_note(lines, reasons, i, int(note.group(1)))):
            reasons[i] = "footnote"


def _uncalled_sibling(lines: list[str], reasons: list[str | None], i: int, number: int,
                      called: set[str]) -> bool:
    """Whether a line on the page opens with the number before or after ``number`` that the
    text never calls: a numbered list's next point ("18 Kommunen bør ..." beside "19 ..."),
    not another note (notes at a page's foot are called, "... ones.1" and "... ones.2")."""
    near = range(max(0, i - _PAGE_LINES), min(len(lines), i + _PAGE_LINES))
    for j in near:
        found = re.match(r"\s*(\d{1,2})[.)]?\s+\S", lines[j])
        if j != i and found and int(found.group(1)) in (number - 1, number + 1) and \
                found.group(1) not in called and not _numbered_heading(lines, j) and \
                reasons[j] != "contents dot leaders":
            return True
    return False


def _lone_note(lines: list[str], reasons: list[str | None], i: int, number: int) -> bool:
    """A note whose call was lost too (the text calls no such number anywhere): a sentence
    opening with a plain number and a word in lower case after its capital (not "27 NAV
    offices ..."), ending with a full stop (a numbered heading has none), at the foot of a
    page (the next line is a page number or a running header, another such note, or the end
    of the text), under some prose, and with no line on the page opening with the number
    before or after it (numbered points go 1, 2, 3), a chapter's numbered heading or a table
    of contents' entry aside ("2 Anbefalinger")."""
    line = lines[i]
    if not line.rstrip().endswith(".") or not line_is_sentence(line) or \
            re.match(r"\s*\d{1,2}\s+[A-ZÆØÅÄÖ]{2}", line):
        return False
    after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    if after is not None and not (
            reasons[after] in ("page number or running header", "running header", "page header",
                               "footnote")
            or _PLAIN_NOTE.match(lines[after])):
        return False
    if not any(line_is_sentence(ln) and not re.match(r"\s*\d", ln) for ln in lines[:i]):
        return False
    near = range(max(0, i - _PAGE_LINES), min(len(lines), i + _PAGE_LINES))
    return not any(j != i and re.match(rf"\s*({number - 1}|{number + 1})[.)]?\s+\S", lines[j])
                   and not _numbered_heading(lines, j) and reasons[j] != "contents dot leaders"
                   for j in near)


def _numbered_heading(lines: list[str], j: int) -> bool:
    """Whether line ``j`` is a chapter's numbered heading ("2 Anbefalinger", "3 Mål og
    tiltak"): a number and at most four words with no end a sentence or a list point has,
    and no numbered line right above it (a list's short steps, "1 Logg inn" over "2 Fyll ut
    skjemaet", are points). A page's heading is no sibling of a footnote's number, as the
    next point of a numbered list is."""
    line = lines[j]
    above = next((lines[k] for k in range(j - 1, -1, -1) if lines[k].strip()), "")
    return bool(re.fullmatch(r"\s*\d{1,2}[.)]?(\s+[^\s\d]\S*){1,4}\s*", line)) and \
        not re.search(r"[.!?:;,]\s*$", line) and not re.match(r"\s*\d{1,2}[.)]?\s+\S", above)


def sandwiched_mark(lines: list[str], reasons: list[str | None], short: list[bool]) -> None:
    """A short line that is no sentence, with debris right before and right after it (blank
    lines aside), is debris too: the value of a field whose label has no colon, an author
    line between a breadcrumb and a metrics widget (the context rule of jusText). So is a
    short question between two lines of a page's widgets (a poll's: "DAGENS SPØRSMÅL" / "Bør
    ...?" / "1 204 har stemt"), though it reads as a sentence; not between a page's head and
    foot (a PDF's heading asked as a question, between its running head and a number), nor
    between a programme's slots (a talk's title asked as a question)."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    changed = True
    while changed:
        changed = False
        for k in range(1, len(filled) - 1):
            i = filled[k]
            around = (reasons[filled[k - 1]], reasons[filled[k + 1]])
            if reasons[i] is None and all(around) and (short[i] or (
                    lines[i].rstrip().endswith("?") and len(lines[i].split()) <= 12
                    and not any(why in _PAGE_FURNITURE - {"numbers or code"}
                                or why.startswith("programme ") for why in around)
                    # (over its authors, the next abstract's title: notices_mark's to name)
                    and around[1] == "numbers or code"  # a count under it: "1 204 har stemt"
                    and not line_is_affiliation(lines[filled[k + 1]]))):
                reasons[i] = "between debris"
                changed = True


#: A readers' comments heading, perhaps with its count ("Kommentarer (2)", "Comments").
_COMMENTS = re.compile(r"\s*(?:comments?|reader comments|readers' comments|kommentarer|"
                       r"kommentarar|leserkommentarer|lesarkommentarar|läsarkommentarer|"
                       r"kommentit)\s*(?:\(\d+\))?\s*:?\s*", re.IGNORECASE)


#: A reader's handle before a comment on one line ("Malin_V: ...", "kvällstrött: ..."): one
#: word with no space, then a colon.
_HANDLE = re.compile(r"\s*[^\s:]{2,30}:\s+\S")


def comments_mark(lines: list[str], reasons: list[str | None]) -> None:
    """Readers' comments under a page's text: a comments heading below a paragraph of text, and
    everything after it, when what follows is a thread (at least one line that is debris
    already, a short line that is no sentence: a name, "Reply", "Logga in för att
    kommentera", or a comment after its writer's handle: "Malin_V: ...") and holds no
    paragraph longer than :data:`NOTICE_WORDS` words (a report's "Comments" section over its
    text stays)."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for k, i in enumerate(filled):
        if not _COMMENTS.fullmatch(lines[i]):
            continue  # (the heading may be debris already: a count, "Kommentarer (2)")
        if not any(line_is_sentence(lines[j]) and len(lines[j].split()) >= PARAGRAPH_WORDS
                   and reasons[j] is None for j in filled[:k]):
            continue  # a menu's item above the text
        after = filled[k + 1:]
        if not after or any(len(lines[j].split()) > NOTICE_WORDS and reasons[j] is None
                            for j in after):
            continue
        if not any(reasons[j] or not line_is_sentence(lines[j]) and len(lines[j].split()) <= 4
                   or _HANDLE.match(lines[j]) for j in after):
            continue
        for j in [i, *after]:
            reasons[j] = reasons[j] or "comments"
        return
