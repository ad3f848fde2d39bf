"""Personal identifiers: find them, check them, and replace them by stable placeholders.

Kinds (the names used in placeholders and in the import report):

- ``no_fnr``: Norwegian national identity number (fødselsnummer), ``DDMMYYIIIKK``; both
  check digits verified (modulus 11 with the weights published by the Norwegian Tax
  Administration). Written whole or as ``DDMMYY IIIKK`` / ``DDMMYY-IIIKK``.
- ``no_dnr``: Norwegian D-number: as above with 4 added to the first digit of the day.
- ``se_pin``: Swedish personal identity number (personnummer or samordningsnummer),
  ``YYMMDD-NNNC``, ``YYMMDD+NNNC``, ``YYMMDDNNNC`` or with a four-digit year; a real date
  (day + 60 for a samordningsnummer) and a Luhn check digit.
- ``dk_cpr``: Danish CPR number, ``DDMMYY-SSSS`` or without the dash, with a real date.
  CPR numbers have carried no reliable check digit since 2007, so a date is weak evidence,
  and a ten-digit number is often valid both as a CPR and as a Swedish number (the month
  sits in the middle of both). The country is therefore decided by context: a Danish cue
  ("CPR", "cpr-nr.", "Danmark", "Danish") in the same sentence and the 60 characters
  before it, a Swedish cue ("samordningsnummer", "Sverige", "Swedish", or a bare
  "personnummer" or "pnr" with no Danish word beside it), the masker's ``country``, or a
  text that mentions CPR anywhere. Under a Danish cue only the CPR rule applies, under a
  Swedish cue only the Swedish one; with no cue a number is masked when the Swedish rule
  (date and Luhn) accepts it, so a CPR number needs a Danish context. A ten-digit number
  written with a space (``811218 9876``) needs a cue.
- ``email``: e-mail addresses, also written ``name (at) domain.no`` or ``name [at] domain
  (dot) no``.
- ``phone``: telephone numbers. With a country code (``+47``, ``0047``, ``+45``, ``+46``,
  ``+44`` ...) and a national part of the right length, or in the Swedish area-code style
  ``08-123 45 67``, a number is masked wherever it stands. A plain group of digits in a
  Nordic style (``22 33 44 55``, ``412 34 567``, ``2233 4455``, ``22334455``,
  ``070 123 45 67``, or ``47 22 33 44 55`` with a bare country code) is masked only with a
  cue: a word such as "tlf", "telefon", "phone", "mobil", "ring" or "kontakt" shortly
  before it in the same sentence, "(mobil)" after it, a person's name just before it, an
  e-mail address or another phone number next to it (a contact block). Counts, amounts,
  years, postcodes, clock times and dates written with spaces are thus left alone.
- ``name`` (only when asked): a common given name (``lexicon/first_names.txt``; also
  hyphenated, such as Anne-Lise) followed by one or two capitalised surnames, in title case
  or in capitals, wherever it stands (after "Saksbehandler" or "Dr." too); a word that
  rarely is a surname (``_NOT_SURNAMES``) ends the candidate, so "Per Capita" stays, and
  a street ("Karl Johans gate") is not a person.

Numbers are found in a copy of the text in which non-breaking, narrow and thin spaces
become spaces and non-breaking hyphens, en and em dashes and minus signs become hyphens
(one character for one, so positions match the original). An identity number may be glued
to letters or a label ("fnr30106195850", "ID-01075817351"); it may not be part of a longer
run of digits. A number whose check digits or date fail is not an identity number.

A placeholder such as ``[no_fnr-3fa2b1c9]`` is a keyed hash (HMAC-SHA256) of the value: the
same value gets the same placeholder wherever the same key is used (one key per corpus),
and the value cannot be read back from it without the key. Phone numbers are hashed in a
national form, so ``+47 22 33 44 55`` and ``22334455`` share a placeholder.
"""

from __future__ import annotations

import bisect
import hashlib
import hmac
import re
from collections import Counter
from functools import cache

from digiwelfare.config import lexicon_file
from digiwelfare.identifiers_checks import dk_cpr_verify, no_identity_kind, se_pin_verify

KINDS = ("no_fnr", "no_dnr", "se_pin", "dk_cpr", "email", "phone", "name")

# --- Finding candidates -------------------------------------------------------------------

# One character for one: positions in the normalised copy are positions in the text.
_SPACE_CHARS = re.compile("[\u00a0\u2002-\u200a\u202f\u205f\u3000]")
_HYPHEN_CHARS = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_BREAK = re.compile(r"[.!?]\s+[A-ZÆØÅÄÖÜ]|\n\s*\n")

# An e-mail address is found from its "@" (or "(at)"), then extended both ways: cheaper
# than trying a full pattern at every word of a long text.
_AT = re.compile(r"@|\s?[(\[{]\s?(?:at|ät|snabela|krøllalfa)\s?[)\]}]\s?")
_DOT = r"(?:\.|\s?[(\[{]\s?(?:dot|punkt|prikk)\s?[)\]}]\s?)"
_LOCAL_BACK = re.compile(r"[\w.+-]*")
_DOMAIN = re.compile(rf"[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[A-Za-z]{{2,}}(?![\w-])")

# Identity numbers: 8+4 (Swedish with century), 6+5 (Norwegian), 6+4 (Swedish, Danish).
# (A leading lookbehind would stop the regex engine from skipping ahead to the next digit,
# so the left edge, no digit or "+" before, is checked in ``find``.)
_IDNUM = re.compile(r"[0-9]{6}(?:[0-9]{2}[-+ ]?[0-9]{4}|[-+ ]?[0-9]{4,5})(?![0-9])")

# A country word or CPR decides; a bare "personnummer" or "pnr" means Swedish unless a
# Danish word stands with it ("dansk personnummer").
_DK_CUE = r"cpr|danmark|denmark|dansk|danske|danish"
_SE_CUE = r"samordningsnummer|sverige|sweden|svensk|svenska|swedish"
_GENERIC_CUE = r"personnummer|personnr|pers\.?\s?nr|pnr|p-nr"
_ID_CUE = re.compile(rf"(?i)(?<![^\W\d_])(?:(?P<dk>{_DK_CUE})|(?P<se>{_SE_CUE})|"
                     rf"(?P<generic>{_GENERIC_CUE}))")
_CPR_ANYWHERE = re.compile(r"(?i)(?<![^\W\d_])cpr(?![^\W\d_])")

# A run of digit groups, optionally with "+" or "(+" before it and "(0)" inside.
# (Written to start with one character class, so the engine skips quickly to candidates;
# a run found this way always starts where its digits start.)
_RUN = re.compile(r"[(+0-9][+ ]?[0-9]*(?:(?:\)?[ -]|\) ?| ?\(0\) ?)[0-9]+)*")

_PHONE_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:tlf|tel|tfn|telefon(?:nummer|nr)?|telephone(?: number)?|"
    r"phone(?: number| no)?|ph|mob|mobil(?:telefon|nummer|nr)?|mobile(?: phone)?|"
    r"cell(?:phone)?|fax|faks|telefax|sentralbord|switchboard|växel|vxl|ring|ringe|call|"
    r"sms|kontakt|contact|direkte|direct)\.?(?![^\W\d_])")
_PHONE_CUE_AFTER = re.compile(r"\s*\(\s*(?i:mobil|mob|tlf|tel|telefon|phone|mobile|privat|"
                              r"arbeid|jobb|work|home|fax|faks)\b")

# National digits after a country code: (fewest, most).
_CC = {"47": (8, 8), "45": (8, 8), "46": (7, 9), "358": (5, 10), "354": (7, 7),
       "298": (6, 6), "299": (6, 6), "1": (10, 10), "7": (10, 10), "44": (9, 10),
       "49": (6, 11), "33": (9, 9), "31": (9, 9), "32": (8, 9), "34": (9, 9), "39": (6, 11),
       "41": (9, 9), "43": (6, 11), "48": (9, 9), "351": (9, 9), "353": (7, 9),
       "370": (8, 8), "371": (8, 8), "372": (7, 8), "30": (10, 10), "36": (8, 9),
       "420": (9, 9), "90": (10, 10), "91": (10, 10), "61": (9, 9), "64": (8, 10),
       "27": (9, 9), "380": (9, 9)}
_SHAPES8 = {(2, 2, 2, 2), (3, 2, 3), (4, 4), (8,)}


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def _international(groups: list[str]) -> tuple[str, str] | None:
    """(country code, national digits) for the digit groups after "+" or "00"."""
    joined = "".join(groups)
    codes = [groups[0]] if groups[0] in _CC else [joined[:n] for n in (1, 2, 3)]
    for cc in codes:
        national = joined[len(cc):]
        if national[:1] == "0" and cc not in ("39", "47", "45"):
            national = national[1:]  # a trunk zero written after the country code
        low, high = _CC.get(cc, (99, 0))
        if low <= len(national) <= high and national[:1] not in ("", "0"):
            return cc, national
    return None


def _phone_shape(run: str) -> tuple[bool, str] | None:
    """(needs a cue, national form) when ``run`` is written like a phone number."""
    plus = "+" in run
    body = run.replace("(0)", " ")
    groups = re.findall(r"[0-9]+", body)
    gaps = re.findall(r"[^0-9]+", body.strip("(+ "))
    if plus or (groups[0].startswith("00") and len(groups[0]) > 2):
        if not plus:
            groups = [groups[0][2:], *groups[1:]]
        found = _international(groups)
        if found is None:
            return None
        cc, national = found
        # "00" is also how account and reference numbers start: only the Nordic codes
        # stand alone, the others need a cue as a plain group of digits does
        needs_cue = not plus and cc not in ("45", "46", "47", "354", "358")
        return needs_cue, national if cc in ("47", "45", "46") else f"+{cc}{national}"
    sizes = tuple(len(g) for g in groups)
    spaced = all(g == " " for g in gaps)
    if sizes in _SHAPES8 and spaced and groups[0][0] in "23456789":
        return True, "".join(groups)
    if (groups[0] in ("47", "45") and sizes[1:] in _SHAPES8 and spaced
            and groups[1][0] in "23456789"):
        return True, "".join(groups[1:])
    digits = "".join(groups)
    if groups[0] == "46" and spaced and 7 <= len(digits) - 2 <= 9 and digits[2] != "0":
        return True, digits[2:]
    if len(groups) == 1 and re.fullmatch(r"07[0-9]{8}", digits):
        return True, digits[1:]
    if re.fullmatch(r"0[1-9][0-9]{0,2}", groups[0]) and 8 <= len(digits) <= 10:
        rest = sizes[1:]
        if rest and all(2 <= s <= 3 for s in rest) and all(g == " " for g in gaps[1:]):
            return gaps[0] != "-", digits[1:]
    return None


class Masker:
    """Replaces personal identifiers by keyed placeholders and counts what it replaced.

    ``country`` ("no", "se" or "dk") is what the caller knows about where a text comes
    from; it decides a ten-digit number that the Swedish and the Danish rules read
    differently when no cue stands next to it.

    >>> m = Masker(key=b"k")
    >>> masked = m.mask("Ring 22 33 44 55 eller skriv til ola@example.no.")
    >>> re.sub(r"-[0-9a-f]{8}]", "]", masked), dict(m.counts)
    ('Ring [phone] eller skriv til [email].', {'phone': 1, 'email': 1})
    """

    def __init__(self, key: bytes, names: bool = False, country: str | None = None):
        if country not in (None, "no", "se", "dk"):
            raise ValueError(f"Masker: country is {country!r}; give 'no', 'se' or 'dk' (the "
                             f"country the texts come from), or None when it is not known")
        self.key = key
        self.names = names
        self.country = country
        self.counts: Counter[str] = Counter()

    def placeholder(self, kind: str, value: str) -> str:
        """The placeholder of ``value`` (already in its normal form for phones)."""
        norm = value.lower() if kind in ("email", "name") else _digits(value)
        if kind == "phone" and value.startswith("+"):
            norm = value
        digest = hmac.new(self.key, f"{kind}:{norm}".encode(), hashlib.sha256).hexdigest()
        return f"[{kind}-{digest[:8]}]"

    def mask(self, text: str) -> str:
        """``text`` with every identifier replaced; :attr:`counts` grows by kind."""
        found = self.find(text)
        out, last = [], 0
        for start, end, kind, value in found:
            out.append(text[last:start])
            out.append(self.placeholder(kind, value))
            self.counts[kind] += 1
            last = end
        out.append(text[last:])
        return "".join(out)

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every identifier in ``text`` as (start, end, kind, value), in text order."""
        norm = _HYPHEN_CHARS.sub("-", _SPACE_CHARS.sub(" ", text))
        taken = _Spans()
        for at in _AT.finditer(norm):
            # the local part: the longest run of its characters before "@", read backwards
            run = _LOCAL_BACK.match(norm[max(0, at.start() - 64):at.start()][::-1]).group()
            run = run.rstrip(".+-")
            domain = _DOMAIN.match(norm, at.end()) if run[:1].isalnum() or run[:1] == "_" else None
            if domain is None:
                continue
            start = at.start() - len(run)
            if taken.free(start, domain.end()):
                taken.add(start, domain.end(), "email", _email_normal(norm[start:domain.end()]))
        emails = [(s, e) for s, e, _, _ in taken.items]
        danish_text = self.country == "dk" or bool(_CPR_ANYWHERE.search(norm))
        for m in _IDNUM.finditer(norm):
            if m.start() and norm[m.start() - 1] in "0123456789+":
                continue
            kind = self._id_kind(norm, m, danish_text)
            if kind and taken.free(m.start(), m.end()):
                taken.add(m.start(), m.end(), kind, _digits(m.group()))
        last_phone_end = None
        for m in _RUN.finditer(norm):
            start, end = m.start(), m.end()
            if end - start < 8 or norm[end - 1] not in "0123456789":  # too short
                continue
            if norm[start] == "(" and not re.match(r"\(\+ ?[0-9]+\)", m.group()):
                start += 1
            shape = _phone_shape(norm[start:end])
            if shape is None or not taken.free(start, end):
                continue
            needs_cue, value = shape
            if needs_cue and not _phone_cued(norm, start, end, last_phone_end, emails):
                continue
            last_phone_end = end
            taken.add(start, end, "phone", value)
        if self.names:
            for start, end in _names_find(norm):
                if taken.free(start, end):
                    taken.add(start, end, "name", " ".join(norm[start:end].split()))
        return taken.items

    def _id_kind(self, norm: str, m: re.Match, danish_text: bool) -> str | None:
        raw = m.group()
        digits = _digits(raw)
        if len(digits) == 11:
            return no_identity_kind(digits) if "+" not in raw else None
        if len(digits) == 12:
            return "se_pin" if se_pin_verify(digits) else None
        cue = _id_cue(norm, m.start())
        if cue == "dk" or (cue is None and self.country == "dk"):
            if dk_cpr_verify(digits) and "+" not in raw:
                return "dk_cpr"
            return "se_pin" if cue is None and se_pin_verify(digits) else None
        if cue == "se":
            return "se_pin" if se_pin_verify(digits) else None
        if " " in raw:  # a space-separated ten-digit number needs a label
            return None
        if se_pin_verify(digits):
            return "se_pin"
        return "dk_cpr" if danish_text and dk_cpr_verify(digits) and "+" not in raw else None


class _Spans:
    """Non-overlapping spans kept in order (bisect keeps a long text's many numbers cheap)."""

    def __init__(self):
        self.items: list[tuple[int, int, str, str]] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.items, (start,))
        return ((i == 0 or self.items[i - 1][1] <= start)
                and (i == len(self.items) or end <= self.items[i][0]))

    def add(self, start: int, end: int, kind: str, value: str) -> None:
        bisect.insort(self.items, (start, end, kind, value))


def _email_normal(raw: str) -> str:
    raw = re.sub(r"\s?[(\[{]\s?(?:at|ät|snabela|krøllalfa)\s?[)\]}]\s?", "@", raw)
    return re.sub(r"\s?[(\[{]\s?(?:dot|punkt|prikk)\s?[)\]}]\s?", ".", raw)


def _id_cue(norm: str, start: int) -> str | None:
    """"dk" or "se" for the country cues in the 60 characters before ``start`` and in the
    same sentence (the nearest country word wins over a generic label), else None."""
    country, generic = None, False
    for cue in _ID_CUE.finditer(norm, max(0, start - 60), start):
        if _BREAK.search(norm, cue.end(), start):
            continue
        if cue.group("generic"):
            generic = True
        else:
            country = "dk" if cue.group("dk") else "se"
    return country or ("se" if generic else None)


def _phone_cued(norm: str, start: int, end: int, last_phone_end: int | None,
                emails: list[tuple[int, int]]) -> bool:
    """A digit group shaped like a phone number is one if a cue word stands shortly before
    it in the same sentence, a "(mobil)" after it, a person's name just before it (only
    punctuation between), or another phone number or an e-mail address next to it."""
    def clear(a: int, b: int) -> bool:
        return not _BREAK.search(norm, a, b) and not re.search(r"[0-9]", norm[a:b])

    last = None
    for cue in _PHONE_CUE.finditer(norm, max(0, start - 40), start):
        last = cue
    if last is not None and clear(last.end(), start):
        return True
    if _PHONE_CUE_AFTER.match(norm, end):
        return True
    window = max(0, start - 40)
    names = _names_find(norm[window:start])  # "Kari Nordmann, 22 33 44 55"
    if names and re.fullmatch(r"[\s,:;/()-]*", norm[window + names[-1][1]:start]):
        return True
    if last_phone_end is not None and 0 <= start - last_phone_end <= 30 and clear(
            last_phone_end, start):
        return True
    i = bisect.bisect_left(emails, (start,))
    before = emails[i - 1] if i else None
    after = emails[i] if i < len(emails) else None
    return bool((before and start - before[1] <= 60 and clear(before[1], start))
                or (after and after[0] - end <= 60 and clear(end, after[0])))


# --- Names ----------------------------------------------------------------------------------

_UP, _LO = "A-ZÆØÅÄÖÜÉ", "a-zæøåäöüéèáóíúñçß"
_TITLE = rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
_CAPS = rf"[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?"
_CAPWORD = re.compile(rf"(?<![\w-])(?:{_TITLE}|{_CAPS})(?![\w-])")
_PARTICLE = r"(?:(?:van der|van den|van|von|de la|af) )?"
_SURNAMES = {
    "title": re.compile(rf" {_PARTICLE}(?:{_TITLE}|{_CAPS})(?: (?:{_TITLE}|{_CAPS}))?"
                        r"(?![\w-])"),
    "caps": re.compile(rf" {_PARTICLE}{_CAPS}(?: {_CAPS})?(?![\w-])"),
}


@cache
def first_names_read() -> frozenset[str]:
    """The given names of ``lexicon/first_names.txt`` (one or more a line; ``#`` comments)."""
    text = lexicon_file("first_names.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


# Capitalised words that follow a given name in headings and phrases but are rarely
# surnames ("Per Capita", "Line Manager", "Hans Majestet", "Jan Mayen").
_NOT_SURNAMES = frozenset("""
the of and or in on at to for from with by a an is are was be as not per de
capita cent year years day days week month person manager managers management
managers mayen majestet majestets kongelige høyhet star browser network services service
road street gate vei veien plass torg kommune fylke county council university
universitet school skole hospital sykehus og i på til for fra med som er av en et den det
""".split())


_STREET = re.compile(r"(?i) (?:gate|gata|gaten|gatan|gade|vei|veien|vegen|väg|vej|allé|plass|"
                     r"torg|torget|street|road|square)(?!\w)")


def _names_find(norm: str) -> list[tuple[int, int]]:
    """Spans of a given name followed by one or two surnames."""
    first = first_names_read()
    spans: list[tuple[int, int]] = []
    for m in _CAPWORD.finditer(norm):
        if spans and m.start() < spans[-1][1]:
            continue
        word = m.group()
        caps = word.isupper()
        parts = word.split("-")
        if not all((p.capitalize() if caps else p) in first for p in parts):
            continue
        rest = _SURNAMES["caps" if caps else "title"].match(norm, m.end())
        if rest is None:
            continue
        surnames = rest.group().split()
        keep = []
        for s in surnames:
            if s.lower() in _NOT_SURNAMES and s.lower() not in ("van", "von", "de", "af"):
                break
            keep.append(s)
        if not keep or keep[-1].lower() in ("van", "von", "der", "den", "de", "la", "af"):
            continue
        end = m.end() + len(" ".join(["", *keep]))
        if _STREET.match(norm, end) or (len(keep) > 1 and _STREET.fullmatch(" " + keep[-1])):
            continue  # "Karl Johans gate", "OLAV KYRRES PLASS": a place
        spans.append((m.start(), end))
    return spans
