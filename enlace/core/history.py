"""Reading the audit trail kept by django-simple-history: who changed what, when, and a record "as of" a date."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

CHANGE_LABELS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


@dataclass(frozen=True)
class HistoryKind:
    model: type[models.Model]
    can_view: Callable  # (user, record) -> bool
    title: Callable = str  # record -> str


_KINDS: dict[str, HistoryKind] = {}


def register_history(key: str, model, can_view, title=str) -> None:
    _KINDS[key] = HistoryKind(model=model, can_view=can_view, title=title)


def history_kind(key: str) -> HistoryKind | None:
    return _KINDS.get(key)


class _Names:
    """The names of the records that foreign keys and many-to-many fields point to, read in one query per model
    for the whole history."""

    def __init__(self):
        self.wanted: dict[type[models.Model], set] = {}
        self.names: dict[tuple[type[models.Model], object], str] = {}

    def want(self, field, value) -> None:
        for pk in self._pks(field, value):
            self.wanted.setdefault(field.related_model, set()).add(pk)

    def load(self) -> None:
        for model, pks in self.wanted.items():
            for obj in model._default_manager.filter(pk__in=pks):
                self.names[(model, obj.pk)] = str(obj)

    def display(self, field, value) -> str:
        if field is not None and field.is_relation:
            pks = self._pks(field, value)
            if not pks:
                return "—"
            return ", ".join(self.names.get((field.related_model, pk), f"#{pk}") for pk in pks)
        return _display(field, value)

    @staticmethod
    def _pks(field, value) -> list:
        if value in (None, ""):
            return []
        if field.many_to_many:
            # simple-history gives the rows of the through table: {"<this model>": id, "<related model>": id}
            key = field.m2m_reverse_field_name()
            return [row.get(key) for row in value if isinstance(row, dict) and row.get(key) is not None]
        return [value]


def _display(field, value):
    if value is None or value == "" or value == []:
        return "—"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, dt.datetime):
        return date_format(
            timezone.localtime(value) if timezone.is_aware(value) else value, "DATETIME_FORMAT"
        )
    if isinstance(value, dt.date):
        return date_format(value, "DATE_FORMAT")
    return str(value)


SKIPPED_FIELDS = {"id", "password", "updated_at", "created_at"}


def history_entries(record) -> list[dict]:
    """Every version of the record, newest first, with the fields that changed against the version before."""
    versions = list(record.history.select_related("history_user").order_by("-history_date", "-history_id"))
    fields = {field.attname: field for field in record._meta.concrete_fields}
    fields.update({field.name: field for field in record._meta.get_fields() if field.concrete})
    names = _Names()
    raw = []
    for index, version in enumerate(versions):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        changes = []
        if previous is not None and version.history_type == "~":
            for change in version.diff_against(previous).changes:
                changes.append((fields.get(change.field), change.field, change.old, change.new))
        elif version.history_type == "+":
            for field in record._meta.concrete_fields:
                value = getattr(version, field.attname, None)
                if field.name not in SKIPPED_FIELDS and value not in (None, ""):
                    changes.append((field, field.name, None, value))
        for field, _name, old, new in changes:
            if field is not None and field.is_relation:
                names.want(field, old)
                names.want(field, new)
        raw.append((version, changes))
    names.load()
    entries = []
    for version, changes in raw:
        changes = [
            {
                "field": field.verbose_name if field is not None else name,
                "old": names.display(field, old),
                "new": names.display(field, new),
            }
            for field, name, old, new in changes
        ]
        entries.append(
            {
                "date": version.history_date,
                "user": version.history_user,
                "type": CHANGE_LABELS.get(version.history_type, version.history_type),
                "reason": version.history_change_reason or "",
                "changes": changes,
            }
        )
    return entries


def record_as_of(record, when: dt.date | dt.datetime):
    """The record as it stood at the end of the given day (or at the given moment); None if it did not exist."""
    if isinstance(when, dt.date) and not isinstance(when, dt.datetime):
        when = timezone.make_aware(dt.datetime.combine(when, dt.time.max))
    try:
        return record.__class__.history.as_of(when).get(pk=record.pk)
    except ObjectDoesNotExist:  # raised as the historical model's DoesNotExist
        return None


def displayed_fields(version, model) -> list[dict]:
    """Each field of a record (or of one of its historical versions) as a person reads it."""
    names = _Names()
    fields = [field for field in model._meta.concrete_fields if field.name not in SKIPPED_FIELDS]
    for field in fields:
        if field.is_relation:
            names.want(field, getattr(version, field.attname, None))
    names.load()
    return [
        {"field": field.verbose_name, "value": names.display(field, getattr(version, field.attname, None))}
        for field in fields
    ]
