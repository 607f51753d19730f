"""Property: no query string makes a list page or an API list answer 5xx, and every API answer matches its schema.

Pages and endpoints are discovered, not listed: every page of the URL conf that takes no argument (and the
exports, whose only argument is the format), every list endpoint the API router registers. Parameter names are
discovered too: from each page's GET forms and links (with the values its choices offer), and from the OpenAPI
schema for the API. Hypothesis then writes query strings from those names and hostile values (other scripts'
digits, years like 9999, huge numbers, any Unicode) as the secretariat administrator and as a visitor.
"""

import html
import re
import time
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from enlace.api.urls import router
from tests.conftest import client_for
from tests.factories.meetings import make_meeting

pytestmark = pytest.mark.django_db

EXAMPLES_PER_LIST_PAGE = 40  # a page whose forms or links show parameters
EXAMPLES_PER_PAGE = 6  # any other page, with the parameters of all of them
EXAMPLES_PER_ENDPOINT = 40
FORMATS = ("csv", "xlsx")  # the exports' one argument
HOSTILE = [
    "",
    "0",
    "-1",
    "²",
    "²²²²",
    "٣",
    "１２",
    "99999999999999999999999",
    "1e9",
    "NaN",
    " 1 ",
    "9999-12-31",
    "0001-01-01",
    "2016-02-30",
    "STATES",
    "%00",
    "'; DROP TABLE meetings_meeting; --",
    "<script>alert(1)</script>",
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    # Digits of every script, superscripts, fractions: str.isdigit() says yes to many that int() refuses.
    st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=4),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.dates().map(lambda day: day.isoformat()),
    st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30),
)


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def discovered_pages() -> list[str]:
    """Every page path without arguments, and the exports in each format; the API is tested apart."""
    pages = []
    for route in _walk(get_resolver().url_patterns):
        if route.startswith("api/"):
            continue
        arguments = re.findall(r"<(?:\w+:)?(\w+)>", route)
        if not arguments:
            pages.append("/" + route)
        elif set(arguments) == {"fmt"}:
            pages += ["/" + re.sub(r"<(?:\w+:)?fmt>", fmt, route) for fmt in FORMATS]
    return pages


def discovered_list_endpoints() -> list[str]:
    return [reverse(f"{basename}-list") for _prefix, _viewset, basename in router.registry]


_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_FIELD = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"", re.I)
_SELECT = re.compile(r"<select\b[^>]*\bname=\"([^\"]+)\"[^>]*>(.*?)</select>", re.S | re.I)
_OPTION = re.compile(r"<option\b[^>]*\bvalue=\"([^\"]*)\"", re.I)
_HREF = re.compile(r"href=\"([^\"]*\?[^\"]*)\"", re.I)


def parameters_of(page_html: str) -> dict[str, set[str]]:
    """Names a page reads from its query string, with the values its choices and links offer."""
    names: dict[str, set[str]] = {}
    for attributes, body in _FORM.findall(page_html):
        method = re.search(r"method=\"(\w+)\"", attributes, re.I)
        if method and method.group(1).lower() != "get":
            continue
        for name in _FIELD.findall(body):
            names.setdefault(html.unescape(name), set())
        for name, options in _SELECT.findall(body):
            names.setdefault(html.unescape(name), set()).update(
                html.unescape(v) for v in _OPTION.findall(options)
            )
    for href in _HREF.findall(page_html):
        for name, value in parse_qsl(urlsplit(html.unescape(href)).query, keep_blank_values=True):
            names.setdefault(name, set()).add(value)
    names.pop("csrfmiddlewaretoken", None)
    return names


def query_strategy(names: dict[str, set[str]]):
    def values_for(name):
        known = sorted(names.get(name, ()))
        return st.one_of(st.sampled_from(known), VALUES) if known else VALUES

    keys = sorted(names)
    return st.lists(st.sampled_from(keys), max_size=5, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries({key: values_for(key) for key in chosen})
    )


def bounded(max_examples):
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )


# Tried first with every parameter name, alone: values that broke Enlace once, so no run can miss them.
SENTINELS = ["²", "²²²²", "٣", "99999999999999999999999", "9999-12-31", "-1"]


def with_sentinels(test, names):
    for name in sorted(names):
        for value in SENTINELS:
            test = example(query={name: value})(test)
    return test


def fuzz_page(client, page, names, examples, tally, *, sentinels: bool):
    @bounded(examples)
    @given(query=query_strategy(names))
    def check(query):
        response = client.get(page, query)
        tally["cases"] += 1
        assert response.status_code < 500, (page, query)

    (with_sentinels(check, names) if sentinels else check)()


API_CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def fuzz_endpoint(operation, cookies, names, tally):
    @bounded(EXAMPLES_PER_ENDPOINT)
    @given(query=query_strategy(names))
    def check(query):
        case = operation.Case(query=query)
        response = case.call(cookies=cookies)
        tally["cases"] += 1
        case.validate_response(response, checks=API_CHECKS)

    with_sentinels(check, names)()


@pytest.fixture
def records(organizations, costa_rica_officer):
    make_meeting()
    make_meeting(title="Reunión de seguimiento")


def test_no_query_string_makes_a_page_answer_5xx(records, secretariat_admin, capsys):
    pages = discovered_pages()
    assert {
        "/meetings/",
        "/follow-up/",
        "/directory/people/",
        "/follow-up/export.csv",
    } <= set(pages)
    clients = {"administrator": client_for(secretariat_admin), "visitor": client_for(None)}
    # Each page's own parameters, and all of them for the pages that show none (exports read the filters of the
    # page that links to them; a page may read a parameter that only another page's form shows).
    own: dict[str, dict[str, set[str]]] = {}
    vocabulary: dict[str, set[str]] = {"page": {"1", "2"}}
    for page in pages:
        response = clients["administrator"].get(page)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            own[page] = parameters_of(response.content.decode())
            for name, values in own[page].items():
                vocabulary.setdefault(name, set()).update(values)
    assert {"year", "body", "q", "organization", "status", "due_from", "meeting", "role"} <= set(vocabulary)
    tally = {"cases": 0}
    started = time.monotonic()
    for page in pages:
        names = {**own[page], "page": {"1", "2"}} if own.get(page) else vocabulary
        is_list = bool(own.get(page)) or page.endswith(FORMATS)
        for caller, client in clients.items():
            examples = EXAMPLES_PER_LIST_PAGE if own.get(page) else EXAMPLES_PER_PAGE
            # The sentinels on every list page and export, as the caller who reaches them all.
            fuzz_page(client, page, names, examples, tally, sentinels=is_list and caller == "administrator")
    with capsys.disabled():
        print(
            f"\nhypothesis, pages: {tally['cases']} query strings over {len(pages)} pages "
            f"({sum(1 for page in pages if own.get(page))} with parameters of their own) and 2 callers "
            f"({len(vocabulary)} parameter names) in {time.monotonic() - started:.1f} s, no 5xx"
        )


def test_no_query_string_makes_an_api_list_answer_5xx_or_leave_its_schema(
    api_schema,
    records,
    secretariat_staff,
    capsys,
):
    endpoints = discovered_list_endpoints()
    assert len(endpoints) == len(router.registry) >= 4
    session = {"sessionid": client_for(secretariat_staff).cookies["sessionid"].value}
    tally = {"cases": 0}
    started = time.monotonic()
    for endpoint in endpoints:
        operation = api_schema[endpoint]["GET"]
        names = {parameter.name: set() for parameter in operation.query}
        names.setdefault("limit", set()).update({"1", "500", "501"})
        names.setdefault("offset", set()).update({"0", "1000000000"})
        for cookies in (session, {}):
            fuzz_endpoint(operation, cookies, names, tally)
    with capsys.disabled():
        print(
            f"\nhypothesis, API: {tally['cases']} query strings over {len(endpoints)} list endpoints and 2 callers "
            f"in {time.monotonic() - started:.1f} s, no 5xx, every answer as the schema says"
        )
