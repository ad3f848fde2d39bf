"""Notebook parameters checked before a notebook runs.

A notebook's ``parameters`` cell says which parameters exist and, through its defaults, of
which type each is (``passes = 20``: a whole number). :data:`RULES` adds what a default
cannot say: ranges, allowed values, what a list holds, and whether ``None`` is allowed. A
parameter file is read with the line of each key, so every problem is reported as
``file, line N: parameter ...: what it is, what was expected, what to do``, all at once and
before papermill starts.

The rules are data, one entry per notebook (its file name without ``.ipynb``), plus
``"*"`` for parameters many notebooks share. A rule is a mapping of these keys, all optional:

``type``
    ``"int"``, ``"number"`` (an int is accepted too), ``"bool"``, ``"str"``, ``"list"`` or
    ``"dict"``, or a list of them (``["str", "list"]``: a value or a list of values).
    Without it, the type of the notebook's default is used; a ``None`` default accepts any.
``null``
    ``True``: ``null`` (Python ``None``) is accepted.
``min``, ``max``
    bounds of a number.
``choices``
    the allowed values, or the dotted name of a constant that holds them
    (``"digiwelfare.runs.LANGUAGES"``), so the rule follows the code.
``items``
    the rule every element of a list (or a lone value given for a list) must pass.
``keys``, ``values``
    the rules of a mapping's keys and values.
``words``
    the texts allowed where a number is also allowed (``sweeps``: a number or ``"auto"``).
``empty``
    ``True``: an empty text or list is accepted (an empty mapping always is).
``file``
    ``True``: a path, relative to the project root, of a file that exists.

A parameter in the notebook but not in the rules is still checked against the type of its
default, so a parameter another engineer adds is covered at once; ``tests/test_params.py``
fails for a rule whose parameter no longer exists in its notebook.

>>> value_problem([4, 1], {"type": "list", "items": {"type": "int", "min": 2}})
'element 2 (1) is out of range'
"""

from __future__ import annotations

import ast
import difflib
import importlib
import math
from pathlib import Path

import yaml

from digiwelfare.config import ROOT

_POSITIVE = {"type": "int", "min": 1}
_SEED = {"type": "int", "min": 0, "max": 2**32 - 1}  # numpy's and gensim's range
_TEXT = {"type": "str"}

#: What a notebook's defaults cannot say about its parameters (see the module docstring).
RULES: dict[str, dict[str, dict]] = {
    "*": {
        "corpus": {"type": "str"},
        "out": {"type": "str", "null": True},  # null: a scratch folder (config.paths_resolve)
        "language": {"type": "str", "choices": "digiwelfare.runs.LANGUAGES"},
        "seed": _SEED,
        "passes": {"type": "int", "min": 1, "max": 1000},
        "iterations": {"type": "int", "min": 1, "max": 100_000},
        "restarts": {"type": "int", "min": 1, "max": 20},
        "top_n": {"type": "int", "min": 3, "max": 50},
        "engine": {"type": "str", "choices": "digiwelfare.topics.ENGINES"},  # notebooks 03, 04
        "sweeps": {"type": ["int", "str"], "min": 1, "max": 100_000, "words": ["auto"]},
        "dictionary_file": {"type": "str", "file": True},
    },
    "02_prepare_tokens": {
        "min_len": {"min": 1, "max": 20},
        "no_below": {"min": 1, "max": 1000},
        "no_above": {"type": "number", "min": 0.0, "max": 1.0},
    },
    "03_select_model": {
        "ks": {"items": {"type": "int", "min": 2}},  # notebook 03 drops K the corpus cannot support
        "seeds": {"items": _SEED},
        "workers": {"min": 1, "max": 64},
        "num_topics": {"type": "int", "null": True, "min": 2},
        "sample_docs": {"type": "int", "null": True, "min": 1000},
    },
    "04_fit_topics": {
        "num_topics": {"type": "int", "null": True, "min": 2},
        "lam": {"type": "number", "min": 0.0, "max": 1.0},
        "topic_labels": {"keys": {"type": "int", "min": 1}, "values": _TEXT},
    },
    "05_estimate_effects": {
        "covariates": {"items": _TEXT, "empty": True},
        "year": {"type": "str", "null": True},
        "n_sims": {"min": 10, "max": 100_000},
        "theta_draws": {"type": "int", "null": True, "min": 1, "max": 100_000},
        "topic_labels": {"keys": {"type": "int", "min": 1}, "values": _TEXT},
    },
    "06_guide_topics": {
        "seed_categories": {"items": {"type": "str"}},
        "n_free": {"min": 0, "max": 50},
        "min_seeds": _POSITIVE,
    },
    "07_validate_topics": {
        "n_docs": {"min": 2, "max": 100_000},
        "n_topics": {"min": 2, "max": 50},
        "n_words": {"min": 2, "max": 10_000},
        "doc_length": {"min": 2, "max": 10_000},
        "alpha": {"type": "number", "min": 1e-6},
        "beta": {"type": "number", "min": 1e-6},
    },
    "08_compare_keyness": {
        "group_column": _TEXT,
        "group_a": {"type": ["str", "int", "list"], "items": {"type": ["str", "int"]}},
        "group_b": {"type": ["str", "int", "list"], "null": True,
                    "items": {"type": ["str", "int"]}},
        "min_freq": {"min": 1, "max": 10_000},
        "n_key": {"min": 1, "max": 200},
        "nodes": {"items": {"type": "str"}},
        "span_left": {"min": 0, "max": 20},
        "span_right": {"min": 0, "max": 20},
        "min_collocation": _POSITIVE,
    },
    "09_read_concordances": {
        "query": {"type": "str"},
        "match": {"choices": ["word", "lemma", "regex"]},
        "window": {"min": 1, "max": 50},
        "sort": {"type": "str", "null": True,
                 "choices": ["left1", "left2", "left3", "right1", "right2", "right3"]},
        "compare_by": {"items": _TEXT, "empty": True},
        "lines_per_category": {"min": 0, "max": 1000},
        "period_from": {"min": 1900, "max": 2100},
    },
    "11_validate_coding": {
        "languages": {"items": {"type": "str", "choices": "digiwelfare.runs.LANGUAGES"}},
        "answers": _TEXT,
        "keys": _TEXT,
        "words_per_task": {"min": 2, "max": 12},
        "word_tasks_per_topic": {"min": 0, "max": 100},
        "wordset_tasks_per_topic": {"min": 0, "max": 100},
        "topic_docs": {"min": 0, "max": 10_000},
        "sentences_per_stratum": {"min": 0, "max": 1000},
        "sim_accuracy": {"items": {"type": "number", "min": 0.0, "max": 1.0}},
        "sim_precision": {"type": "number", "min": 0.0, "max": 1.0},
        "sim_miss_rate": {"type": "number", "min": 0.0, "max": 1.0},
        "sim_noise": {"items": {"type": "number", "min": 0.0, "max": 1.0}},
        "n_boot": {"min": 10, "max": 100_000},
    },
    "10_map_actors": {
        "actors_file": {"type": "str", "file": True},
        "concepts_file": {"type": "str", "file": True},
        "dispersion_terms": {"items": {"type": "str"}},
        "period_from": {"min": 1900, "max": 2100},
    },
}

_TYPES = {"int": "a whole number", "number": "a number", "bool": "true or false",
          "str": "a text", "list": "a list", "dict": "a mapping"}


class ParamsError(ValueError):
    """A parameter file or value that a notebook cannot use; the message says where, what
    was expected and what to do, one line per problem."""


def notebook_parameters(notebook: str | Path) -> dict[str, object]:
    """The parameters of ``notebook``'s ``parameters`` cell with their default values."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    defaults = {}
    for name, info in declared.items():
        try:
            defaults[name] = ast.literal_eval(info["default"])
        except (ValueError, SyntaxError):  # not a literal: no type to derive
            defaults[name] = None
    return defaults


def rules_for(notebook: str | Path, defaults: dict[str, object]) -> dict[str, dict]:
    """The full rule of every parameter of ``notebook``: the type of its default, then the
    shared rule, then the notebook's own rule on top."""
    own = RULES.get(Path(notebook).stem, {})
    rules = {}
    for name, default in defaults.items():
        rule = _rule_from_default(default) | RULES["*"].get(name, {}) | own.get(name, {})
        if default is None and "type" in rule:
            rule.setdefault("null", True)  # the notebook itself gives None
        rules[name] = rule
    return rules


def _rule_from_default(default: object) -> dict:
    kind = _kind(default)
    if kind is None:
        return {}
    rule: dict = {"type": kind}
    if kind == "list" and default:
        kinds = {_kind(x) for x in default}
        if len(kinds) == 1 and None not in kinds:
            rule["items"] = {"type": kinds.pop()}
    return rule


def _kind(value: object) -> str | None:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    return {str: "str", list: "list", dict: "dict"}.get(type(value))


def _describe(rule: dict) -> str:
    """What a rule accepts, in words."""
    if "choices" in rule:
        text = "one of " + ", ".join(map(_show, _choices(rule)))
    else:
        parts = []
        for t in _types(rule):
            part = _TYPES[t]
            if t == "str" and not rule.get("empty"):
                part = "a non-empty text"
            if t == "list":
                part = "a list" if rule.get("empty") else "a non-empty list"
                if "items" in rule:
                    part += " of " + _plural(_describe(rule["items"]))
            if t in ("int", "number"):
                part += _range(rule)
            if t == "dict" and ("keys" in rule or "values" in rule):
                part += (" from " + _plural(_describe(rule.get("keys", {}))) + " to "
                         + _plural(_describe(rule.get("values", {}))))
            if t == "str" and rule.get("file"):
                part += " naming an existing file (relative to the project root)"
            parts.append(part)
        text = " or ".join(parts) or "any value"
    return text + (" or null" if rule.get("null") else "")


def _range(rule: dict) -> str:
    low, high = rule.get("min"), rule.get("max")
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of at least {low}"
    return f" of at most {high}" if high is not None else ""


def _plural(text: str) -> str:
    for single, plural in (("a whole number", "whole numbers"), ("a number", "numbers"),
                           ("a non-empty text", "non-empty texts"), ("a text", "texts")):
        text = text.replace(single, plural)
    return text


def _choices(rule: dict) -> list:
    choices = rule["choices"]
    if isinstance(choices, str):  # "module.CONSTANT": the values the code itself accepts
        module, _, name = choices.rpartition(".")
        return list(getattr(importlib.import_module(module), name))
    return list(choices)


def _show(value: object) -> str:
    """A value as it is written in a parameter file."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                          width=10_000).strip().removesuffix("\n...").removesuffix("...")


def value_problem(value: object, rule: dict) -> str | None:
    """Why ``value`` breaks ``rule``, or None when it passes."""
    types = _types(rule)
    if value is None:
        accepted = (rule.get("null") or not (types or "choices" in rule)
                    or ("choices" in rule and None in _choices(rule)))
        return None if accepted else "null, which is not allowed here"
    kind = _kind(value)
    accepted = kind in types or (kind == "int" and "number" in types)
    if types and not accepted:
        return _kind_words(value)
    if "choices" in rule and value not in _choices(rule):
        return "not an allowed value"
    if kind == "str" and "words" in rule and value not in rule["words"]:
        return f"not one of the allowed words ({', '.join(map(repr, rule['words']))})"
    if kind in ("int", "number"):
        low, high = rule.get("min"), rule.get("max")
        if math.isnan(value) or (low is not None and value < low) or \
                (high is not None and value > high):
            return "out of range"
    if kind == "str" and "str" in types:  # a rule-less parameter takes any text
        if not value.strip() and not rule.get("empty"):
            return "an empty text"
        if rule.get("file") and not (ROOT / value).is_file():
            return f"no such file in {ROOT}"
    if kind == "list":
        if not value and "list" in types and not rule.get("empty"):
            return "an empty list"
        for i, item in enumerate(value):
            why = value_problem(item, rule.get("items", {}))
            if why:
                return f"element {i + 1} ({_show(item)}) is {why}"
    if kind == "dict":
        for key, item in value.items():
            why = value_problem(key, rule.get("keys", {}))
            if why:
                return f"the key {_show(key)} is {why}"
            why = value_problem(item, rule.get("values", {}))
            if why:
                return f"the value of {_show(key)} ({_show(item)}) is {why}"
    return None


def _types(rule: dict) -> list[str]:
    types = rule.get("type") or []
    return [types] if isinstance(types, str) else list(types)


def _kind_words(value: object) -> str:
    kind = _kind(value)
    return {"int": "a whole number", "number": "a decimal number", "bool": "true/false",
            "str": "a text", "list": "a list", "dict": "a mapping"}.get(
                kind, f"a {type(value).__name__}")  # YAML also reads dates


def _advice(name: str, value: object, rule: dict, default: object) -> str:
    """What to write instead: the value unquoted, a lone value as a list, or the default."""
    if isinstance(value, str) and value.strip():
        try:
            unquoted = yaml.safe_load(value)
        except yaml.YAMLError:
            unquoted = value
        if not isinstance(unquoted, str) and value_problem(unquoted, rule) is None:
            return f"write it without quotes: `{name}: {_show(unquoted)}`"
    if "list" in _types(rule) and not isinstance(value, list) \
            and value_problem([value], rule) is None:
        return f"write it as a list: `{name}: [{_show(value)}]`"
    if value_problem(default, rule) is None:
        return f"for example the notebook's default: `{name}: {_show(default)}`"
    return "see the notebook's parameters cell for what it means"


def params_check(notebook: str | Path, params: dict, source: str,
                 lines: dict[str, int | str] | None = None) -> dict:
    """Return ``params`` if ``notebook`` can use them all, else raise :class:`ParamsError`.

    ``source`` names where the parameters came from (the parameter file); ``lines`` gives
    the line of each key in it, or where else it came from (``"the command line (-p)"``).
    The message lists every problem, in the order of the file: an unknown name (with the
    nearest known one), a value of the wrong type, out of range, not allowed, or empty.
    """
    defaults = notebook_parameters(notebook)
    rules = rules_for(notebook, defaults)
    lines = lines or {}
    problems = []
    for name, value in params.items():
        where = lines.get(name, 0)
        at = f"{source}, line {where}" if isinstance(where, int) and where else \
            (where or source)
        if name not in rules:
            near = difflib.get_close_matches(str(name), list(rules), n=1, cutoff=0.6)
            hint = (f"did you mean `{near[0]}`?" if near else
                    "its parameters are " + ", ".join(rules) + ".")
            problem = (f"`{name}` is not a parameter of {Path(notebook).name}; {hint} "
                       "Rename or remove it.")
        else:
            why = value_problem(value, rules[name])
            if not why:
                continue
            problem = (f"`{name}: {_show(value)}` is {why}; expected "
                       f"{_describe(rules[name])}; "
                       f"{_advice(name, value, rules[name], defaults[name])}.")
        problems.append((isinstance(where, int), where if isinstance(where, int) else 0,
                         f"  {at}: {problem}"))
    if problems:
        n = len(problems)
        raise ParamsError(
            f"{Path(notebook).name} was not run: {n} parameter{'s' * (n > 1)} cannot be used.\n"
            + "\n".join(text for *_, text in sorted(problems, key=lambda p: p[:2]))
            + "\nFix " + ("them" if n > 1 else "it") + " and run the step again.")
    return params


def params_file_read(path: str | Path) -> tuple[dict, dict[str, int]]:
    """Read a parameter file: the parameters and the line of each key.

    Raises :class:`ParamsError` naming the file and line for a YAML syntax error, a file
    that is not a mapping of names to values, a key given twice, or a missing file.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ParamsError(f"{path}: no such parameter file; create it (copy one from "
                          "params/) or give the right path") from None
    except UnicodeDecodeError as err:
        raise ParamsError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start}); "
                          "save the file as UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        params = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ParamsError(_syntax_message(path, text, err)) from None
    if params is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        raise ParamsError(f"{path}: expected a mapping of parameter names to values, one "
                          "`name: value` a line, not a " + _kind_words(params))
    lines: dict[str, int] = {}
    for key, _ in node.value:
        line = key.start_mark.line + 1
        name = yaml.safe_load(key.value) if key.tag != "tag:yaml.org,2002:str" else key.value
        if name in lines:
            raise ParamsError(f"{path}, lines {lines[name]} and {line}: `{name}` is given "
                              "twice; keep one of them")
        lines[name] = line
    return params, lines


def _syntax_message(path: Path, text: str, err: yaml.YAMLError) -> str:
    mark = getattr(err, "problem_mark", None)
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    if mark is None:
        return f"{path}: not valid YAML ({problem}); fix the file"
    line_text = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    return (f"{path}, line {mark.line + 1}, column {mark.column + 1}: not valid YAML: "
            f"{problem}" + (f" ({context})" if context else "") + "\n"
            f"  {mark.line + 1:>4} | {line_text}\n"
            f"       | {' ' * mark.column}^\n"
            "Each line is `name: value`; look for a missing colon or space after it, an "
            "unclosed [ or quote, a tab, or a line indented by mistake, on this line or the "
            "one before.")
