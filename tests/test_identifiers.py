"""Identity numbers: valid ones are always masked, invalid check digits never."""

import datetime as dt
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from digiwelfare.identifiers import (
    Masker,
    dk_cpr_ok,
    luhn_ok,
    no_check_digits,
    no_identity_kind,
    se_pin_ok,
)

dates = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2024, 12, 31))
PLACEHOLDER = re.compile(r"\[(\w+)-[0-9a-f]{8}\]")


def kinds(text: str, names: bool = False) -> list[str]:
    return PLACEHOLDER.findall(Masker(b"test-key", names=names).mask(text))


@st.composite
def norwegian_numbers(draw, d_number=False):
    date = draw(dates)
    day = date.day + (40 if d_number else 0)
    first9 = f"{day:02d}{date.month:02d}{date.year % 100:02d}{draw(st.integers(0, 999)):03d}"
    checks = no_check_digits(first9)
    assume(checks is not None)
    return first9 + checks


def luhn_digit(nine: str) -> str:
    return next(str(c) for c in range(10) if luhn_ok(nine + str(c)))


@st.composite
def swedish_numbers(draw):
    date = draw(dates)
    nine = f"{date.year % 100:02d}{date.month:02d}{date.day:02d}{draw(st.integers(0, 999)):03d}"
    sep = draw(st.sampled_from(["-", "+"]))
    return f"{nine[:6]}{sep}{nine[6:]}{luhn_digit(nine)}"


def test_reference_check_digits_by_hand():
    # 010100123: k1 = 11 - 28 mod 11 = 5; k2 = 11 - 38 mod 11 = 6
    assert no_check_digits("010100123") == "56"
    assert no_identity_kind("01010012356") == "no_fnr"
    assert no_identity_kind("41010012356") is None  # the checks cover the first digit too
    assert luhn_ok("8112189876") and se_pin_ok("8112189876") and se_pin_ok("198112189876")
    assert not se_pin_ok("8112189875")
    assert dk_cpr_ok("0101901234") and not dk_cpr_ok("3102901234")


@settings(max_examples=300, deadline=None)
@given(norwegian_numbers())
def test_valid_norwegian_numbers_are_always_masked(number):
    assert kinds(f"Pasienten ({number}) ble ringt opp.") == ["no_fnr"]
    assert kinds(f"fnr {number[:6]} {number[6:]}.") == ["no_fnr"]


@settings(max_examples=300, deadline=None)
@given(norwegian_numbers(d_number=True))
def test_valid_d_numbers_are_always_masked(number):
    assert kinds(f"D-nummer: {number}") == ["no_dnr"]


@settings(max_examples=300, deadline=None)
@given(norwegian_numbers(), st.integers(1, 9), st.sampled_from([9, 10]))
def test_numbers_with_wrong_check_digits_are_left_alone(number, shift, position):
    digits = list(number)
    digits[position] = str((int(digits[position]) + shift) % 10)
    bad = "".join(digits)
    assert no_identity_kind(bad) is None
    text = f"Saksnummer {bad} er registrert."
    assert Masker(b"k").mask(text) == text


@settings(max_examples=300, deadline=None)
@given(swedish_numbers())
def test_valid_swedish_numbers_are_always_masked(number):
    assert kinds(f"Personnummer {number} saknas.") == ["se_pin"]


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(0, 9999), st.booleans())
def test_danish_cpr_numbers_with_a_real_date_are_masked(date, serial, dash):
    number = f"{date.day:02d}{date.month:02d}{date.year % 100:02d}{'-' if dash else ''}{serial:04d}"
    found = kinds(f"CPR {number}.")
    assert found in (["dk_cpr"], ["se_pin"])  # some CPR numbers also pass the Swedish checks


def test_emails_phones_and_stable_placeholders():
    masker = Masker(b"corpus-key")
    text = ("Kontakt ola.nordmann@nav.no eller tlf. 22 33 44 55, mobil 412 34 567, "
            "+47 22 33 44 55, +46 8 123 456 78 og 08-123 45 67. Svar til ola.nordmann@nav.no.")
    masked = masker.mask(text)
    assert "@" not in masked and not re.search(r"\d{2} \d{2}", masked)
    assert masker.counts == {"email": 2, "phone": 5}
    emails = re.findall(r"\[email-[0-9a-f]{8}\]", masked)
    assert emails[0] == emails[1]  # the same address gets the same placeholder
    assert Masker(b"corpus-key").mask("ola.nordmann@nav.no") == emails[0]
    assert Masker(b"other-key").mask("ola.nordmann@nav.no") != emails[0]


def test_ordinary_numbers_are_not_identifiers():
    text = ("In 2019-2022 the budget was NOK 10 000 000 for 1 245 users; project 301547, "
            "grant 9131-00427B, 46 interviews, ISBN 978-82-02-12345-6.")
    assert Masker(b"k").mask(text) == text


def test_names_only_when_asked():
    text = "Vi intervjuet Kari Nordmann og Per Hansen i Ørsta kommune."
    assert Masker(b"k").mask(text) == text
    assert kinds(text, names=True) == ["name", "name"]
    assert "Ørsta kommune" in Masker(b"k", names=True).mask(text)
