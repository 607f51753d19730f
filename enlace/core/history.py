"""Reading the audit trail kept by django-simple-history: who changed what, when, and a record "as of" a date."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
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


def history_key_for(record) -> str | None:
    for key, kind in _KINDS.items():
        if isinstance(record, kind.model):
            return key
    return None


def _display(field, value):
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def history_entries(record) -> list[dict]:
    """Every version of the record, newest first, with the fields that changed against the version before."""
    versions = list(record.history.select_related("history_user").order_by("-history_date", "-history_id"))
    model_fields = {field.attname: field for field in record._meta.concrete_fields}
    model_fields.update({field.name: field for field in record._meta.concrete_fields})
    entries = []
    for index, version in enumerate(versions):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        changes = []
        if previous is not None and version.history_type == "~":
            delta = version.diff_against(previous)
            for change in delta.changes:
                field = model_fields.get(change.field)
                label = field.verbose_name if field is not None else change.field
                changes.append(
                    {
                        "field": label,
                        "old": _display(field, change.old) if field else change.old,
                        "new": _display(field, change.new) if field else change.new,
                    }
                )
        elif version.history_type == "+":
            for field in record._meta.concrete_fields:
                if field.name in {"id", "password"}:
                    continue
                value = getattr(version, field.attname, None)
                if value not in (None, ""):
                    changes.append({"field": field.verbose_name, "old": "—", "new": _display(field, value)})
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
