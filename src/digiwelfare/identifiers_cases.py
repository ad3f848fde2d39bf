"""Generated cases for the masking benchmark (:mod:`digiwelfare.identifiers_bench`).

:func:`bench_cases` writes, from a seed, three groups of short texts:

- ``valid``: real identifiers of every kind (valid check digits and dates), in every
  writing the masker claims to handle: separators (space, hyphen, no-break, narrow and thin
  spaces, non-breaking hyphen, en dash), labels, glued prefixes ("fnr", "ID-", "nr."), and
  positions (in a sentence, at a line start or end, in parentheses, in a file name).
- ``invalid``: look-alikes that are not identifiers (a wrong check digit, an impossible
  date), under the label of their own country.
- ``ordinary``: numbers and phrases a text about welfare is full of (years, amounts,
  postcodes, clock times, dates, counts, counts spaced like phone numbers, ISBN, ISSN, DOI,
  project and case numbers, percentages, numbers starting with 00) and, for names,
  capitalised phrases (places followed by a word, title-cased headings).

In ``before`` and ``after`` an identifier the masker must also replace is marked ⟦ ⟧.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pandas as pd

from digiwelfare.identifiers import first_names_read
from digiwelfare.identifiers_checks import luhn_verify, no_check_digits

GROUPS = ("valid", "invalid", "ordinary")

_SPACES = (" ", " ", " ", "\u00a0", "\u202f", "\u2009")
_HYPHENS = ("-", "-", "-", "\u2011", "\u2013", "\u2014")
_SEP_NAMES = {" ": "space", "\u00a0": "no-break space", "\u202f": "narrow no-break space",
              "\u2009": "thin space", "-": "hyphen", "\u2011": "non-breaking hyphen",
              "\u2013": "en dash", "\u2014": "em dash"}
_SURNAMES = ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
             "Kristiansen", "Jensen", "Karlsen", "Ødegård", "Berg", "Haugen", "Hagen", "Bakken",
             "Lie", "Strand", "Dahl", "Eriksen", "Lund", "Solberg", "Nordmann", "Svensson",
             "Lindqvist", "Nielsen", "Smith", "Brown", "Aas", "Sæther", "Holm")
_TITLES = ("Saksbehandler", "Dr.", "Rådgiver", "Professor", "Seniorrådgiver", "Ms.", "Leder")
_DOMAINS = ("nav.no", "example.no", "kommune.no", "uio.no", "example.se", "example.dk",
            "regjeringen.no", "stud.ntnu.no")


def _date(rng: random.Random) -> dt.date:
    return dt.date(1901, 1, 1) + dt.timedelta(days=rng.randrange(45_000))


def _no_number(rng: random.Random, d_number: bool = False) -> str:
    while True:
        date = _date(rng)
        day = date.day + (40 if d_number else 0)
        first9 = f"{day:02d}{date.month:02d}{date.year % 100:02d}{rng.randrange(1000):03d}"
        checks = no_check_digits(first9)
        if checks is not None:
            return first9 + checks


def _luhn_digit(nine: str) -> str:
    return next(str(c) for c in range(10) if luhn_verify(nine + str(c)))


def _se_number(rng: random.Random, coordination: bool = False) -> tuple[str, str]:
    """(century, ten digits) of a valid Swedish number."""
    date = _date(rng)
    day = date.day + (60 if coordination else 0)
    nine = f"{date.year % 100:02d}{date.month:02d}{day:02d}{rng.randrange(1000):03d}"
    return str(date.year // 100), nine + _luhn_digit(nine)


def _impossible_date(rng: random.Random) -> tuple[int, int, int]:
    """(day, month, yy) that is no date: day 32-39, month 13-19, or 30/31 February."""
    yy = rng.randrange(100)
    pick = rng.randrange(3)
    if pick == 0:
        return rng.randint(32, 39), rng.randint(1, 12), yy
    if pick == 1:
        return rng.randint(1, 28), rng.randint(13, 19), yy
    return rng.choice((30, 31)), 2, yy


def _sentence(rng: random.Random, label: str = "") -> tuple[str, str, str]:
    """(position, before, after) of an identifier, with ``label`` and a separator before."""
    lab = f"{label}{rng.choice(_SPACES)}" if label else ""
    position = rng.choice(("sentence", "line start", "line end", "parentheses", "file name"))
    if position == "sentence":
        return position, f"Søknaden fra {lab}", " ble behandlet i mars."
    if position == "line start":
        if label:
            return position, f"{lab}", "\nVedtaket gjelder stønad."
        return position, "", " – vedtak om stønad\nNeste linje."
    if position == "line end":
        return position, f"Referanse:\n{lab}", "\n"
    if position == "parentheses":
        return position, f"Brukeren ({lab}", ") fikk svar."
    return position, f"vedtak {lab}", rng.choice((".txt", ".pdf", "_2.docx"))


def _case(group, kind, writing, before, target, after):
    """One row; an identifier in ``before`` or ``after`` (context such as an e-mail address
    next to a phone number) is marked ⟦so⟧ and expected to be masked as well."""
    seps = sorted({_SEP_NAMES[c] for c in target if c in _SEP_NAMES})
    writing = f"{writing}|{'+'.join(seps)}" if seps and group != "ordinary" else writing
    return {"group": group, "kind": kind, "writing": writing,
            "text": _unmark(before + target + after), "before": before, "target": target,
            "after": after}


def _unmark(text: str) -> str:
    return text.replace("⟦", "").replace("⟧", "")


def _valid_no(rng: random.Random, kind: str):
    number = _no_number(rng, d_number=kind == "no_dnr")
    style = rng.choice(("whole", "6+5 space", "6+5 hyphen", "glued"))
    if style == "whole":
        target = number
    elif style == "6+5 space":
        target = number[:6] + rng.choice(_SPACES) + number[6:]
    elif style == "6+5 hyphen":
        target = number[:6] + rng.choice(_HYPHENS) + number[6:]
    else:
        prefix = rng.choice(("fnr", "ID-", "nr.", "fnr:", "D-nr.", "pnr"))
        position, before, after = _sentence(rng)
        return _case("valid", kind, f"glued {prefix!r}|{position}", before + prefix, number,
                     after)
    label = rng.choice(("", "", "fnr.", "fødselsnummer", "D-nummer:", "ID"))
    position, before, after = _sentence(rng, label)
    return _case("valid", kind, f"{style}|{'label' if label else 'bare'}|{position}",
                 before, target, after)


def _valid_se(rng: random.Random):
    century, ten = _se_number(rng, coordination=rng.random() < 0.2)
    style = rng.choice(("YYMMDD-NNNC", "YYMMDD+NNNC", "YYMMDDNNNC", "YYYYMMDD-NNNC",
                        "YYYYMMDDNNNC", "glued"))
    sep = rng.choice(_HYPHENS)
    target = {"YYMMDD-NNNC": ten[:6] + sep + ten[6:], "YYMMDD+NNNC": ten[:6] + "+" + ten[6:],
              "YYMMDDNNNC": ten, "YYYYMMDD-NNNC": century + ten[:6] + sep + ten[6:],
              "YYYYMMDDNNNC": century + ten, "glued": ten[:6] + "-" + ten[6:]}[style]
    if style == "glued":
        prefix = rng.choice(("pnr", "ID-", "nr.", "personnummer:"))
        position, before, after = _sentence(rng)
        return _case("valid", "se_pin", f"glued {prefix!r}|{position}", before + prefix,
                     target, after)
    label = rng.choice(("", "", "personnummer", "pnr.", "samordningsnummer"))
    position, before, after = _sentence(rng, label)
    return _case("valid", "se_pin", f"{style}|{'label' if label else 'bare'}|{position}",
                 before, target, after)


def _dk_target(rng: random.Random, six: str) -> tuple[str, str]:
    serial = f"{rng.randrange(10_000):04d}"
    style = rng.choice(("DDMMYY-SSSS", "DDMMYYSSSS", "DDMMYY SSSS"))
    sep = {"DDMMYY-SSSS": rng.choice(_HYPHENS), "DDMMYYSSSS": "",
           "DDMMYY SSSS": rng.choice(_SPACES)}[style]
    return style, six + sep + serial


def _valid_dk(rng: random.Random, cue: bool = True):
    date = _date(rng)
    style, target = _dk_target(rng, f"{date.day:02d}{date.month:02d}{date.year % 100:02d}")
    if not cue:  # a bare number with a space is not masked even with a valid Swedish reading
        target, style = re.sub("[ \u00a0\u202f\u2009]", "-", target), style.replace(" ", "-")
        position, before, after = _sentence(rng)
        return _case("valid", "dk_cpr (no cue)", f"{style}|{position}", before, target, after)
    label = rng.choice(("CPR", "CPR-nr.", "cpr.nr.", "CPR-nummer", "dansk personnummer",
                        "Danish ID"))
    if rng.random() < 0.2:
        position, before, after = _sentence(rng)
        return _case("valid", "dk_cpr", f"{style}|glued 'CPR'|{position}", before + "CPR",
                     target, after)
    position, before, after = _sentence(rng, label)
    return _case("valid", "dk_cpr", f"{style}|label|{position}", before, target, after)


def _valid_email(rng: random.Random):
    given = rng.choice(sorted(first_names_read())).lower()
    surname = rng.choice(_SURNAMES).lower()
    local = rng.choice((f"{given}.{surname}", given, f"{given[0]}{surname}{rng.randrange(99)}",
                        f"post+{surname}"))
    domain = rng.choice(_DOMAINS)
    style = rng.choice(("plain", "plain", "(at)", "[at] (dot)"))
    if style == "(at)":
        target = f"{local} (at) {domain}"
    elif style == "[at] (dot)":
        target = f"{local}[at]{domain.replace('.', ' (dot) ')}"
    else:
        target = f"{local}@{domain}"
    before, after = rng.choice((("Skriv til ", "."), ("E-post: ", "\n"), ("", " svarte."),
                                ("(", ")"), ("Contact ", " for details.")))
    return _case("valid", "email", style, before, target, after)


def _phone_national(rng: random.Random) -> tuple[str, str]:
    first = rng.choice("2345679")
    d = first + "".join(rng.choice("0123456789") for _ in range(7))
    s = rng.choice(_SPACES)
    shape = rng.choice(("2-2-2-2", "3-2-3", "4-4", "8"))
    return shape, {"2-2-2-2": s.join((d[:2], d[2:4], d[4:6], d[6:])),
                   "3-2-3": s.join((d[:3], d[3:5], d[5:])), "4-4": d[:4] + s + d[4:],
                   "8": d}[shape]


def _phone_swedish(rng: random.Random) -> tuple[str, str]:
    digits = "".join(rng.choice("0123456789") for _ in range(7))
    s = rng.choice(_SPACES)
    area = rng.choice(("8", "31", "40", "70", "72", "76", "18"))
    body = f"{digits[:3]}{s}{digits[3:5]}{s}{digits[5:7]}"
    style = rng.choice(("0X-XXX XX XX", "+46 X XXX XX XX", "+46 (0)X ...", "0046 X ..."))
    if style == "0X-XXX XX XX":
        return style, f"0{area}{rng.choice(_HYPHENS)}{body}"
    if style == "+46 X XXX XX XX":
        return style, f"+46{s}{area}{s}{body}"
    if style == "+46 (0)X ...":
        return style, f"+46{s}(0){area}{s}{body}"
    return style, f"0046{s}{area}{s}{body}"


def _valid_phone(rng: random.Random):
    pick = rng.randrange(3)
    if pick == 0:
        return _phone_case(rng, *_phone_swedish(rng), cue_needed=False)
    shape, national = _phone_national(rng)
    prefix = rng.choice(("", "", "+47 ", "+45 ", "0047 ", "47 ", "(+47) ", "+47"))
    needs = prefix in ("", "47 ")
    return _phone_case(rng, f"{prefix.strip() or 'no code'} {shape}", prefix + national,
                       cue_needed=needs)


def _phone_case(rng, writing, target, cue_needed):
    contexts = [("Tlf. ", "."), ("Phone: ", "\n"), ("Ring oss på ", " i dag."),
                ("Telefon:\n", "\n"), ("mobil ", ", e-post ⟦kari@nav.no⟧"),
                ("Kari Nordmann\n⟦kari@nav.no⟧\n", "\n"), ("Tlf: ⟦22 33 44 55⟧ / ", ""),
                ("", " (mobil)"), ("Kontakt ", " for spørsmål."), ("tlf", ""),
                ("Kari Nordmann, ", ", NAV Ørsta")]
    if not cue_needed:
        contexts += [("Svar gis på ", " hver dag."), ("", " – sentralen"), ("(", ")")]
    before, after = rng.choice(contexts)
    cue = "no cue" if not cue_needed and before in ("Svar gis på ", "", "(") else "cue"
    return _case("valid", "phone", f"{writing}|{cue}", before, target, after)


def _valid_name(rng: random.Random):
    names = sorted(first_names_read())
    given = rng.choice(names)
    surname = rng.choice(_SURNAMES)
    style = rng.choice(("plain", "after title", "capitals", "hyphenated given",
                        "double surname", "line start"))
    if style == "hyphenated given":
        given = f"{given}-{rng.choice(names)}"
    if style == "double surname":
        surname = f"{surname} {rng.choice(_SURNAMES)}"
    target = f"{given} {surname}"
    if style == "capitals":
        target = target.upper()
    if style == "after title":
        before = f"{rng.choice(_TITLES)} "
    elif style == "line start":
        before = "Intervju\n"
    else:
        before = rng.choice(("Vi snakket med ", "Ifølge ", "Interviewed: ", "Brev fra "))
    after = rng.choice((" i Ørsta kommune.", ", NAV Bergen.", "\n", " sa at det hjalp.",
                        " (saksbehandler)"))
    return _case("valid", "name", style, before, target, after)


def _invalid(rng: random.Random):
    kind = rng.choice(("no_fnr", "no_dnr", "se_pin", "dk_cpr", "dk_cpr (no cue)"))
    if kind in ("no_fnr", "no_dnr"):
        if rng.random() < 0.5:
            number = list(_no_number(rng, d_number=kind == "no_dnr"))
            pos = rng.choice((9, 10))
            number[pos] = str((int(number[pos]) + rng.randint(1, 9)) % 10)
            target, writing = "".join(number), "check digit wrong"
        else:
            while True:
                day, month, yy = _impossible_date(rng)
                day += 40 if kind == "no_dnr" else 0
                first9 = f"{day:02d}{month:02d}{yy:02d}{rng.randrange(1000):03d}"
                checks = no_check_digits(first9)
                if checks is not None:
                    break
            target, writing = first9 + checks, "impossible date"
        label = rng.choice(("fnr.", "fødselsnummer", "D-nummer", ""))
    elif kind == "se_pin":
        if rng.random() < 0.5:
            _, ten = _se_number(rng)
            ten = ten[:9] + str((int(ten[9]) + rng.randint(1, 9)) % 10)
            writing = "check digit wrong"
        else:
            day, month, yy = _impossible_date(rng)
            nine = f"{yy:02d}{month:02d}{day:02d}{rng.randrange(1000):03d}"
            ten, writing = nine + _luhn_digit(nine), "impossible date"
        target = ten[:6] + rng.choice(_HYPHENS) + ten[6:]
        label = rng.choice(("personnummer", "pnr.", "svenskt personnummer", ""))
    else:
        day, month, yy = _impossible_date(rng)
        writing, target = _dk_target(rng, f"{day:02d}{month:02d}{yy:02d}")
        writing = f"impossible date|{writing}"
        if kind == "dk_cpr":
            label = rng.choice(("CPR", "CPR-nr.", "cpr.nr.", "dansk personnummer"))
        else:
            label = ""
            target = re.sub("[ \u00a0\u202f\u2009]", "-", target)
            writing = writing.replace(" ", "-")
    position, before, after = _sentence(rng, label)
    return _case("invalid", kind, f"{writing}|{'label' if label else 'bare'}|{position}",
                 before, target, after)


def _isbn13(rng: random.Random) -> str:
    digits = "97882" + "".join(rng.choice("0123456789") for _ in range(7))
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits)) % 10) % 10
    d = digits + str(check)
    return rng.choice((f"{d[:3]}-{d[3:5]}-{d[5:7]}-{d[7:12]}-{d[12]}", d))


def _ordinary(rng: random.Random):
    r = rng.randrange
    s = rng.choice(_SPACES)
    pool = {
        "year": lambda: f"I {r(1950, 2030)} endret NAV rutinene, og {r(1990, 2010)}–{r(2011, 2030)}"
                        " var en overgangstid.",
        "amount": lambda: f"Budsjettet var NOK {r(1, 99)}{s}{r(1000):03d}{s}{r(1000):03d}, "
                          f"eller kr {r(10, 999)}{s}{r(1000):03d}.",
        "postcode": lambda: f"Adresse: Postboks {r(1, 9999)}, {r(1, 9999):04d} Oslo.",
        "clock time": lambda: f"Møtet varer kl. {r(8, 16)}:{r(0, 60, 15):02d}-{r(8, 16)}:"
                              f"{r(0, 60, 15):02d} og {r(8, 16):02d}.{r(0, 60, 15):02d}"
                              f"–{r(8, 16):02d}.{r(0, 60, 15):02d}.",
        "date": lambda: rng.choice((f"Vedtak {r(1, 29):02d}.{r(1, 13):02d}.{r(1990, 2030)}.",
                                    f"Dated {r(1990, 2030)}-{r(1, 13):02d}-{r(1, 29):02d}.",
                                    f"Frist {r(1, 29)}/{r(1, 13)}/{r(1990, 2030)}.")),
        "count": lambda: f"Vi intervjuet {r(2, 99)} ansatte og {r(1, 9)}{s}{r(1000):03d} brukere.",
        "phone-like count": lambda: rng.choice((
            f"Sakene per kvartal var {r(10, 99)} {r(10, 99)} {r(10, 99)} {r(10, 99)}.",
            f"Telefontjenesten besvarte {r(10, 99)} {r(10, 99)} {r(10, 99)} {r(10, 99)} "
            "henvendelser.",
            f"Tabell: {r(100, 999)} {r(10, 99)} {r(100, 999)} saker i alt.")),
        "00-number": lambda: f"Konto {r(100):04d}{s}{r(10_000):04d}{s}{r(100):02d} og "
                             f"ref. 00{r(10_000_000):07d}.",
        "ISBN": lambda: f"ISBN {_isbn13(rng)}.",
        "ISSN": lambda: f"ISSN {r(10_000):04d}-{r(1000):03d}{rng.choice('0123456789X')}.",
        "DOI": lambda: f"https://doi.org/10.{r(1000, 9999)}/{r(10**15, 10**16)} og "
                       f"doi:10.1016/j.giq.{r(2000, 2030)}.{r(100_000, 999_999)}.",
        "project number": lambda: rng.choice((
            f"Prosjekt {r(100_000, 999_999)} (NFR), grant {r(1000, 9999)}-{r(10**5):05d}B.",
            f"Grant agreement No {r(100_000, 999_999)}, saksnr. {r(2010, 2030)}/{r(10**5)}.",
            f"Org.nr. {r(800, 999)} {r(100, 999)} {r(100, 999)}.")),
        "percentage": lambda: f"Andelen var {r(0, 100)} %, {r(0, 100)},{r(10)} % og "
                              f"{r(0, 100)}{s}%.",
    }
    kind = rng.choice(sorted(pool))
    text = pool[kind]()
    return _case("ordinary", kind, "prose", text, "", "")


# Capitalised phrases that are no one's name. The first set begins with a word from the
# given-name list (the hard case), the second does not.
_NAMELIKE_PHRASES = (
    "Per Capita Spending", "Line Managers And Caseworkers", "Tone Of Voice", "Mark Scheme",
    "Jan Mayen", "Hans Majestet Kongen", "Per Year", "Dag Og Natt", "Rune Stones",
    "Lone Star", "Emma Awards", "Per Cent Increase", "Ida Pro", "Helge Stiftelse",
    "Karl Johans gate", "Olav Kyrres plass")
_PHRASES = (
    "Digital Welfare State", "Ørsta Kommune", "Bergen Sentrum", "Oslo Universitetssykehus",
    "Nordland Fylke", "Agder Fylkeskommune", "Stavanger Aftenblad", "NAV Kontaktsenter",
    "Trondheim Kommune", "Tromsø Museum", "Welfare Technology In Practice",
    "Statens Pensjonskasse", "Arbeids Og Velferdsdirektoratet", "Universal Credit")


def _ordinary_phrase(rng: random.Random):
    namelike = rng.random() < 0.5
    phrase = rng.choice(_NAMELIKE_PHRASES if namelike else _PHRASES)
    heading = rng.random() < 0.3
    text = f"{phrase.upper() if heading else phrase}\nTeksten begynner her."
    kind = "phrase, given-name word first" if namelike else "phrase, place or heading"
    return _case("ordinary", kind, "capitals" if heading else "title case", text, "", "")


def bench_cases(seed: int = 0, n: int = 300) -> pd.DataFrame:
    """``n`` generated cases of each valid kind, ``n`` invalid look-alikes of each kind and
    ``n`` ordinary texts of each sort (roughly: sorts are drawn at random), one row each:
    ``group``, ``kind``, ``writing``, ``text``, and the ``before``/``target``/``after``
    parts of ``text``. The same seed gives the same rows."""
    if n < 1:
        raise ValueError(f"bench_cases: n is {n}; give the number of cases of each kind "
                         "(1 or more, a few hundred for stable rates)")
    rng = random.Random(seed)
    makers = {
        "no_fnr": lambda: _valid_no(rng, "no_fnr"), "no_dnr": lambda: _valid_no(rng, "no_dnr"),
        "se_pin": lambda: _valid_se(rng), "dk_cpr": lambda: _valid_dk(rng),
        "dk_cpr (no cue)": lambda: _valid_dk(rng, cue=False),
        "email": lambda: _valid_email(rng), "phone": lambda: _valid_phone(rng),
        "name": lambda: _valid_name(rng),
    }
    rows = [make() for make in makers.values() for _ in range(n)]
    rows += [_invalid(rng) for _ in range(5 * n)]
    rows += [_ordinary(rng) for _ in range(13 * n)]
    rows += [_ordinary_phrase(rng) for _ in range(n)]
    return pd.DataFrame(rows)
