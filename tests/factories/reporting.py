"""Builders of country reporting for tests (tests/factories/: test modules import builders from here only)."""

import datetime as dt

from enlace.reporting.answers import Entry
from enlace.reporting.services.cycles import cycle_open
from enlace.reporting.services.frameworks import framework_create, framework_load_reference
from enlace.reporting.services.submissions import answers_save, submission_start, submission_submit

SMALL_INDICATORS = [
    {"code": "TIP-PR-08", "protocol": "tip", "pillar": "prosecution", "answer_type": "integer",
     "text_es": "Personas procesadas", "text_en": "Persons prosecuted", "disaggregations": ["sex"],
     "unodc_figure": "prosecuted", "unit": "persons"},
    {"code": "TIP-PR-09", "protocol": "tip", "pillar": "prosecution", "answer_type": "integer",
     "text_es": "Personas condenadas", "text_en": "Persons convicted", "disaggregations": ["sex"],
     "unodc_figure": "convicted"},
    {"code": "TIP-PV-01", "protocol": "tip", "pillar": "prevention", "answer_type": "yes_no_partly",
     "text_es": "Plan nacional vigente", "text_en": "National plan in force"},
    {"code": "TIP-PT-11", "protocol": "tip", "pillar": "protection", "answer_type": "percentage",
     "text_es": "Porcentaje de víctimas asistidas", "text_en": "Share of victims assisted"},
    {"code": "BOTH-CO-03", "protocol": "both", "pillar": "cooperation", "answer_type": "text",
     "text_es": "Desafíos", "text_en": "Challenges", "required": False},
]  # fmt: skip
SMALL_RULES = [
    {"code": "R-CONV", "left": "TIP-PR-09", "operator": "<=", "right": "TIP-PR-08", "importance": "error",
     "message_es": "Condenadas no pueden superar a procesadas.", "message_en": "Convicted cannot exceed prosecuted."},
    {"code": "R-SEX", "left": "sum(TIP-PR-08[sex])", "operator": "==", "right": "TIP-PR-08", "importance": "error",
     "message_es": "El desglose por sexo debe sumar el total.", "message_en": "The parts by sex must add up."},
    {"code": "R-FEW", "left": "TIP-PR-08", "operator": ">=", "right": "1", "importance": "warning",
     "message_es": "Ninguna persona procesada: explique.", "message_en": "Nobody prosecuted: explain why."},
]  # fmt: skip


def make_framework(*, indicators=None, rules=None, code="test", version=1):
    return framework_create(
        actor=None,
        fields={
            "code": code,
            "version": version,
            "title_es": "Marco de prueba",
            "title_en": "Test framework",
        },
        indicators=[dict(i) for i in (indicators or SMALL_INDICATORS)],
        rules_=[dict(r) for r in (rules if rules is not None else SMALL_RULES)],
    )


def reference_framework():
    return framework_load_reference()


def make_cycle(actor, framework, *, expected, due=None, commitment=None, title="Cycle 2016"):
    due = due or dt.date.today() + dt.timedelta(days=30)
    return cycle_open(
        actor=actor,
        framework=framework,
        title=title,
        period_start=dt.date(2015, 1, 1),
        period_end=dt.date(2015, 12, 31),
        opens_on=due - dt.timedelta(days=60),
        due_on=due,
        expected=expected,
        commitment=commitment,
    )


def indicators_by_code(framework) -> dict:
    return {i.code: i for i in framework.indicators.all()}


def fill(officer, submission, values: dict):
    """values: code -> value, or (value, parts) for a figure."""
    entries = {}
    for code, value in values.items():
        value, parts = value if isinstance(value, tuple) else (value, {})
        entries[code] = Entry(value=value, parts=parts)
    return answers_save(
        actor=officer, submission=submission, entries=entries,
        indicators=indicators_by_code(submission.cycle.framework),
    )  # fmt: skip


COMPLETE = {
    "TIP-PR-08": (10, {"sex:female": 4, "sex:male": 6}),
    "TIP-PR-09": (3, {}),
    "TIP-PV-01": "yes",
    "TIP-PT-11": "75",
}


def submitted_report(officer, cycle, values=None):
    submission = submission_start(actor=officer, cycle=cycle, country_id=officer.organization_id)
    fill(officer, submission, values or COMPLETE)
    return submission_submit(actor=officer, submission=submission)
