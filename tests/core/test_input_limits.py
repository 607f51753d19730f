"""The class of fault behind the 500s, made impossible: numbers read one way, dates in one range, text limits
taken from the model columns (PostgreSQL refuses what SQLite keeps)."""

import datetime as dt
import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.db import models

import enlace
from enlace.core import inputs
from enlace.core.inputs import DATE_MAX, DATE_MIN, parse_date, parse_int

# Dates Enlace keeps itself, never typed by anyone.
INTERNAL_DATES = {("followup", "remindersent", "sent_on")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("0", 0),
        ("²", None),  # passes str.isdigit(), breaks int()
        ("²²²²", None),
        ("٣", None),  # Arabic-Indic three: int() reads it, people do not mean it in a URL
        ("-1", None),
        ("+1", None),
        ("1e3", None),
        ("1_000", None),
        ("", None),
        (None, None),
        ("99999999999999999999999", None),
        (str(inputs.INT_MAX), inputs.INT_MAX),
        (str(inputs.INT_MAX + 1), None),
    ],
)
def test_numbers_are_ascii_digits_within_bounds(text, expected):
    assert parse_int(text) == expected


def test_bounds_are_the_callers():
    assert parse_int("2016", minimum=1900, maximum=2200) == 2016
    assert parse_int("9999", minimum=1900, maximum=2200) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-06-08", dt.date(2016, 6, 8)),
        ("9999-12-31", None),
        ("0001-01-01", None),
        ("2016-02-30", None),
        ("２０１６-06-08", None),  # full-width digits
        ("2016-6-8", None),
        ("", None),
        (DATE_MIN.isoformat(), DATE_MIN),
        (DATE_MAX.isoformat(), DATE_MAX),
    ],
)
def test_dates_are_iso_within_the_sane_range(text, expected):
    assert parse_date(text) == expected


def _enlace_modules():
    for info in pkgutil.walk_packages(enlace.__path__, "enlace."):
        if ".migrations" in info.name or ".management" in info.name:
            continue
        yield importlib.import_module(info.name)


def _form_classes():
    seen = set()
    for module in _enlace_modules():
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, forms.BaseForm)
                and value.__module__.startswith("enlace.")
                and value not in seen
            ):
                seen.add(value)
                yield value


def test_every_date_field_of_every_form_is_the_shared_one():
    offenders = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _form_classes()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.DateField)
        and not isinstance(field, inputs.DateField)
        and inputs.validate_date_in_range not in field.validators
    ]
    assert offenders == []


def test_every_date_column_refuses_dates_outside_the_range():
    offenders = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("enlace.")
        for field in model._meta.get_fields()
        if isinstance(field, models.DateField)
        and not isinstance(field, models.DateTimeField)
        and (model._meta.app_label, model._meta.model_name.removeprefix("historical"), field.name)
        not in INTERNAL_DATES
        and inputs.validate_date_in_range not in field.validators
    ]
    assert offenders == []


def _fields(form_class) -> dict:
    """The fields as a form of the class has them (some limits are set in __init__), else as declared."""
    try:
        return form_class().fields
    except Exception:  # noqa: BLE001 - a form that needs arguments: its declared fields will do
        return form_class.base_fields


@pytest.mark.django_db
def test_every_single_line_text_field_of_every_form_has_a_length_limit():
    """A password is hashed, never stored as typed; every other line of text is kept in a column."""
    offenders = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _form_classes()
        for name, field in _fields(form).items()
        if isinstance(field, forms.CharField)
        and not isinstance(field.widget, forms.Textarea | forms.PasswordInput)
        and not field.disabled
        and field.max_length is None
    ]
    assert offenders == []


@pytest.mark.django_db
def test_an_email_longer_than_its_column_is_a_form_message(secretariat_admin, organizations):
    """forms.EmailField allows 320 characters, the column 254: PostgreSQL answered 500."""
    from enlace.accounts.models import User
    from tests.conftest import client_for

    email = "a" * 250 + "@example.org"
    response = client_for(secretariat_admin).post(
        "/directory/people/invite/",
        {
            "first_name": "Ana",
            "last_name": "Largo",
            "email": email,
            "organization": organizations["CR"].pk,
            "role": "liaison_officer",
            "language": "es",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["email"]
    assert not User.objects.filter(last_name="Largo").exists()


@pytest.mark.parametrize(("text", "expected"), [("3", 3), ("²", 1), ("0", 1), ("-2", 1), ("", 1), (None, 1)])
def test_a_page_number_is_read_like_every_other_number(text, expected):
    from enlace.core.inputs import page_number

    assert page_number(text) == expected
