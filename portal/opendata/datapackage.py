"""The full dataset as a Frictionless Data Package
(https://datapackage.org/): its `datapackage.json`, with a Table Schema per CSV
file, and the tables of lists that hold the records' multi-valued cells one item
a row.

Everything is read from the API's serializers, as the files are: a file's
columns are `downloads.columns()`, each column's type comes from its field
(dates, numbers, booleans, enumerations with their codes and labels in the
file's language), and a link's column names its record by slug, a foreign key
into that record's file.

A record's lists (an event's participants, a project's partners, every
record's citations…) are flattened into one cell of its file for reading, the
items joined with "; " (a participant's role may itself hold "; "). For
programs each list is also a table of its own, `<file>_<list>.csv`: the
record's key, the item's `position` in the list (from 1), then the item's
columns; a list inside an item (a participant's citations) is a table of its
own again, whose rows name the item by its record and position.
"""

import csv
import datetime
import io
import typing

from django.conf import settings
from django.db import models
from django.utils import timezone
from rest_framework import serializers

from events.models import Agreement, Event
from portal.core.models import (
    Indicator,
    Observation,
    Organization,
    Person,
    Place,
    Source,
)
from portal.core.resources import escape_formula
from portal.opendata import downloads
from projects.models import Measure, Project

# The file that holds each kind of record, and the column its lists' rows
# name it by.
FILES = {
    Event: "events",
    Agreement: "agreements",
    Project: "projects",
    Person: "people",
    Organization: "organisations",
    Place: "places",
    Source: "sources",
    Indicator: "indicators",
    Observation: "observations",
    Measure: "measures",
}
SINGULAR = {
    "events": "event",
    "agreements": "agreement",
    "projects": "project",
    "people": "person",
    "organisations": "organisation",
    "places": "place",
    "sources": "source",
    "indicators": "indicator",
    "observations": "observation",
    "measures": "measure",
}
# Records named by number rather than slug (they have none).
BY_ID = {"observations", "measures"}
# Lists that are files of their own already, one row per item with its own id.
OWN_FILES = {("projects", "measures"), ("indicators", "observations")}
# Lists of plain values that are ids of other records.
VALUE_LINKS = {
    "indicators_series_observations": "observations",
    "indicators_disagreements_observations": "observations",
}
# The column of other lists of plain values.
VALUE_COLUMNS = {"projects_measures_disagree": "kind"}
# Columns holding web addresses.
ADDRESSES = {"url", "html_url", "address", "source_address", "website"}

NAME = "china-azerbaijan-relations-portal"
TITLE = "China–Azerbaijan Relations Portal — full dataset"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
DIALECT = {
    "delimiter": ",",
    "quoteChar": '"',
    "doubleQuote": True,
    "lineTerminator": "\r\n",
    "header": True,
}


class Table:
    """One CSV file of the package: its name, its key columns (those naming
    the record or item a row belongs to) and its serializer's fields."""

    def __init__(self, name, serializer=None, parent=None, field_name=None):
        self.name = name
        self.serializer = serializer
        self.parent = parent
        self.field_name = field_name
        self.children = []
        if parent is None:
            self.keys = []
        else:
            self.keys = [*parent.row_key_columns(), "position"]
        if serializer is not None:
            for name, field in serializer.fields.items():
                if _is_list(serializer, name, field) and (
                    parent is not None or (self.name, name) not in OWN_FILES
                ):
                    child = field.child if _nested_list(field) else None
                    self.children.append(
                        Table(f"{self.name}_{name}", child, self, name)
                    )

    # Columns

    def row_key_columns(self):
        """The columns that name one row of this table in its lists' tables."""
        if self.parent is None:
            return [SINGULAR[self.name]]
        return [
            *self.parent.row_key_columns(),
            f"{self.field_name}_position",
        ]

    def item_columns(self):
        """The columns after the keys."""
        if self.parent is None:
            return downloads.columns(type(self.serializer))
        if self.serializer is None:
            return [self._value_column()]
        if _is_link(self.serializer):
            column = self._link_item_column()
            return [column, f"{column}_name"]
        return [
            column
            for column in downloads.columns(type(self.serializer))
            if column not in self._list_columns()
        ]

    def columns(self):
        return [*self.keys, *self.item_columns()]

    def _list_columns(self):
        return {child.field_name for child in self.children} | {
            f"{child.field_name}_names" for child in self.children
        }

    def _link_item_column(self):
        """The column naming the linked record: its kind ("organisation"), or
        where that names the row's own record, the list's item ("component")."""
        column = _link_column(self.serializer.Meta.model)
        if column in self.keys:
            column = self.field_name.removesuffix("s")
        return column

    def _value_column(self):
        target = VALUE_LINKS.get(self.name)
        if target:
            return SINGULAR[target]
        return VALUE_COLUMNS.get(self.name, "value")

    # Rows

    def rows(self, record):
        """{table name: [rows]} for one record of this (top) table and its
        items, each row a dict of column: text."""
        found = {}
        self._item_rows(record, {SINGULAR[self.name]: self._key_of(record)}, found)
        return found

    def _key_of(self, record):
        return str(record["id"] if self.name in BY_ID else record["slug"])

    def _item_rows(self, item, keys, found):
        for child in self.children:
            rows = found.setdefault(child.name, [])
            for position, value in enumerate(item[child.field_name] or [], 1):
                row = {**keys, "position": str(position)}
                row.update(child._item(value))
                rows.append(row)
                if child.children:
                    inner = {
                        **keys,
                        f"{child.field_name}_position": str(position),
                    }
                    child._item_rows(value, inner, found)

    def _item(self, value):
        if self.serializer is None:
            return {self._value_column(): str(value)}
        if _is_link(self.serializer):
            column = self._link_item_column()
            return {column: value["slug"], f"{column}_name": downloads._name(value)}
        lists = {child.field_name for child in self.children}
        row = downloads.flatten(
            {key: item for key, item in value.items() if key not in lists}
        )
        return {column: row.get(column, "") for column in self.item_columns()}

    def all(self):
        yield self
        for child in self.children:
            yield from child.all()

    # Schema

    def resource(self):
        """This file's Data Resource, with its Table Schema."""
        fields = [self._key_field(column) for column in self.keys]
        fields += [self._field(column) for column in self.item_columns()]
        schema = {"fields": fields, "missingValues": [""]}
        if self.parent is None:
            schema["primaryKey"] = ["id"]
        else:
            schema["primaryKey"] = list(self.keys)
        foreign = [self._parent_key()] if self.parent is not None else []
        foreign += [
            {
                "fields": [field["name"]],
                "reference": {"resource": target, "fields": [_reference(target)]},
            }
            for field in fields[len(self.keys) :]
            if (target := field.pop("_links", None))
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        resource = {
            "name": self.name,
            "path": f"{self.name}.csv",
            "type": "table",
            "format": "csv",
            "mediatype": "text/csv",
            # With a byte-order mark, which readers of UTF-8 skip.
            "encoding": "utf-8",
            "dialect": DIALECT,
            "schema": schema,
        }
        if self.parent is not None:
            resource["description"] = (
                f"One row per item of the `{self.field_name}` list of "
                f"{self.parent.name}.csv, in the list's order (`position`)."
            )
        return resource

    def _parent_key(self):
        parent = self.parent
        if parent.parent is None:
            return {
                "fields": [self.keys[0]],
                "reference": {
                    "resource": parent.name,
                    "fields": [_reference(parent.name)],
                },
            }
        return {
            "fields": self.keys[:-1],
            "reference": {
                "resource": parent.name,
                "fields": list(parent.keys),
            },
        }

    def _key_field(self, column):
        if column.endswith("position"):
            kind = "integer"
        else:
            top = self
            while top.parent is not None:
                top = top.parent
            kind = "integer" if top.name in BY_ID else "string"
        return {"name": column, "type": kind, "constraints": {"required": True}}

    def _field(self, column):
        if self.parent is not None and self.serializer is None:
            field = {"name": column, "type": "string"}
            if self.name in VALUE_LINKS:
                field["type"] = "integer"
                field["_links"] = VALUE_LINKS[self.name]
            return field
        if self.parent is not None and _is_link(self.serializer):
            field = {"name": column, "type": "string"}
            if not column.endswith("_name"):
                field["_links"] = FILES[self.serializer.Meta.model]
                field["constraints"] = {"required": True}
            return field
        return _describe(self.serializer, column, self)


def _is_link(serializer):
    """A link to another record (id, slug, name or title, url, html_url)."""
    meta = getattr(serializer, "Meta", None)
    return (
        meta is not None
        and getattr(meta, "model", None) in FILES
        and "slug" in serializer.fields
        and "html_url" in serializer.fields
        and len(serializer.fields) <= 6
    )


def _link_column(model):
    return SINGULAR[FILES[model]]


def _reference(target):
    return "id" if target in BY_ID else "slug"


def _nested_list(field):
    return isinstance(field, serializers.ListSerializer)


def _is_list(serializer, name, field):
    if _nested_list(field):
        return True
    return _returns(serializer, name, field) is list


def _returns(serializer, name, field):
    """The type a SerializerMethodField's method says it returns (list for
    list[…]), or None."""
    if not isinstance(field, serializers.SerializerMethodField):
        return None
    method = getattr(serializer, field.method_name or f"get_{name}")
    hint = typing.get_type_hints(method).get("return")
    return typing.get_origin(hint) or hint


def _related_model(serializer, name, field):
    """The model a single link column points to, or None."""
    if isinstance(field, serializers.Serializer):
        return getattr(getattr(field, "Meta", None), "model", None)
    if isinstance(
        field, serializers.SlugRelatedField | serializers.SerializerMethodField
    ):
        try:
            model_field = serializer.Meta.model._meta.get_field(field.source or name)
        except Exception:  # a method field with no model field behind it
            return None
        if isinstance(model_field, models.ForeignKey):
            return model_field.related_model
    return None


def _describe(serializer, column, table):
    """The Table Schema field of one column of a serializer's file."""
    fields = serializer.fields
    field = {"name": column, "type": "string"}
    if column in fields:
        source = fields[column]
        help_text = getattr(source, "help_text", None)
        if help_text:
            field["description"] = str(help_text)
        if _is_list(serializer, column, source):
            where = _list_file(table, column)
            field["description"] = (
                "For reading: the items joined with “; ”, which may also occur "
                f"inside an item; one row per item in {where}."
            )
            if column == "citations":
                field["description"] = (
                    "For reading: `source-slug: quote [locator]`, joined with "
                    f"“ | ”; one row per citation in {where}."
                )
            return field
        model = _related_model(serializer, column, source)
        if model is not None:
            if model in FILES:
                field["_links"] = FILES[model]
            return field
        field.update(_type(serializer, column, source))
        if column in ADDRESSES:
            field["format"] = "uri"
        if column in ("id", "slug") and table.parent is None:
            field["constraints"] = {"required": True, "unique": True}
    elif column.endswith("_names") and column.removesuffix("_names") in fields:
        where = _list_file(table, column.removesuffix("_names"))
        field["description"] = (
            "For reading: the linked records' names joined with “; ”, which may "
            f"also occur in a name; one row per link in {where}."
        )
    return field


def _list_file(table, field_name):
    """The file that holds a list's items one a row."""
    for child in table.children:
        if child.field_name == field_name:
            return f"{child.name}.csv"
    return f"{field_name}.csv"  # a file of its own (OWN_FILES)


def _type(serializer, column, source):
    if isinstance(source, serializers.ChoiceField):
        choices = {str(code): str(label) for code, label in source.choices.items()}
        choices.pop("", None)
        return {
            "type": "string",
            "constraints": {"enum": list(choices)},
            "categories": [
                {"value": code, "label": label} for code, label in choices.items()
            ],
        }
    if isinstance(source, serializers.BooleanField):
        return {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    if isinstance(source, serializers.IntegerField):
        return {"type": "integer"}
    if isinstance(source, serializers.DecimalField | serializers.FloatField):
        return {"type": "number"}
    if isinstance(source, serializers.DateTimeField):
        return {"type": "datetime"}
    if isinstance(source, serializers.DateField):
        return {"type": "date"}
    returns = _returns(serializer, column, source)
    if returns is bool:
        return {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    if returns is int:
        return {"type": "integer"}
    if returns is datetime.date:
        return {"type": "date"}
    return {}


# The tables ------------------------------------------------------------------


def tables(parts):
    """The top Table of every (file name, serializer class) in `parts`."""
    return [Table(name, serializer_class()) for name, serializer_class in parts]


def csv_header(table):
    return _csv_line(table.columns(), bom=True)


def csv_row(table, row):
    return _csv_line([escape_formula(row.get(c, "")) for c in table.columns()])


def _csv_line(values, bom=False):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def descriptor(top_tables, address, language):
    """datapackage.json, as a dict."""
    return {
        # Version 2: enumerations' labels are its `categories`.
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": NAME,
        "title": TITLE,
        "description": (
            "Every published record of the portal, one CSV file per kind of "
            "record (and the same records as JSON, as the API gives them), and "
            "a table per list of each record's file. Texts and labels in the "
            "language given; DATA-DICTIONARY.md describes every column."
        ),
        "homepage": settings.SITE_URL or address,
        "language": language,
        "created": timezone.now().isoformat(timespec="seconds"),
        "licenses": [LICENCE],
        "sources": [
            {"title": "China–Azerbaijan Relations Portal", "path": address},
            {
                "title": "The original sources cited with each record",
                "path": "sources.csv",
            },
        ],
        "resources": [table.resource() for top in top_tables for table in top.all()],
    }
