"""Reads of country reporting, always filtered by what the user may see (enlace.permissions): cycles, reports,
completeness and timeliness, and the regional tables. Each read is a fixed number of queries, whatever the
number of indicators or countries."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from enlace import permissions
from enlace.directory.models import Organization
from enlace.reporting.models import Answer, Cycle, Framework, Indicator, Pillar, Submission, SubmissionStatus


def frameworks_for_user(user) -> QuerySet:
    if not permissions.is_member(user):
        return Framework.objects.none()
    return Framework.objects.annotate(indicator_count=Count("indicators", distinct=True)).order_by(
        "code", "-version"
    )


def get_framework_for_user(user, pk) -> Framework:
    framework = frameworks_for_user(user).filter(pk=pk).first()
    if framework is None:
        raise Http404
    return framework


def cycles_for_user(user) -> QuerySet:
    """Members see every cycle; visitors the published ones."""
    cycles = Cycle.objects.select_related("framework", "commitment__agreement", "commitment__meeting")
    if not permissions.is_member(user):
        cycles = cycles.filter(published=True)
    return cycles.annotate(expected_count=Count("expected", distinct=True)).order_by("-due_on", "-pk")


def get_cycle_for_user(user, pk) -> Cycle:
    cycle = cycles_for_user(user).filter(pk=pk).first()
    if cycle is None:
        raise Http404
    return cycle


def submissions_for_user(user) -> QuerySet:
    return (
        Submission.objects.filter(permissions.submissions_visible_q(user))
        .select_related("owner", "cycle__framework")
        .order_by("-cycle__due_on", "owner__name_es")
    )


def get_submission_for_user(user, pk) -> Submission:
    submission = Submission.objects.select_related("owner", "cycle__framework", "cycle__commitment").filter(
        pk=pk
    )
    submission = submission.first()
    if submission is None or not permissions.can_view_submission(user, submission):
        raise Http404
    return submission


def timeliness(submission: Submission | None, cycle: Cycle) -> str:
    """The one rule: on time = first submitted by the due date; late = after it; missing = not submitted."""
    if submission is None or submission.first_submitted_at is None:
        return "missing"
    return "on_time" if timezone.localdate(submission.first_submitted_at) <= cycle.due_on else "late"


@dataclass
class CountryRow:
    country: Organization
    submission: Submission | None
    timeliness: str
    answered: int
    required: int
    by_pillar: list = field(default_factory=list)  # [(pillar label, answered, required)]

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.required) if self.required else 100


@dataclass
class Completeness:
    rows: list[CountryRow]
    expected: int
    on_time: int
    late: int
    missing: int
    validated: int
    by_indicator: list  # [(indicator, countries answered)]

    @property
    def submitted(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_rate(self) -> int:
        return self.rate(self.on_time)

    def rate(self, count: int) -> int:
        """Over the expected countries, so never above 100 %."""
        return round(100 * count / self.expected) if self.expected else 0


def completeness(cycle: Cycle) -> Completeness:
    """Per expected country: timeliness and the share of required indicators answered, per pillar; per
    indicator: how many expected countries answered it. Six queries."""
    countries = list(cycle.expected.order_by("name_es"))
    submissions = {s.owner_id: s for s in cycle.submissions.filter(owner__in=countries)}
    required = dict(
        cycle.framework.indicators.filter(required=True).values_list("pillar").annotate(n=Count("pk"))
    )
    answered = defaultdict(dict)
    counted = (
        Answer.objects.filter(submission__cycle=cycle, indicator__required=True, value__isnull=False)
        .values_list("submission__owner_id", "indicator__pillar")
        .annotate(n=Count("pk"))
    )
    for owner_id, pillar, n in counted:
        answered[owner_id][pillar] = n
    rows, tally = [], defaultdict(int)
    for country in countries:
        submission = submissions.get(country.pk)
        state = timeliness(submission, cycle)
        tally[state] += 1
        if submission is not None and submission.status == SubmissionStatus.VALIDATED:
            tally["validated"] += 1
        mine = answered.get(country.pk, {})
        by_pillar = [
            (label, mine.get(code, 0), required[code]) for code, label in Pillar.choices if code in required
        ]
        rows.append(
            CountryRow(country, submission, state, sum(mine.values()), sum(required.values()), by_pillar)
        )
    per_indicator = dict(
        Answer.objects.filter(submission__cycle=cycle, submission__owner__in=countries, value__isnull=False)
        .values_list("indicator_id")
        .annotate(n=Count("submission__owner_id", distinct=True))
    )
    indicators = list(cycle.framework.indicators.all())
    return Completeness(
        rows=rows,
        expected=len(countries),
        on_time=tally["on_time"],
        late=tally["late"],
        missing=tally["missing"],
        validated=tally["validated"],
        by_indicator=[(indicator, per_indicator.get(indicator.pk, 0)) for indicator in indicators],
    )


def regional_submissions_q(user) -> Q:
    """Reports whose answers a regional view shows: what the user may see, but never another country's draft."""
    shown = permissions.submissions_visible_q(user, "submission__") & ~Q(
        submission__status=SubmissionStatus.DRAFT
    )
    if permissions.is_member(user) and user.organization_id:
        shown |= Q(submission__owner_id=user.organization_id) & permissions.submissions_visible_q(
            user, "submission__"
        )
    return shown


class Cell(NamedTuple):
    value: object
    status: str


@dataclass
class RegionalTable:
    indicators: list[Indicator]
    countries: list[Organization]
    cells: dict  # (indicator id, country id) -> Cell
    statuses: dict  # country id -> submission status


def regional_table(user, cycle: Cycle, *, pillar: str = "", protocol: str = "") -> RegionalTable:
    """Indicator × country for a cycle, with only the answers the user may see. Four queries."""
    indicators = cycle.framework.indicators.all()
    if pillar:
        indicators = indicators.filter(pillar=pillar)
    if protocol:
        indicators = indicators.filter(protocol=protocol)
    indicators = list(indicators)
    countries = list(cycle.expected.order_by("name_es"))
    answers = Answer.objects.filter(
        regional_submissions_q(user), submission__cycle=cycle, indicator__in=[i.pk for i in indicators]
    ).values_list("indicator_id", "submission__owner_id", "submission__status", "value")
    cells, statuses = {}, {}
    for indicator_id, owner_id, status, value in answers:  # tuples: 1,650 cells without 1,650 models
        cells[(indicator_id, owner_id)] = Cell(value, status)
        statuses[owner_id] = status
    return RegionalTable(indicators, countries, cells, statuses)


def country_across_cycles(user, country, code: str) -> list[tuple[Cycle, Answer | None]]:
    """One country's answer to one indicator (by code) in every cycle the user may see, oldest first."""
    cycles = list(cycles_for_user(user).filter(expected=country).order_by("due_on"))
    answers = Answer.objects.filter(
        regional_submissions_q(user),
        submission__owner=country,
        indicator__code=code,
        submission__cycle__in=cycles,
    ).select_related("submission")
    by_cycle = {answer.submission.cycle_id: answer for answer in answers}
    return [(cycle, by_cycle.get(cycle.pk)) for cycle in cycles]


def home_summary(user) -> dict:
    """The home panel: cycles still open (or due in the last month), each with the user's country's report, and
    for the secretariat the reports waiting for review. Three queries."""
    today = timezone.localdate()
    cycles = list(
        cycles_for_user(user).filter(due_on__gte=today - dt.timedelta(days=30)).order_by("due_on")[:4]
    )
    own = {}
    if permissions.is_member(user) and user.organization_id:
        own = {
            s.cycle_id: s for s in Submission.objects.filter(owner_id=user.organization_id, cycle__in=cycles)
        }
    waiting = 0
    if permissions.can_manage_reporting(user):
        waiting = Submission.objects.filter(status=SubmissionStatus.SUBMITTED).count()
    return {"today": today, "rows": [(cycle, own.get(cycle.pk)) for cycle in cycles], "waiting": waiting}
