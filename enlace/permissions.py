"""The one place that answers "may this user see / change this?".

Rules (design/product.md, Visibility):
- public records: everyone, anonymous visitors included, may see them;
- network records: every active signed-in member may see them;
- restricted records: the owner's people and the secretariat may see them;
- the owner's people and the secretariat may change a record; only the secretariat publishes.
Views, API endpoints and exports all ask here; outsiders get 404 (they must not learn a record exists).
Services check again with `require` (the same question, whoever calls them): a refusal there is PermissionDenied.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django_otp import user_has_device

from enlace.accounts.models import Role
from enlace.core.models import Visibility


def require(actor, check, message, *, system_allowed: bool = False) -> None:
    """The services' one way to refuse a write: PermissionDenied (a 403 page, a 403 JSON answer on the API).
    actor: the person acting, the `actor` argument of every write service; None is the system (demo and reference
    data, management commands), which only services that say system_allowed accept."""
    if actor is None and system_allowed:
        return
    if actor is None or not check(actor):
        raise PermissionDenied(message)


def is_member(user) -> bool:
    """A signed-in, active person with a role: someone who belongs to the Network."""
    return bool(user and user.is_authenticated and user.is_active and user.role)


def is_secretariat(user) -> bool:
    return is_member(user) and user.is_secretariat


def is_secretariat_admin(user) -> bool:
    return is_member(user) and user.is_secretariat_admin


def needs_second_factor(user) -> bool:
    """Secretariat administrators must pass a second factor; so must anyone who turned one on (their profile says
    the code is asked at log-in). Until then they reach only the log-in, the code prompt and first-time set-up."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_secretariat_admin or user_has_device(user, confirmed=True)


def second_factor_pending(user) -> bool:
    """Signed in with the password only, by someone who needs a second factor (see needs_second_factor)."""
    is_verified = getattr(user, "is_verified", None)  # set by django_otp's middleware on each request
    return needs_second_factor(user) and not (is_verified and is_verified())


def can_use_back_office(user) -> bool:
    """The back office (django.contrib.admin) changes records without the rules of the pages: a secretariat
    administrator who passed the second factor, and nobody else, whatever Django's is_staff/is_superuser say."""
    is_verified = getattr(user, "is_verified", None)  # set by django_otp's middleware on each request
    return is_secretariat_admin(user) and bool(is_verified and is_verified())


def belongs_to(user, organization_id) -> bool:
    return is_member(user) and organization_id is not None and user.organization_id == organization_id


# --- owned records -------------------------------------------------------------------------------------------


def can_view(user, record) -> bool:
    if record.visibility == Visibility.PUBLIC:
        return True
    if not is_member(user):
        return False
    if record.visibility == Visibility.NETWORK or is_secretariat(user):
        return True
    return belongs_to(user, record.owner_id)


def can_change(user, record) -> bool:
    return is_secretariat(user) or belongs_to(user, record.owner_id)


def can_delete(user, record) -> bool:
    return is_secretariat(user) or (
        belongs_to(user, record.owner_id) and record.visibility == Visibility.RESTRICTED
    )


def can_publish(user, record=None) -> bool:
    """Making a record public is the secretariat's decision alone."""
    return is_secretariat(user)


def allowed_visibilities(user, record=None) -> list[str]:
    if can_publish(user, record):
        return list(Visibility.values)
    return [Visibility.RESTRICTED, Visibility.NETWORK]


def visible_q(user, prefix: str = "") -> Q:
    """The filter of owned records this user may see; prefix names a relation ("meeting__")."""
    public = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    if not is_member(user):
        return public
    if is_secretariat(user):
        return Q()
    return (
        public
        | Q(**{f"{prefix}visibility": Visibility.NETWORK})
        | Q(**{f"{prefix}owner_id": user.organization_id})
    )


def visible_to(user, queryset: QuerySet) -> QuerySet:
    return queryset.filter(visible_q(user))


def get_for_user(queryset: QuerySet, user, *, action: str = "view", **lookup):
    """Fetch one owned record and check access; 404 when it does not exist or the user may not see it,
    404 too when the user may see but not change it (the page to change it does not exist for them)."""
    record = queryset.filter(**lookup).first()
    if record is None or not can_view(user, record):
        raise Http404
    if action == "change" and not can_change(user, record):
        raise Http404
    if action == "delete" and not can_delete(user, record):
        raise Http404
    return record


# --- directory ------------------------------------------------------------------------------------------------


def can_view_directory(user) -> bool:
    return is_member(user)


def can_manage_people(user) -> bool:
    """Inviting people, changing roles and deactivating accounts: the secretariat administrator."""
    return is_secretariat_admin(user)


def can_manage_directory(user) -> bool:
    """Organizations and the Pro Tempore Presidency are kept by the secretariat."""
    return is_secretariat(user)


# --- meetings and follow-up -----------------------------------------------------------------------------------


def can_manage_meetings(user) -> bool:
    """Recording meetings and agreements and importing reports is the secretariat's work."""
    return is_secretariat(user)


def organization_answers_q(organization_id, *, is_member_state: bool) -> Q:
    """Commitments an organization answers for: those naming it, and, for a member state, those of "the member
    states" as a group. Exists rather than a join: one row per commitment, no DISTINCT over wide rows."""
    links = apps.get_model("meetings", "Commitment").responsible.through.objects
    named = Q(Exists(links.filter(commitment_id=OuterRef("pk"), organization_id=organization_id)))
    return named | Q(all_member_states=True) if is_member_state else named


def answers_for_q(user) -> Q:
    """The one answer to "which commitments does this person answer for?" as a filter: the follow-up's "mine"
    filter and its "mine first" order use it, and answers_for below says the same of one commitment."""
    if not is_member(user) or user.organization_id is None:
        return Q(pk__in=[])
    return organization_answers_q(user.organization_id, is_member_state=user.role == Role.LIAISON_OFFICER)


def answers_for(user, commitment, responsible_ids=None) -> bool:
    """Whether this person answers for the commitment (answers_for_q for one record). responsible_ids: the
    responsible organizations' ids, when the caller has them already."""
    if not is_member(user) or user.organization_id is None:
        return False
    if responsible_ids is None:
        responsible_ids = {org.pk for org in commitment.responsible.all()}
    if user.organization_id in responsible_ids:
        return True
    # "The member states" as a group: every liaison officer of a member state answers for it.
    return bool(getattr(commitment, "all_member_states", False)) and user.role == Role.LIAISON_OFFICER


def can_update_commitment(user, commitment, responsible_ids=None) -> bool:
    """The secretariat, or a person who answers for the commitment."""
    return is_secretariat(user) or answers_for(user, commitment, responsible_ids)


def can_confirm_done_without_evidence(user) -> bool:
    """Closing a commitment with a note instead of evidence: only the secretariat can vouch for it."""
    return is_secretariat(user)


# --- country reporting ----------------------------------------------------------------------------------------

# A country report's states in which technical partners (IOM, UNODC) review it; a draft is the country's alone.
_REPORT_STATES_PARTNERS_SEE = ("submitted", "returned", "validated")


def can_manage_reporting(user) -> bool:
    """Frameworks, cycles, validation and publication are the secretariat's."""
    return is_secretariat(user)


def is_technical_partner(user) -> bool:
    return is_member(user) and user.role == Role.TECHNICAL_PARTNER


def submissions_visible_q(user, prefix: str = "") -> Q:
    """Country reports this user may see: the owned-record rule (restricted while worked on, network once
    validated, public once published), and for technical partners every report once submitted."""
    seen = visible_q(user, prefix)
    if is_technical_partner(user):
        seen |= Q(**{f"{prefix}status__in": _REPORT_STATES_PARTNERS_SEE})
    return seen


def can_view_submission(user, submission) -> bool:
    return can_view(user, submission) or (
        is_technical_partner(user) and submission.status in _REPORT_STATES_PARTNERS_SEE
    )


def can_fill_submission(user, submission) -> bool:
    """The country's liaison officers fill in and submit its report, while it is a draft or returned to them."""
    return (
        belongs_to(user, submission.owner_id)
        and user.role == Role.LIAISON_OFFICER
        and submission.status in ("draft", "returned")
    )


def can_report_for(user, country_id) -> bool:
    return belongs_to(user, country_id) and user.role == Role.LIAISON_OFFICER


def can_comment_submission(user, submission) -> bool:
    """The secretariat and technical partners comment on indicators of a report they may see."""
    return (is_secretariat(user) or is_technical_partner(user)) and can_view_submission(user, submission)
