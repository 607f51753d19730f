"""A country's report from draft to validated, as each persona meets it: who fills in, who sees, who reviews,
what is refused and what the follow-up shows."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from enlace import permissions
from enlace.core.models import Visibility
from enlace.followup.models import CommitmentShare, Evidence
from enlace.meetings.models import Commitment, CommitmentStatus
from enlace.reporting import selectors
from enlace.reporting.answers import Entry
from enlace.reporting.models import Answer, SubmissionStatus
from enlace.reporting.services import submissions as services
from enlace.reporting.services.frameworks import indicator_update
from tests.factories.meetings import make_meeting
from tests.factories.reporting import (
    COMPLETE,
    fill,
    indicators_by_code,
    make_cycle,
    make_framework,
    submitted_report,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def cycle(secretariat_staff, organizations):
    return make_cycle(
        secretariat_staff, make_framework(), expected=[organizations["CR"], organizations["MX"]]
    )


def start(officer, cycle):
    return services.submission_start(actor=officer, cycle=cycle, country_id=officer.organization_id)


def test_an_officer_fills_in_and_submits_the_country_report(costa_rica_officer, cycle):
    submission = submitted_report(costa_rica_officer, cycle)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.visibility == Visibility.RESTRICTED
    assert [e.kind for e in submission.events.all()] == ["submitted"]
    answer = Answer.objects.get(submission=submission, indicator__code="TIP-PR-08")
    assert (answer.value, answer.parts, answer.revision) == (10, {"sex:female": 4, "sex:male": 6}, 1)


def test_submission_needs_every_required_answer(costa_rica_officer, cycle):
    submission = start(costa_rica_officer, cycle)
    fill(costa_rica_officer, submission, {"TIP-PV-01": "yes"})
    with pytest.raises(ValidationError, match="3 required indicators have no answer"):
        services.submission_submit(actor=costa_rica_officer, submission=submission)


def test_an_error_rule_blocks_submission_and_a_warning_needs_a_justification(costa_rica_officer, cycle):
    submission = start(costa_rica_officer, cycle)
    fill(costa_rica_officer, submission, {**COMPLETE, "TIP-PR-09": 12})
    with pytest.raises(ValidationError, match="Convicted cannot exceed prosecuted"):
        services.submission_submit(actor=costa_rica_officer, submission=submission)
    fill(
        costa_rica_officer,
        submission,
        {**COMPLETE, "TIP-PR-08": (0, {"sex:female": 0, "sex:male": 0}), "TIP-PR-09": 0},
    )
    with pytest.raises(ValidationError, match="Justify: Nobody prosecuted"):
        services.submission_submit(actor=costa_rica_officer, submission=submission)
    submitted = services.submission_submit(
        actor=costa_rica_officer, submission=submission, justifications={"R-FEW": "No cases reached court."}
    )
    assert submitted.justifications == {"R-FEW": "No cases reached court."}


def test_bad_values_save_nothing(costa_rica_officer, cycle):
    submission = start(costa_rica_officer, cycle)
    with pytest.raises(services.SaveRefused) as refused:
        fill(costa_rica_officer, submission, {"TIP-PV-01": "yes", "TIP-PR-08": "many", "TIP-PT-11": "140"})
    assert set(refused.value.errors) == {"TIP-PR-08", "TIP-PT-11"}
    assert "is not a number" in refused.value.errors["TIP-PR-08"][0]
    assert not submission.answers.exists()  # not even the good value


def test_two_officers_saving_from_stale_copies_lose_nothing(costa_rica_officer, organizations, cycle):
    from tests.factories.directory import PersonFactory

    colleague = PersonFactory(organization=organizations["CR"], role="liaison_officer")
    submission = start(costa_rica_officer, cycle)
    by_code = indicators_by_code(cycle.framework)
    fill(costa_rica_officer, submission, {"TIP-PV-01": "no", "TIP-PT-11": "50"})
    loaded = {a.indicator.code: a for a in submission.answers.select_related("indicator")}
    from enlace.reporting.answers import fingerprint_of

    def entry(code, value):
        answer = loaded.get(code)
        return Entry(value=value, revision=answer.revision if answer else 0, base=fingerprint_of(answer))

    # Both opened the form with these answers. The first changes TIP-PV-01; the second changes TIP-PT-11 and
    # sends TIP-PV-01 untouched from its stale copy: both changes are kept.
    services.answers_save(actor=costa_rica_officer, submission=submission,
                          entries={"TIP-PV-01": entry("TIP-PV-01", "yes"), "TIP-PT-11": entry("TIP-PT-11", "50")},
                          indicators=by_code)  # fmt: skip
    services.answers_save(actor=colleague, submission=submission,
                          entries={"TIP-PV-01": entry("TIP-PV-01", "no"), "TIP-PT-11": entry("TIP-PT-11", "60")},
                          indicators=by_code)  # fmt: skip
    values = dict(submission.answers.values_list("indicator__code", "value"))
    assert values == {"TIP-PV-01": "yes", "TIP-PT-11": "60"}
    # The second now changes TIP-PV-01 from its stale copy: refused, nothing saved, the newer answer returned.
    with pytest.raises(services.SaveRefused) as refused:
        services.answers_save(actor=colleague, submission=submission,
                              entries={"TIP-PV-01": entry("TIP-PV-01", "partly")},
                              indicators=by_code)  # fmt: skip
    [conflict] = refused.value.conflicts
    assert (conflict.indicator.code, conflict.current.value) == ("TIP-PV-01", "yes")
    assert dict(submission.answers.values_list("indicator__code", "value")) == {
        "TIP-PV-01": "yes",
        "TIP-PT-11": "60",
    }


def test_return_fix_resubmit_validate(costa_rica_officer, secretariat_staff, cycle):
    submission = submitted_report(costa_rica_officer, cycle)
    by_code = indicators_by_code(cycle.framework)
    with pytest.raises(ValidationError, match="Say which indicator"):
        services.submission_return(actor=secretariat_staff, submission=submission, comments={})
    submission = services.submission_return(
        actor=secretariat_staff, submission=submission, comments={by_code["TIP-PR-09"]: "Source, please."}
    )
    assert submission.status == SubmissionStatus.RETURNED
    fill(costa_rica_officer, submission, {"TIP-PR-09": 2})
    submission = services.submission_submit(actor=costa_rica_officer, submission=submission)
    submission = services.submission_validate(actor=secretariat_staff, submission=submission)
    assert (submission.status, submission.visibility) == (SubmissionStatus.VALIDATED, Visibility.NETWORK)
    assert submission.comments.get().resolved
    with pytest.raises(PermissionDenied):
        fill(costa_rica_officer, submission, {"TIP-PR-09": 1})  # validated data is locked
    with pytest.raises(ValidationError, match="Say why"):
        services.submission_reopen(actor=secretariat_staff, submission=submission, reason=" ")
    submission = services.submission_reopen(
        actor=secretariat_staff, submission=submission, reason="New figures."
    )
    assert submission.events.last().reason == "New figures."
    assert submission.visibility == Visibility.RESTRICTED
    history = Answer.objects.get(submission=submission, indicator__code="TIP-PR-09").history.order_by(
        "history_date"
    )
    assert [h.value for h in history] == [3, 2]


def test_only_the_secretariat_reviews(costa_rica_officer, mexico_officer, iom_analyst, cycle):
    submission = submitted_report(costa_rica_officer, cycle)
    for person in (costa_rica_officer, mexico_officer, iom_analyst):
        with pytest.raises(PermissionDenied):
            services.submission_validate(actor=person, submission=submission)


def test_other_countries_see_a_report_only_once_validated(
    costa_rica_officer, mexico_officer, secretariat_staff, iom_analyst, rrocm_member, anonymous_visitor, cycle
):
    submission = start(costa_rica_officer, cycle)
    seen = lambda person: permissions.can_view_submission(person, submission)  # noqa: E731
    assert [seen(p) for p in (costa_rica_officer, secretariat_staff, iom_analyst, mexico_officer)] == [
        True, True, False, False,
    ]  # fmt: skip
    fill(costa_rica_officer, submission, COMPLETE)
    submission = services.submission_submit(actor=costa_rica_officer, submission=submission)
    assert [seen(p) for p in (iom_analyst, mexico_officer, rrocm_member)] == [True, False, False]
    submission = services.submission_validate(actor=secretariat_staff, submission=submission)
    assert [seen(p) for p in (mexico_officer, rrocm_member, anonymous_visitor)] == [True, True, False]
    from enlace.reporting.services.cycles import cycle_publish

    cycle_publish(actor=secretariat_staff, cycle=cycle)
    submission.refresh_from_db()
    assert seen(anonymous_visitor)


def test_partners_comment_other_members_do_not(costa_rica_officer, mexico_officer, iom_analyst, cycle):
    submission = submitted_report(costa_rica_officer, cycle)
    indicator = indicators_by_code(cycle.framework)["TIP-PR-08"]
    comment = services.indicator_comment_add(
        actor=iom_analyst, submission=submission, indicator=indicator, text="Ok"
    )
    assert comment.organization.code == "IOM"
    with pytest.raises(PermissionDenied):
        services.indicator_comment_add(
            actor=mexico_officer, submission=submission, indicator=indicator, text="x"
        )
    with pytest.raises(PermissionDenied):
        services.indicator_comment_add(
            actor=costa_rica_officer, submission=submission, indicator=indicator, text="x"
        )


def test_an_officer_of_another_country_cannot_fill_in_the_report(costa_rica_officer, mexico_officer, cycle):
    submission = start(costa_rica_officer, cycle)
    with pytest.raises(PermissionDenied):
        fill(mexico_officer, submission, {"TIP-PV-01": "no"})
    with pytest.raises(PermissionDenied):
        services.submission_start(
            actor=mexico_officer, cycle=cycle, country_id=costa_rica_officer.organization_id
        )


def test_timeliness_follows_one_rule_and_no_rate_exceeds_100(
    costa_rica_officer, mexico_officer, secretariat_staff, organizations
):
    cycle = make_cycle(secretariat_staff, make_framework(), expected=[organizations[c] for c in ("CR", "MX", "PA")],
                       due=timezone.localdate())  # fmt: skip
    submitted_report(costa_rica_officer, cycle)
    late = submitted_report(mexico_officer, cycle)
    late.__class__.objects.filter(pk=late.pk).update(first_submitted_at=timezone.now() + dt.timedelta(days=3))
    result = selectors.completeness(cycle)
    assert (result.expected, result.on_time, result.late, result.missing) == (3, 1, 1, 1)
    assert {row.country.code: row.timeliness for row in result.rows} == {
        "CR": "on_time",
        "MX": "late",
        "PA": "missing",
    }
    assert result.rate(result.submitted) == 67
    assert {row.country.code: row.percent for row in result.rows} == {"CR": 100, "MX": 100, "PA": 0}


def test_a_cycle_opened_from_a_commitment_closes_each_countrys_share(
    costa_rica_officer, secretariat_staff, organizations
):
    meeting = make_meeting(created_by=secretariat_staff)
    commitment = Commitment.objects.get(meeting=meeting, agreement__label="a", agreement__parent__label="2")
    cycle = make_cycle(secretariat_staff, make_framework(), expected=None, commitment=commitment)
    assert cycle.expected.count() == CommitmentShare.objects.filter(commitment=commitment).count() == 11
    submission = submitted_report(costa_rica_officer, cycle)
    share = CommitmentShare.objects.get(commitment=commitment, state__code="CR")
    assert share.status == CommitmentStatus.DONE
    evidence = Evidence.objects.get(share=share)
    assert evidence.document.url.endswith(f"/reporting/reports/{submission.pk}/")
    services.submission_return(
        actor=secretariat_staff, submission=submission,
        comments={indicators_by_code(cycle.framework)["TIP-PR-08"]: "Check"},
    )  # fmt: skip
    share.refresh_from_db()
    assert share.status == CommitmentStatus.IN_PROGRESS
    services.submission_submit(actor=costa_rica_officer, submission=submission)
    assert Evidence.objects.filter(share=share).count() == 1  # resubmitting adds no copy


def test_editing_a_framework_in_use_makes_a_new_version(costa_rica_officer, secretariat_staff, cycle):
    submitted_report(costa_rica_officer, cycle)
    indicator = indicators_by_code(cycle.framework)["TIP-PV-01"]
    edited = indicator_update(
        actor=secretariat_staff, indicator=indicator, text_en="A national plan is in force"
    )
    assert edited.framework.version == 2 and edited.framework.previous == cycle.framework
    indicator.refresh_from_db()
    assert indicator.text_en == "National plan in force"  # what was answered keeps its question
    assert edited.framework.indicators.count() == cycle.framework.indicators.count()
    assert edited.framework.rules.count() == 3
    again = indicator_update(actor=secretariat_staff, indicator=edited, required=False)
    assert again.pk == edited.pk  # the new version is not in use yet: edited in place
