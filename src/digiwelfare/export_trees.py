"""Catalogue exports as trees, one document per record: JSON (a tool's export or a saved page
of its API, JSON-LD) and XML (document lists, feeds, search answers, MARCXML, EndNote's XML,
RDF), each record's fields read as a row of :func:`digiwelfare.export_tables.table_records`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from digiwelfare.bibliography import export_columns, header_fold, language_code
from digiwelfare.export_tables import table_records
from digiwelfare.readers import Record, Skip, bytes_decode


def _json_candidates(value, depth: int = 0, found: list | None = None) -> list[list[dict]]:
    """The lists of records a JSON value may hold, outer before inner, three levels down at
    most: a list of objects, or an object's objects keyed by their ids (the World Bank's
    "documents": {"D000": {...}}, beside an aggregate or two)."""
    found = [] if found is None else found
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        found.append(value)
        return found
    if isinstance(value, dict) and depth > 0 and len(value) >= 2:
        records = [v for v in value.values() if isinstance(v, dict) and len(v) >= 3]
        if len(records) >= max(1, len(value) // 2) and all(
                sum(not isinstance(x, dict | list) for x in r.values()) >= 3 for r in records):
            found.append(records)
    if isinstance(value, dict) and depth < 3:
        for inner in value.values():
            _json_candidates(inner, depth + 1, found)
    return found


def _json_records(value) -> list[dict] | None:
    """The records of a JSON export: the value itself when it is a list of objects, else the
    first list among its fields (:func:`_json_candidates`; a page of an API's answer:
    Gateway to Research's "project", OpenAlex's "results", a Solr answer's "docs") whose
    records name a title and an abstract (:func:`export_columns`), failing that the first
    list at all. A search answer's echo of its query ("params": {"q": ..., "format": ...})
    is no list of records."""
    found = _json_candidates(value)
    if not found:
        return None
    # a search engine's hits hold each record under "_source" (Elasticsearch: research.fi)
    found = [[r["_source"] if isinstance(r.get("_source"), dict) else r for r in records]
             for records in found]
    columns = export_columns()["columns"]
    titles, abstracts = set(columns["title"]), set(columns["abstract"])
    for records in found:
        names = {header_fold(k) for r in records[:20] for k in _json_flat(r)}
        if names & titles and names & abstracts:
            return records
    return found[0]


def _inverted_index_text(index: dict) -> str:
    """An abstract given as OpenAlex gives it, each word with the places it stands at."""
    places = sorted((at, word) for word, ats in index.items() for at in ats)
    return " ".join(word for _, word in places)


_LANGUAGE_KEYS = frozenset({"en", "nb", "nn", "no", "sv", "da", "und", "eng", "nob", "nno",
                            "swe", "dan"})


#: Objects that say when and by whom a record was handled, not what it is (folded names).
_ADMIN_KEYS = frozenset({"created", "last modified", "modified", "updated", "accessed",
                         "indexed", "deposited", "changed", "date added", "date modified",
                         "status changed", "date completed", "date revised", "date created"})


def _scalars(value) -> list[str]:
    """The texts and numbers of a value, lists of lists included ("date-parts": [[2021, 9]])."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [str(value)]
    if isinstance(value, list):
        return [s for v in value if not isinstance(v, dict) for s in _scalars(v)]
    return []


def _json_flat(record: dict, prefix: str = "", depth: int = 0,
               flat: dict[str, str] | None = None) -> dict[str, str]:
    """A JSON record's fields as text, under their own names and, for a field of an object
    within it, also under "object field" (an API nests the title and the abstract:
    "entityDescription" → "mainTitle"): a list of values joined by "; ", a text per language
    ({"en": ..., "nb": ...}) as "field en", "field nb", an inverted index as its text. Lists
    of objects (authors, contributors, funders) are left out: they name people."""
    flat = {} if flat is None else flat
    # the object's own values first, then its objects': a record's own title before its
    # journal's ({"journal": {"title": ...}, "title": ...})
    items = sorted(record.items(), key=lambda kv: isinstance(kv[1], dict | list))
    for key, value in items:
        name = f"{prefix} {key}".strip()
        if isinstance(value, dict) and header_fold(key) == "abstract inverted index":
            flat.setdefault(key, _inverted_index_text(value))
        elif isinstance(value, dict) and len(value) == 1 and isinstance(
                (only := next(iter(value.values()))), str):
            flat.setdefault(key, only)  # a text wrapped alone ({"cdata!": ...}, {"#text": ...})
        elif isinstance(value, dict) and value and set(value) <= _LANGUAGE_KEYS:
            for lang, text in value.items():
                if isinstance(text, str) and text.strip():
                    flat.setdefault(f"{key} {lang}", text)
        elif isinstance(value, dict) and depth < 4:
            if header_fold(key) in _ADMIN_KEYS or header_fold(key) in _OTHER_ENTITIES:
                # a record's own administration ("created": {"date": ...}), or another
                # entity in it (its journal, its owner): under prefixed names only, never as
                # the record's "date", "title" or "description"
                for sub, inner in value.items():
                    if values := _scalars(inner):
                        flat.setdefault(f"{key} {sub}", "; ".join(values))
            else:
                # a value's holder ("term" of Pure's {"type": {"term": {"text": [...]}}})
                # passes on the name of what it holds
                _json_flat(value, prefix if header_fold(key) in _GENERIC and prefix else key,
                           depth + 1, flat)
        elif (texts := _localised_texts(value)) is not None:
            # a text in its languages (Pure's "abstract": {"text": [{"locale": "en_GB",
            # "value": ...}]}): the texts in their order, under the name of what they are
            flat.setdefault(prefix if header_fold(key) in _GENERIC and prefix else key, texts)
            if prefix:
                flat.setdefault(name, texts)
        elif isinstance(value, list) and value and isinstance(value[0], dict) and \
                header_fold(key) in _RECORD_PARTS and depth < 4:
            # a linked-data record's parts as lists of objects (Libris' "hasTitle": [{
            # "mainTitle": ...}], "summary": [{"label": ...}], "publication": [{"year": ...}])
            # the current one of a record's statuses (Pure's "publicationStatuses"), else
            # the first
            first = next((v for v in value if isinstance(v, dict) and v.get("current") is True),
                         value[0])
            part = {k: v for k, v in first.items() if not str(k).startswith("@")}
            if header_fold(key) == "summary" and "label" in part:
                flat.setdefault("summary", "; ".join(_scalars(part["label"])))
            else:
                _json_flat(part, key, depth + 1, flat)
        elif not isinstance(value, dict) and (values := _scalars(value)):
            if not (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
                flat.setdefault(key, "; ".join(values))
                if prefix:
                    flat.setdefault(name, "; ".join(values))
    return flat


_LOCALE_KEYS = frozenset({"locale", "lang", "language", "value", "@language", "@value"})


def _localised_texts(value) -> str | None:
    """A list of one text in its languages ([{"locale": "en_GB", "value": ...}, ...]) as the
    texts joined by a blank line, in their order; None for any other value."""
    if not (isinstance(value, list) and value and all(
            isinstance(v, dict) and v and set(v) <= _LOCALE_KEYS and
            isinstance(v.get("value", v.get("@value")), str) for v in value)):
        return None
    return "\n\n".join(v.get("value", v.get("@value")).strip() for v in value)


#: Lists of objects that hold a record's own parts, not people (folded names).
_RECORD_PARTS = frozenset({"has title", "summary", "publication", "titles", "abstracts",
                           "publication statuses"})


def json_export_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A catalogue's JSON export, or a page of its API saved as a file: its records
    (:func:`_json_records`), each read as a row of a table (:func:`table_records`)."""
    try:
        value = json.loads(bytes_decode(data))
    except ValueError as err:
        raise Skip(f"not readable JSON ({str(err)[:80]}); save the export again") from None
    return _tree_records(value, source, "JSON")


def _tree_records(value, source: str, what: str) -> list[Record | Skip]:
    """The records of a parsed JSON or YAML export, each read as a row of a table."""
    found = _json_records(value)
    if found is None:
        raise Skip(f"{what} without a list of records (objects with a title and an abstract)")
    flats = [_json_flat(r) for r in found]
    header = list(dict.fromkeys(k for f in flats for k in f))
    return table_records(source, [header] + [[f.get(k, "") for k in header] for f in flats],
                         what)


def yaml_export_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A bibliography written as YAML (CSL YAML: a list of items, or one under
    ``references``, with ``title``, ``abstract``, ``issued`` and ``type``), read as its JSON
    twin is (:func:`json_export_read`). Parsed with PyYAML's safe loader: no tag of the file
    can build an object."""
    import yaml

    try:
        value = yaml.safe_load(bytes_decode(data))
    except yaml.YAMLError as err:
        raise Skip(f"not readable YAML ({str(err)[:80]}); save the export again") from None
    # YAML reads an unquoted date as a date: the text it was, so years are read from it
    return _tree_records(json.loads(json.dumps(value, default=str)), source, "YAML")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _marc_records(root) -> list[dict[str, str]]:
    """MARC 21 records (MARCXML, a library catalogue's export) as fields: the title (245 $a
    and $b, the catalogue's closing " /" and " :" dropped), the summary (520 $a), the year
    (264 or 260 $c, else the fixed field 008) and the language (008)."""
    out = []
    for rec in (e for e in root.iter() if _local(e.tag) == "record"):
        fields: dict[str, list[str]] = {}
        control = {}
        for field in rec:
            tag = field.get("tag", "")
            if _local(field.tag) == "controlfield":
                control[tag] = field.text or ""
            for sub in field:
                fields.setdefault(f"{tag}{sub.get('code', '')}", []).append(
                    (sub.text or "").strip())

        title = re.sub(r"\s*[/:;,.]\s*$", "", _subfield(fields, "245a"))
        rest = re.sub(r"\s*[/:;,.]\s*$", "", _subfield(fields, "245b"))
        fixed = control.get("008", "")
        out.append({"title": f"{title}: {rest}" if rest else title,
                    "abstract": "\n\n".join(v for v in fields.get("520a", []) if v),
                    "year": _subfield(fields, "264c", "260c") or fixed[7:11],
                    "language": _marc_language(fixed) or _subfield(fields, "041a")})
    return out


def _marc_language(fixed: str) -> str:
    """The language code of a MARC record's fixed field 008 (its places 35-37), or of the
    last three-letter code the field ends with when a catalogue shifted it."""
    if language_code(fixed[35:38]):
        return fixed[35:38]
    found = re.findall(r"(?<![a-z])([a-z]{3})(?![a-z])", fixed[28:])
    return next((code for code in reversed(found) if language_code(code)), "")


def _subfield(fields: dict[str, list[str]], *keys: str) -> str:
    """The first value of the first of a MARC record's subfields ("245a") that has one."""
    return next((v[0] for k in keys if (v := fields.get(k)) and v[0]), "")


#: Elements that only format the text of the element around them.
_WRAPPERS = frozenset({"style", "span", "b", "i", "em", "strong", "sup", "sub"})


#: Elements inside a field that only shape its text (a paragraph, a line break): the field
#: is the element around them, read whole.
_INLINE = _WRAPPERS | {"p", "br", "sc", "u", "title-group"}
#: Elements that name someone or something else than the record (its authors, its journal,
#: its source), whose fields are never the record's own (folded names).
_OTHER_ENTITIES = frozenset({"author", "authors", "author list", "creator", "creators",
                             "contributor", "contributors", "editor", "editors", "name",
                             "person", "journal", "source", "publisher", "series", "host",
                             "container", "owner", "organisation", "organization",
                             "institution", "funder", "affiliation"})


#: Elements that only hold a value for the element around them (Pure's <title><text
#: locale="en_GB">, <type><term><text>): a field takes the name of the nearest element
#: around it that is none of these (folded names).
_GENERIC = frozenset({"text", "value", "term", "string", "content"})


def _field_like(element) -> bool:
    """Whether an element is one field: no elements under it, or only inline ones (an
    abstract with <i> or <p> in it)."""
    return all(_local(c.tag) in _INLINE for c in element.iter() if c is not element)


def _field_text(element) -> str:
    """A field element's whole text (inline elements' words and the text between them), its
    paragraphs parted by a blank line."""
    if len(element) == 0:
        return (element.text or "").strip()
    parts = [element.text or ""]
    for child in element:
        text = "".join(child.itertext())
        parts.append(f"\n\n{text}\n\n" if _local(child.tag) in ("p", "br") else text)
        parts.append(child.tail or "")
    return re.sub(r"[ \t]*\n\s*\n\s*", "\n\n", "".join(parts)).strip()


def _record_fields(element) -> dict[str, str]:
    """A record element's fields (:func:`_xml_records`): its own first, shallower before
    deeper, values of one list joined by "; "; the fields of another entity in it (an
    author, its journal, a feed entry's source) and of its administration ("created",
    "DateRevised") left out."""
    fields: dict[str, str] = {}
    owners: dict[str, int] = {}
    # each element with its parent, the entity it belongs to, and the nearest element
    # around it that is no mere holder of a value (:data:`_GENERIC`)
    level = [(element, c, "", "") for c in element]
    while level:
        deeper = []
        for parent, child, entity, outer in level:
            local = _local(child.tag)
            folded = header_fold(local)
            if folded in _ADMIN_KEYS:
                continue
            if folded in _OTHER_ENTITIES and len(child):
                # another entity's fields under its name ("journal title"); only its date
                # is the record's too (PubMed's issue date)
                deeper += [(child, c, entity or folded, local) for c in child]
                continue
            if local == "ref-type":
                name, text = local, (child.get("name") or child.text or "").strip()
            elif _field_like(child):
                # a list's items take the list's name (<arr name="dcdescription"><str>), a
                # formatting wrapper its element's (EndNote's <title><style>), a value's
                # holder the name of what it holds the value of (Pure's <abstract><text>)
                name = (_local(parent.tag) if local in _WRAPPERS and parent is not element
                        else child.get("name") or (parent.get("name")
                        if parent is not element else None) or
                        (outer if folded in _GENERIC and outer else local))
                text = _field_text(child)
            else:
                deeper += [(child, c, entity, outer if folded in _GENERIC else local)
                           for c in child]
                continue
            if not text:
                continue
            if entity and header_fold(name) not in ("year", "date", "pub date", "medline date"):
                name = f"{entity} {name}"
            if name not in fields:
                fields[name], owners[name] = text, id(parent)
            elif owners[name] == id(parent):
                # items of one list: keywords joined by "; ", an abstract's sections (a
                # finished sentence before) as paragraphs
                glue = "\n\n" if re.search(r"[.!?]$", fields[name]) else "; "
                fields[name] = f"{fields[name]}{glue}{text}"
        level = deeper
    return fields


def _held_names(element, outer: str = "") -> set[str]:
    """The folded names of the values held for an element's parts (:data:`_GENERIC`): Pure's
    <title><text> is a "title"."""
    out = set()
    for child in element:
        local = _local(child.tag)
        if _field_like(child):
            if header_fold(local) in _GENERIC and outer:
                out.add(header_fold(outer))
        else:
            out |= _held_names(child, outer if header_fold(local) in _GENERIC else local)
    return out


def _xml_records(root) -> list[dict[str, str]]:
    """The records of an XML export or API answer: the elements of the name that stands most
    often among those that hold both a title and an abstract field (a list's "dokument", a
    feed's "entry", PubMed's "PubmedArticle"; an author, with its three name fields, holds
    neither), the innermost of equals; failing any, among those holding three fields. Each
    record's fields as :func:`_record_fields` reads them. A document with no list (one
    report) is its own record."""
    columns = export_columns()["columns"]
    titles, abstracts = set(columns["title"]), set(columns["abstract"])

    def names(element) -> set[str]:
        held = {header_fold(e.get("name") or _local(e.tag)) for e in element.iter()
                if e is not element and _field_like(e)}
        return held | _held_names(element)

    depth = {root: 0}
    for element in root.iter():
        for child in element:
            depth[child] = depth[element] + 1
    full: dict[str, list] = {}
    some: dict[str, list] = {}
    for element in root.iter():
        if element is root or _field_like(element):
            continue
        held = names(element)
        tag = _local(element.tag)
        if held & titles and held & abstracts:
            full.setdefault(tag, []).append(element)
        elif len(held) >= 3:
            some.setdefault(tag, []).append(element)
    found = full or some
    if not found:
        return [_record_fields(root)] if names(root) & titles else []
    # of equals the innermost: a feed's channel or a PubMed citation holds one record's
    # fields as its record does
    record_tag = max(found, key=lambda k: (len(found[k]), min(depth[e] for e in found[k])))
    # every element of that name is a record, one with a title alone too (to be reported)
    return [_record_fields(e) for e in root.iter()
            if e is not root and _local(e.tag) == record_tag and not _field_like(e)]


def _rdf_records(root) -> list[dict[str, str]]:
    """An RDF/XML export's records (Zotero's "Exported Items.rdf"): the top's elements of any
    kind (an article, a book, a report), each with its own fields before those of what it is
    part of; where the items name their type, the journals, attachments and notes beside them
    are left out, elsewhere the elements without a title."""
    out = []
    for element in root:
        fields: dict[str, str] = {}
        # the record's own fields first, then those of what it is part of (a chapter's book)
        for child in [*element, *(c for c in element.iter() if c is not element)]:
            if len(child) == 0 and (child.text or "").strip():
                fields.setdefault(_local(child.tag), child.text.strip())
        out.append(fields)
    out = [f for f, e in zip(out, root, strict=True)
           if _local(e.tag) not in ("channel", "image", "textinput")]  # RSS 1.0's own parts
    typed = [f for f in out if "itemType" in f]
    # Zotero names each item's type; a journal, an attachment or a note is no record
    return [f for f in typed if f["itemType"] not in ("attachment", "note")] if typed else \
        [f for f in out if "title" in f]


def xml_export_read(path: Path, data: bytes, source: str) -> list[Record | Skip]:
    """A catalogue's XML export or a saved page of its API (parsed with defusedxml, which
    refuses entity bombs): MARCXML (:func:`_marc_records`), or any list of records
    (:func:`_xml_records`), each read as a row of a table (:func:`table_records`)."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException) as err:
        raise Skip(f"not readable XML ({str(err)[:80]}); save the export again") from None
    marc = any(_local(e.tag) == "datafield" for e in root.iter())
    found = _marc_records(root) if marc else _rdf_records(root) if _local(root.tag) == "RDF" \
        else _xml_records(root)
    if not found:
        raise Skip("XML without a list of records (elements with a title and an abstract)")
    header = list(dict.fromkeys(k for f in found for k in f))
    return table_records(source, [header] + [[f.get(k, "") for k in header] for f in found],
                         "XML")
