"""The submission form as the page shows it and as it comes back: a section per pillar, a row per indicator with
its inputs, and the POST read into entries for services.submissions.answers_save. Field names: v-CODE (value),
p-CODE-PART (a part of a figure), a-CODE (legal article), s-CODE (data source), r-CODE (revision loaded),
b-CODE (fingerprint of the answer loaded)."""

from dataclasses import dataclass, field

from enlace.reporting.answers import Entry, fingerprint_of
from enlace.reporting.dimensions import parts_of
from enlace.reporting.models import AnswerType, Pillar
from enlace.reporting.values import choices_of, display_value

INPUT_TYPES = {
    AnswerType.INTEGER: "number",
    AnswerType.DECIMAL: "text",
    AnswerType.PERCENTAGE: "text",
    AnswerType.DATE: "date",
}


@dataclass
class Row:
    indicator: object
    answer: object
    value: object  # what the inputs show: the stored value, or what the person typed when a save was refused
    parts: list  # [(key, label, value)]
    article: str
    data_source: str
    revision: int
    base: str
    choices: list = field(default_factory=list)  # [(code, label, chosen)]
    errors: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    conflict: bool = False

    @property
    def input_type(self) -> str:
        return INPUT_TYPES.get(self.indicator.answer_type, "text")

    @property
    def shown(self) -> str:
        return display_value(self.indicator, self.answer.value) if self.answer else ""

    @property
    def widget(self) -> str:
        kind = self.indicator.answer_type
        if kind in (AnswerType.YES_NO_PARTLY, AnswerType.CHOICE):
            return "select"
        if kind == AnswerType.MULTIPLE:
            return "checks"
        if kind == AnswerType.TEXT:
            return "textarea"
        return "input"


@dataclass
class Section:
    code: str
    label: str
    rows: list
    html: str = ""  # the editable rows (enlace.reporting.form_html), when the reader may fill them in


def _row(indicator, answer, posted: Entry | None, errors, comments, conflict) -> Row:
    source = posted if posted is not None and not conflict else None
    if source is not None:
        value, parts, article, data_source = source.value, source.parts, source.article, source.data_source
    elif answer is not None:
        value, parts, article, data_source = answer.value, answer.parts, answer.article, answer.data_source
    else:
        value, parts, article, data_source = None, {}, "", ""
    chosen = value if isinstance(value, list) else [value]
    return Row(
        indicator=indicator,
        answer=answer,
        value="" if value is None else value,
        parts=[
            (key, label, (parts or {}).get(key, "")) for key, label in parts_of(indicator.disaggregations)
        ],
        article=article or "",
        data_source=data_source or "",
        revision=answer.revision if answer else 0,
        base=fingerprint_of(answer),
        choices=[(code, label, code in chosen) for code, label in choices_of(indicator)]
        if indicator.answer_type in (AnswerType.YES_NO_PARTLY, AnswerType.CHOICE, AnswerType.MULTIPLE)
        else [],
        errors=errors.get(indicator.code, []),
        comments=comments.get(indicator.pk, []),
        conflict=conflict,
    )


def sections(
    indicators, answers: dict, *, posted=None, errors=None, comments=None, conflicts=()
) -> list[Section]:
    """answers: code -> Answer; posted: code -> Entry (after a refused save); comments: indicator id -> list."""
    posted, errors, comments = posted or {}, errors or {}, comments or {}
    conflicted = {conflict.indicator.code for conflict in conflicts}
    by_pillar = {code: [] for code, _label in Pillar.choices}
    for indicator in indicators:
        by_pillar[indicator.pillar].append(
            _row(
                indicator,
                answers.get(indicator.code),
                posted.get(indicator.code),
                errors,
                comments,
                indicator.code in conflicted,
            )
        )
    return [Section(code, label, by_pillar[code]) for code, label in Pillar.choices if by_pillar[code]]


def _int_or_none(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def entries_from_post(data, indicators) -> dict[str, Entry]:
    """The indicators the form carried (those with a revision field), as entries."""
    entries = {}
    for indicator in indicators:
        code = indicator.code
        if f"r-{code}" not in data:
            continue
        if indicator.answer_type == AnswerType.MULTIPLE:
            value = data.getlist(f"v-{code}")
        else:
            value = data.get(f"v-{code}", "")
        entries[code] = Entry(
            value=value,
            parts={
                key: data.get(f"p-{code}-{key}", "") for key, _label in parts_of(indicator.disaggregations)
            },
            article=data.get(f"a-{code}", ""),
            data_source=data.get(f"s-{code}", ""),
            revision=_int_or_none(data.get(f"r-{code}")),
            base=data.get(f"b-{code}") or None,
        )
        entries[code].parts = {key: raw for key, raw in entries[code].parts.items() if str(raw).strip()}
    return entries
