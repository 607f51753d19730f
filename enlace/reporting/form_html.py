"""The rows of the report form as HTML, written here rather than by a template include per row: a form of 150
indicators rendered 150 includes, and they cost most of the page (bench: "the form, 150 indicators"). Every
text goes through escape."""

from html import escape as _escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from enlace.reporting.models import AnswerType


def escape(value) -> str:
    """The standard library's escape (the same five characters as Django's, without its lazy-string wrapper,
    which cost more than the escaping here)."""
    return _escape(str(value))


def _labels() -> dict:
    return {
        "required": _("required"), "breakdown": _("Breakdown"), "article": _("Legal article"),
        "source": _("Data source"), "return": _("To correct"), "comment": _("Comment"), "resolved": _("resolved"),
    }  # fmt: skip


def comments_html(row, labels: dict) -> str:
    if not row.comments:
        return ""
    items = []
    for comment in row.comments:
        kind = labels["return"] if comment.kind == "return" else labels["comment"]
        who = escape(comment.organization.short_name) if comment.organization else ""
        resolved = f" ({labels['resolved']})" if comment.resolved else ""
        css = f"comment {comment.kind}{' resolved' if comment.resolved else ''}"
        items.append(
            f'<li class="{css}"><strong>{escape(kind)}</strong> — {who} {comment.created_at:%Y-%m-%d}'
            f"{escape(resolved)}: {escape(comment.text)}</li>"
        )
    return f'<ul class="comments">{"".join(items)}</ul>'


def _inputs(row, labels: dict) -> str:
    i, code = row.indicator, escape(row.indicator.code)
    out = [
        f'<input type="hidden" name="r-{code}" id="r-{code}" value="{row.revision}">',
        f'<input type="hidden" name="b-{code}" id="b-{code}" value="{escape(row.base)}">',
    ]
    described = f'aria-describedby="h-{code}"'
    if row.widget == "select":
        options = "".join(
            f'<option value="{escape(value)}"{" selected" if chosen else ""}>{escape(label)}</option>'
            for value, label, chosen in row.choices
        )
        out.append(
            f'<select name="v-{code}" id="v-{code}" {described}><option value="">—</option>{options}</select>'
        )
    elif row.widget == "checks":
        checks = "".join(
            f'<label class="check"><input type="checkbox" name="v-{code}" value="{escape(value)}"'
            f"{' checked' if chosen else ''}> {escape(label)}</label>"
            for value, label, chosen in row.choices
        )
        out.append(
            f'<fieldset class="checks" id="v-{code}" {described}><legend class="visually-hidden">{escape(i.text)}'
            f"</legend>{checks}</fieldset>"
        )
    elif row.widget == "textarea":
        out.append(
            f'<textarea name="v-{code}" id="v-{code}" rows="3" maxlength="5000" {described}>{escape(row.value)}</textarea>'
        )
    else:
        extra = ' min="0" step="1" inputmode="numeric"' if row.input_type == "number" else ""
        if not extra and i.is_numeric:
            extra = ' inputmode="decimal"'
        unit = f' <span class="muted">{escape(i.unit)}</span>' if i.unit else ""
        out.append(
            f'<input type="{row.input_type}" name="v-{code}" id="v-{code}" value="{escape(row.value)}"{extra} '
            f"{described}>{unit}"
        )
    if row.parts:
        parts = "".join(
            f'<label>{escape(label)} <input type="number" min="0" name="p-{code}-{escape(key)}" value="{escape(value)}"'
            ' inputmode="numeric"></label>'
            for key, label, value in row.parts
        )
        out.append(f'<fieldset class="parts"><legend>{escape(labels["breakdown"])}</legend>'
                   f'<div class="parts-grid">{parts}</div></fieldset>')  # fmt: skip
    if i.is_numeric:
        out.append(
            f'<div class="parts-grid"><label>{escape(labels["article"])} <input type="text" name="a-{code}" '
            f'value="{escape(row.article)}" maxlength="200"></label><label>{escape(labels["source"])} '
            f'<input type="text" name="s-{code}" value="{escape(row.data_source)}" maxlength="200"></label></div>'
        )
    return "".join(out)


def editable_rows(rows) -> SafeString:
    labels = _labels()
    kinds = {code: str(label) for code, label in AnswerType.choices}
    html = []
    for row in rows:
        i, code = row.indicator, escape(row.indicator.code)
        css = ["indicator"]
        if row.errors:
            css.append("has-error")
        if row.conflict:
            css.append("conflict")
        if any(c.kind == "return" and not c.resolved for c in row.comments):
            css.append("to-correct")
        required = f' <span class="muted">({escape(labels["required"])})</span>' if i.required else ""
        help_text = " · ".join(escape(part) for part in (kinds[i.answer_type], i.source, i.guidance) if part)
        errors = (
            '<ul class="errorlist">' + "".join(f"<li>{escape(e)}</li>" for e in row.errors) + "</ul>"
            if row.errors
            else ""
        )
        # Check boxes are labelled one by one (and the group by its legend): the title is not a <label> then.
        tag, target = ("p", "") if row.widget == "checks" else ("label", f' for="v-{code}"')
        html.append(
            f'<div class="{" ".join(css)}" id="row-{code}"><{tag}{target} class="indicator-label">'
            f'<span class="code">{code}</span> {escape(i.text)}{required}</{tag}>'
            f'<p class="help" id="h-{code}">{help_text}</p>{_inputs(row, labels)}{errors}{comments_html(row, labels)}</div>'
        )
    return mark_safe("".join(html))  # noqa: S308 (every text went through escape)
