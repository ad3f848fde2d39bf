"""Check digits and dates of Nordic identity numbers: whether a string of digits is a
Norwegian national identity number or D-number (two modulus-11 check digits with the weights
the Norwegian Tax Administration publishes, and a real date), a Swedish personal identity or
coordination number (a real date and a Luhn check digit) or a Danish CPR number (a real date;
no reliable check digit since 2007). Split from :mod:`digiwelfare.identifiers` (finding and
masking), which still offers these names.
"""

from __future__ import annotations

import datetime as dt
import re

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


def _date_ok(day: int, month: int, yy: int, centuries=(1900, 2000)) -> bool:
    for century in centuries:
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
    if not re.fullmatch(r"[0-9]{11}", number) or no_check_digits(number[:9]) != number[9:]:
        return None
    day, month, yy = int(number[:2]), int(number[2:4]), int(number[4:6])
    if _date_ok(day, month, yy):
        return "no_fnr"
    if day > 40 and _date_ok(day - 40, month, yy):
        return "no_dnr"
    return None


def luhn_verify(digits: str) -> bool:
    """The Luhn (mod 10) check used by Swedish personal identity numbers."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def se_pin_verify(number: str) -> bool:
    """A Swedish personal identity or coordination number (10 or 12 digits, separators
    removed): valid date (day + 60 for a coordination number; a 12-digit number's century
    must make the date real too) and Luhn check digit over the last ten digits."""
    if not re.fullmatch(r"[0-9]{10}|[0-9]{12}", number):
        return False
    ten = number[-10:]
    yy, month, day = int(ten[:2]), int(ten[2:4]), int(ten[4:6])
    if day > 60:
        day -= 60
    if len(number) == 12 and number[:2] not in ("18", "19", "20"):
        return False
    centuries = (int(number[:2]) * 100,) if len(number) == 12 else (1900, 2000)
    return _date_ok(day, month, yy, centuries) and luhn_verify(ten)


def dk_cpr_verify(number: str) -> bool:
    """A Danish CPR number (10 digits): ``DDMMYY`` is a real date."""
    return bool(re.fullmatch(r"[0-9]{10}", number)) and _date_ok(
        int(number[:2]), int(number[2:4]), int(number[4:6]))
