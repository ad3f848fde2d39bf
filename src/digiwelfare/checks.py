"""Checks of notebook and command parameters: a parameter that cannot work is refused with
one sentence naming it, its value and what is expected (:class:`ParameterError`)."""

from __future__ import annotations

from collections.abc import Iterable


class ParameterError(ValueError):
    """A notebook or command parameter that cannot work, said in one sentence."""

    def __init__(self, name: str, value: object, expected: str):
        self.name, self.value, self.expected = name, value, expected
        super().__init__(f"Parameter '{name}' = {value!r} cannot be used: {expected}.")


def choice_check(name: str, value: object, allowed: Iterable[object]) -> object:
    """Return ``value`` if it is one of ``allowed``, else raise :class:`ParameterError`."""
    allowed = list(allowed)
    if value not in allowed:
        raise ParameterError(name, value, "expected one of " + ", ".join(map(repr, allowed)))
    return value


def int_check(name: str, value: object, low: int, high: int) -> int:
    """Return ``value`` if it is a whole number in ``[low, high]``, else raise."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ParameterError(name, value, f"expected a whole number from {low} to {high}")
    return value
