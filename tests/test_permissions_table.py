"""The permission table: each persona × each action × each visibility, over records owned by Costa Rica and IOM.

EXPECTED below is the specification. Read a row as a sentence: "a Costa Rica officer may *view* a record owned by
Costa Rica when it is restricted, network or public; may *delete* it only while it is restricted".
"""

import pytest
from django.http import Http404

from enlace import permissions
from enlace.accounts.models import Role, User
from enlace.core.models import Document, Visibility
from tests.factories.directory import PASSWORD

R, N, P = Visibility.RESTRICTED, Visibility.NETWORK, Visibility.PUBLIC
ALL = {R, N, P}
NONE: set = set()
ACTIONS = ["view", "change", "delete", "publish"]
OWNERS = ["CR", "IOM"]


def _outsider(view=frozenset({N, P})):
    """A member of the Network who does not own the record: sees network and public records, changes nothing."""
    return {"view": set(view), "change": NONE, "delete": NONE, "publish": NONE}


OWNER_PEOPLE = {"view": ALL, "change": ALL, "delete": {R}, "publish": NONE}
SECRETARIAT = {"view": ALL, "change": ALL, "delete": ALL, "publish": ALL}
PUBLIC_ONLY = _outsider(view={P})

# persona -> owner of the record -> action -> the visibilities for which the action is allowed.
EXPECTED = {
    "costa_rica_officer": {"CR": OWNER_PEOPLE, "IOM": _outsider()},
    "mexico_officer": {"CR": _outsider(), "IOM": _outsider()},
    "secretariat_staff": {"CR": SECRETARIAT, "IOM": SECRETARIAT},
    "secretariat_admin": {"CR": SECRETARIAT, "IOM": SECRETARIAT},
    "iom_analyst": {"CR": _outsider(), "IOM": OWNER_PEOPLE},
    "rrocm_member": {"CR": _outsider(), "IOM": _outsider()},
    "anonymous_visitor": {"CR": PUBLIC_ONLY, "IOM": PUBLIC_ONLY},
    # A Costa Rica officer whose account was deactivated, and a Costa Rica person without a role yet.
    "deactivated_officer": {"CR": PUBLIC_ONLY, "IOM": PUBLIC_ONLY},
    "person_without_role": {"CR": PUBLIC_ONLY, "IOM": PUBLIC_ONLY},
}
PERSONAS = list(EXPECTED)

CHECKS = {
    "view": permissions.can_view,
    "change": permissions.can_change,
    "delete": permissions.can_delete,
    "publish": permissions.can_publish,
}


@pytest.fixture
def deactivated_officer(organizations):
    return User.objects.create_user(
        username="cr.former",
        email="cr.former@example.org",
        password=PASSWORD,
        organization=organizations["CR"],
        role=Role.LIAISON_OFFICER,
        is_active=False,
    )


@pytest.fixture
def person_without_role(organizations):
    return User.objects.create_user(
        username="cr.norole",
        email="cr.norole@example.org",
        password=PASSWORD,
        organization=organizations["CR"],
        role="",
    )


def _document(organizations, owner, visibility):
    return Document.objects.create(
        title=f"{owner} {visibility}", owner=organizations[owner], visibility=visibility
    )


@pytest.fixture
def documents(organizations):
    """One document per owner and visibility: (owner, visibility) -> Document."""
    return {(owner, v): _document(organizations, owner, v) for owner in OWNERS for v in (R, N, P)}


def test_the_table_covers_every_persona_owner_and_action():
    for persona, by_owner in EXPECTED.items():
        assert set(by_owner) == set(OWNERS), persona
        for owner, by_action in by_owner.items():
            assert set(by_action) == set(ACTIONS), (persona, owner)
            assert all(v <= ALL for v in by_action.values()), (persona, owner)


@pytest.mark.parametrize("owner", OWNERS)
@pytest.mark.parametrize("visibility", [R, N, P])
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_permission(persona, action, visibility, owner, organizations, request):
    name = request.node.callspec.params["persona"]
    record = _document(organizations, owner, visibility)
    expected = visibility in EXPECTED[name][owner][action]
    assert CHECKS[action](persona, record) is expected


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_visible_to_agrees_with_the_table_and_can_view(persona, documents, request):
    name = request.node.callspec.params["persona"]
    expected = {doc.pk for (owner, v), doc in documents.items() if v in EXPECTED[name][owner]["view"]}
    filtered = set(permissions.visible_to(persona, Document.objects.all()).values_list("pk", flat=True))
    by_q = set(Document.objects.filter(permissions.visible_q(persona)).values_list("pk", flat=True))
    by_can_view = {doc.pk for doc in documents.values() if permissions.can_view(persona, doc)}
    assert filtered == by_q == by_can_view == expected


@pytest.mark.parametrize("action", ["view", "change", "delete"])
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_get_for_user_gives_404_to_outsiders(persona, action, documents, request):
    """get_for_user answers the record when the user may see it (and may act on it), 404 otherwise."""
    name = request.node.callspec.params["persona"]
    for (owner, visibility), doc in documents.items():
        allowed = visibility in EXPECTED[name][owner]["view"] and visibility in EXPECTED[name][owner][action]
        if allowed:
            assert permissions.get_for_user(Document.objects.all(), persona, action=action, pk=doc.pk) == doc
        else:
            with pytest.raises(Http404):
                permissions.get_for_user(Document.objects.all(), persona, action=action, pk=doc.pk)


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_get_for_user_gives_404_for_a_missing_record(persona, db):
    with pytest.raises(Http404):
        permissions.get_for_user(Document.objects.all(), persona, pk=999_999)


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_allowed_visibilities_offer_public_to_the_secretariat_only(persona, request):
    name = request.node.callspec.params["persona"]
    may_publish = EXPECTED[name]["CR"]["publish"] == ALL
    expected = [R, N, P] if may_publish else [R, N]
    assert permissions.allowed_visibilities(persona) == expected
