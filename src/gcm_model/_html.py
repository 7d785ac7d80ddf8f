"""Notebook views (``_repr_html_``) of model objects: small tables, escaped."""

from __future__ import annotations

import datetime as dt
import enum
import html
from typing import Any

import attrs

__all__ = ["model_html"]

_LIMIT = 20  # rows shown of a long list


def _cell(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return html.escape(str(value.value))
    if isinstance(value, dt.date):
        return html.escape(value.isoformat())
    if isinstance(value, tuple):
        if value and attrs.has(type(value[0])):
            return f"{len(value)} {type(value[0]).__name__}"
        return html.escape(", ".join(str(_plain(v)) for v in value))
    if attrs.has(type(value)):
        return html.escape(type(value).__name__)
    return html.escape(str(value))


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _fields_table(obj: Any) -> str:
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(f.name)}</th><td>{_cell(v)}</td></tr>"
        for f in attrs.fields(type(obj))
        if (v := getattr(obj, f.name)) not in (None, (), "")
    )
    return f"<table>{rows}</table>"


def _list_table(title: str, items: tuple[Any, ...], columns: tuple[str, ...]) -> str:
    if not items:
        return ""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ("#", *columns))
    rows = "".join(
        f"<tr><td>{index}</td>"
        + "".join(f"<td>{_cell(getattr(item, c, ''))}</td>" for c in columns)
        + "</tr>"
        for index, item in enumerate(items[:_LIMIT])
    )
    more = f"<p>... and {len(items) - _LIMIT} more</p>" if len(items) > _LIMIT else ""
    return f"<h4>{html.escape(title)}</h4><table><tr>{head}</tr>{rows}</table>{more}"


def model_html(obj: Any) -> str:
    """An HTML view of a model object: its fields, and its main lists as tables."""
    name = html.escape(type(obj).__name__)
    parts = [f"<div><strong>{name}</strong>", _fields_table(obj)]
    agenda = getattr(obj, "agenda", None)
    if isinstance(agenda, tuple):
        parts.append(_list_table("Agenda", agenda, ("kind", "title", "start", "end")))
    sections = getattr(obj, "sections", None)
    if isinstance(sections, tuple):
        parts.append(_list_table("Sections", sections, ("kind", "title", "items")))
    collections = (
        "reviews",
        "meetings",
        "events",
        "participants",
        "submissions",
        "reports",
        "pledges",
    )
    if all(isinstance(getattr(obj, c, None), tuple) for c in collections):
        parts.append(_list_table("Meetings", obj.meetings, ("id", "title", "start", "end")))
        parts.append(_list_table("Reports", obj.reports, ("id", "kind", "issued")))
    parts.append("</div>")
    return "".join(parts)
