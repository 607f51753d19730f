"""The figures a country entered once, in the layout of the UNODC Global Report questionnaire (figures by year
and sex, each with its legal article and data source), and SDG 16.2.2: victims detected per 100,000
population, by sex and by age, with the population figure and its source."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enlace.reporting.models import Population
from enlace.reporting.values import as_number

FIGURES = {
    "offences": gettext_lazy("Offences recorded"),
    "suspected": gettext_lazy("Persons in formal contact with the police"),
    "prosecuted": gettext_lazy("Persons prosecuted"),
    "convicted": gettext_lazy("Persons convicted"),
    "victims": gettext_lazy("Victims detected"),
    "confiscated": gettext_lazy("Assets confiscated (USD)"),
}
SEXES = (
    ("", gettext_lazy("Total")),
    ("sex:female", gettext_lazy("Female")),
    ("sex:male", gettext_lazy("Male")),
)
VICTIMS_CODE = "TIP-PT-01"


def questionnaire_rows(cycle, answers) -> list[list]:
    """[country, year, protocol, figure, sex, value, legal article, data source] for every figure given."""
    year = cycle.period_end.year
    rows = []
    for answer in answers:
        indicator = answer.indicator
        if not indicator.unodc_figure or answer.value is None:
            continue
        for part, sex in SEXES:
            value = answer.value if not part else answer.parts.get(part)
            if value is None or (part and "sex" not in indicator.disaggregations):
                continue
            rows.append([
                answer.submission.owner.code, year, indicator.get_protocol_display(),
                str(FIGURES.get(indicator.unodc_figure, indicator.unodc_figure)), str(sex), as_number(value),
                answer.article, answer.data_source,
            ])  # fmt: skip
    return rows


def per_100k(count, population) -> Decimal | None:
    if count is None or not population:
        return None
    return (Decimal(count) * 100_000 / Decimal(population)).quantize(Decimal("0.01"))


def sdg_rows(cycle, answers) -> list[list]:
    """[country, year, group, victims, population, rate per 100,000, population source] per country."""
    year = cycle.period_end.year
    victims = {
        a.submission.owner_id: a for a in answers if a.indicator.code == VICTIMS_CODE and a.value is not None
    }
    populations = {
        p.country_id: p for p in Population.objects.filter(country_id__in=list(victims), year=year)
    }
    rows = []
    for country_id, answer in victims.items():
        population = populations.get(country_id)
        groups = [
            (_("Total"), answer.value, population.total if population else None),
            (_("Female"), answer.parts.get("sex:female"), population.female if population else None),
            (_("Male"), answer.parts.get("sex:male"), population.male if population else None),
            (_("Children"), answer.parts.get("age:child"), population.children if population else None),
        ]
        for group, count, people in groups:
            if count is None:
                continue
            rows.append([
                answer.submission.owner.code, year, group, as_number(count), people, per_100k(count, people),
                population.source if population else _("no population figure entered"),
            ])  # fmt: skip
    return rows
