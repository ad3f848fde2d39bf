"""Personal identifiers: find them, check them, and replace them by stable placeholders.

Kinds (the names used in placeholders and in the import report):

- ``no_fnr``: Norwegian national identity number (fødselsnummer), ``DDMMYYIIIKK``; both
  check digits verified (modulus 11 with the weights published by the Norwegian Tax
  Administration).
- ``no_dnr``: Norwegian D-number: as above with 4 added to the first digit of the day.
- ``se_pin``: Swedish personal identity number (personnummer or samordningsnummer),
  ``YYMMDD-NNNC``, ``YYMMDD+NNNC`` or with a four-digit year; the last digit is a Luhn check.
- ``dk_cpr``: Danish CPR number, ``DDMMYY-SSSS`` or without the dash, with a valid date
  (CPR numbers have carried no reliable check digit since 2007, so the date is the test).
- ``email``, ``phone``: e-mail addresses; telephone numbers written with a country code, or
  in the grouped Nordic styles (``22 33 44 55``, ``412 34 567``, ``08-123 45 67``), or
  after a word such as "tlf", "tel." or "phone".
- ``name`` (only when asked): a common Nordic or English first name followed by one or two
  capitalised words.

An 11-digit number whose check digits fail is not an identity number and is left alone.
A placeholder such as ``[no_fnr-3fa2b1c9]`` is a keyed hash (HMAC-SHA256) of the value: the
same value gets the same placeholder wherever the same key is used (one key per corpus),
and the value cannot be read back from it without the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

KINDS = ("no_fnr", "no_dnr", "se_pin", "dk_cpr", "email", "phone", "name")

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _mod11(digits: list[int], weights: tuple[int, ...]) -> int | None:
    check = 11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if check == 11 else (None if check == 10 else check)


def no_check_digits(first9: str) -> str | None:
    """The two check digits of a Norwegian identity number's first nine digits, or None
    when no valid number starts with them (a check digit would be 10)."""
    digits = [int(c) for c in first9]
    k1 = _mod11(digits, _W1)
    if k1 is None:
        return None
    k2 = _mod11([*digits, k1], _W2)
    return None if k2 is None else f"{k1}{k2}"


def _date_ok(day: int, month: int, yy: int) -> bool:
    for century in (1900, 2000):
        try:
            dt.date(century + yy, month, day)
            return True
        except ValueError:
            continue
    return False


def no_identity_kind(number: str) -> str | None:
    """``"no_fnr"``, ``"no_dnr"`` or None for an 11-digit string.

    >>> no_identity_kind("01010012356"), no_identity_kind("01010012357")
    ('no_fnr', None)
    """
    if not re.fullmatch(r"\d{11}", number) or no_check_digits(number[:9]) != number[9:]:
        return None
    day, month, yy = int(number[:2]), int(number[2:4]), int(number[4:6])
    if _date_ok(day, month, yy):
        return "no_fnr"
    if day > 40 and _date_ok(day - 40, month, yy):
        return "no_dnr"
    return None


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by Swedish personal identity numbers."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def se_pin_ok(number: str) -> bool:
    """A Swedish personal identity or coordination number (10 or 12 digits, separators
    removed): valid date (day + 60 for a coordination number) and Luhn check digit."""
    ten = number[-10:]
    if not re.fullmatch(r"\d{10}", ten) or len(number) not in (10, 12):
        return False
    yy, month, day = int(ten[:2]), int(ten[2:4]), int(ten[4:6])
    if day > 60:
        day -= 60
    return _date_ok(day, month, yy) and luhn_ok(ten)


def dk_cpr_ok(number: str) -> bool:
    """A Danish CPR number (10 digits): ``DDMMYY`` is a real date."""
    return bool(re.fullmatch(r"\d{10}", number)) and _date_ok(
        int(number[:2]), int(number[2:4]), int(number[4:6]))


@dataclass(frozen=True)
class _Rule:
    kind: str | None  # None: decided by ``classify`` from the match
    pattern: re.Pattern
    classify: Callable[[str], str | None]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _number_kind(raw: str) -> str | None:
    digits = _digits(raw)
    if len(digits) == 11:
        return no_identity_kind(digits)
    if len(digits) == 12:
        return "se_pin" if se_pin_ok(digits) else None
    if se_pin_ok(digits):
        return "se_pin"
    return "dk_cpr" if dk_cpr_ok(digits) else None


_NOT_DIGIT_BEFORE = r"(?<![\d\w+-])"
_NOT_DIGIT_AFTER = r"(?![\d\w])"

# Each pattern's group "v" is what gets replaced (the keyword before a phone number stays).
RULES = (
    _Rule("email", re.compile(r"(?P<v>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})"),
          lambda v: "email"),
    _Rule(None, re.compile(_NOT_DIGIT_BEFORE + r"(?P<v>\d{8}[-+]?\d{4}|\d{6}[-+ ]?\d{4,5})"
                           + _NOT_DIGIT_AFTER), _number_kind),
    _Rule("phone", re.compile(r"(?P<v>(?:\+|\b00)\d{2,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4})"
                              + _NOT_DIGIT_AFTER), lambda v: "phone"),
    _Rule("phone", re.compile(_NOT_DIGIT_BEFORE + r"(?P<v>\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}"
                              r"|0\d{1,3}-\d{2,3}(?: \d{2}){2,3})" + _NOT_DIGIT_AFTER),
          lambda v: "phone"),
    _Rule("phone", re.compile(r"(?i)\b(?:tlf|tel|telefon|phone|mobil|mobile|mob)\.?:?\s*"
                              r"(?P<v>\d[\d -]{6,14}\d)" + _NOT_DIGIT_AFTER), lambda v: "phone"),
)


def _first_names() -> frozenset[str]:
    text = resources.files("digiwelfare").joinpath("data/first_names.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())


_NAME = re.compile(r"\b([A-ZÆØÅÄÖ][a-zæøåäöéü]+)((?:[ -][A-ZÆØÅÄÖ][a-zæøåäöéü]+){1,2})\b")


class Masker:
    """Replaces personal identifiers by keyed placeholders and counts what it replaced.

    >>> m = Masker(key=b"k")
    >>> masked = m.mask("Ring 22 33 44 55 eller skriv til ola@example.no.")
    >>> re.sub(r"-[0-9a-f]{8}]", "]", masked), dict(m.counts)
    ('Ring [phone] eller skriv til [email].', {'email': 1, 'phone': 1})
    """

    def __init__(self, key: bytes, names: bool = False):
        self.key = key
        self.names = names
        self.counts: Counter[str] = Counter()

    def placeholder(self, kind: str, value: str) -> str:
        norm = value.lower() if kind in ("email", "name") else _digits(value)
        digest = hmac.new(self.key, f"{kind}:{norm}".encode(), hashlib.sha256).hexdigest()
        return f"[{kind}-{digest[:8]}]"

    def mask(self, text: str) -> str:
        """``text`` with every identifier replaced; :attr:`counts` grows by kind."""
        for rule in RULES:
            text = rule.pattern.sub(lambda m, r=rule: self._replace(m, r), text)
        if self.names:
            first = _first_names()
            text = _NAME.sub(lambda m: self._name(m, first), text)
        return text

    def _replace(self, match: re.Match, rule: _Rule) -> str:
        value = match.group("v")
        kind = rule.kind or rule.classify(value)
        if kind is None:
            return match.group()
        self.counts[kind] += 1
        start, end = match.span("v")
        whole = match.group()
        offset = match.start()
        return whole[:start - offset] + self.placeholder(kind, value) + whole[end - offset:]

    def _name(self, match: re.Match, first: frozenset[str]) -> str:
        if match.group(1) not in first:
            return match.group()
        self.counts["name"] += 1
        return self.placeholder("name", match.group())
