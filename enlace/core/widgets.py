"""Select and checkbox widgets that render their HTML in Python instead of one template per option: a review page of a long
report holds hundreds of them, and Django's per-option templates made it take seconds."""

from functools import lru_cache

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


@lru_cache(maxsize=128)
def _escaped_options(choices: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Every row of a review offers the same choices: escape them once."""
    return tuple((escape(key), escape(label)) for key, label in choices)


class _FastSelectMixin:
    multiple = False

    def render(self, name, value, attrs=None, renderer=None):
        attributes = self.build_attrs(self.attrs, attrs)
        attributes["name"] = name
        if self.multiple:
            attributes["multiple"] = True
        chosen = {escape(str(item)) for item in self.format_value(value)}
        options = _escaped_options(tuple((str(key), str(label)) for key, label in self.choices))
        html = "".join(
            f'<option value="{key}"{" selected" if key in chosen else ""}>{label}</option>'
            for key, label in options
        )
        return format_html("<select{}>{}</select>", flatatt(attributes), mark_safe(html))  # noqa: S308 - escaped above


class FastSelect(_FastSelectMixin, forms.Select):
    pass


class FastCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """A group of checkboxes, one per choice: unlike a multiple select, one click never clears the other choices.
    The row templates put it in a fieldset whose legend is the field's label."""

    def render(self, name, value, attrs=None, renderer=None):
        attributes = self.build_attrs(self.attrs, attrs)
        base_id = escape(attributes.get("id") or name)
        chosen = {escape(str(item)) for item in self.format_value(value)}
        options = _escaped_options(tuple((str(key), str(label)) for key, label in self.choices))
        name = escape(name)
        html = "".join(
            f'<label class="check" for="{base_id}_{index}"><input type="checkbox" name="{name}" value="{key}" '
            f'id="{base_id}_{index}"{" checked" if key in chosen else ""}> {label}</label>'
            for index, (key, label) in enumerate(options)
        )
        return format_html('<div class="checks" id="{}">{}</div>', base_id, mark_safe(html))  # noqa: S308 - escaped above


class FastTextInput(forms.TextInput):
    def render(self, name, value, attrs=None, renderer=None):
        attributes = self.build_attrs(self.attrs, attrs)
        attributes.update({"type": self.input_type, "name": name})
        formatted = self.format_value(value)
        if formatted is not None:
            attributes["value"] = formatted
        return format_html("<input{}>", flatatt(attributes))


class FastTextarea(forms.Textarea):
    def render(self, name, value, attrs=None, renderer=None):
        attributes = self.build_attrs(self.attrs, attrs)
        attributes["name"] = name
        # The new line after the tag is what Django's own template writes: browsers drop it, keeping the text.
        return format_html(
            "<textarea{}>\r\n{}</textarea>", flatatt(attributes), self.format_value(value) or ""
        )


class DateInput(forms.DateInput):
    """The one date widget of Enlace: the browser's date picker, ISO dates, rendered without a template."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    render = FastTextInput.render


class FastCheckboxInput(forms.CheckboxInput):
    def render(self, name, value, attrs=None, renderer=None):
        attributes = self.build_attrs(self.attrs, attrs)
        attributes.update({"type": "checkbox", "name": name})
        if self.check_test(value):
            attributes["checked"] = True
        return format_html("<input{}>", flatatt(attributes))
