"""The shape of the house: dependencies run one way (followup -> meetings <- imports), and core, which every app
builds on, imports no feature app (a feature that plugs into shared pages registers itself, enlace.core.registry)."""

import ast
from pathlib import Path

import pytest

ENLACE = Path(__file__).resolve().parents[2] / "enlace"
FEATURE_APPS = ("meetings", "followup", "imports", "home")


def imported_modules(app: str, root: Path = ENLACE) -> dict[str, set[str]]:
    """Every enlace module each file of the app imports, at the top or inside a function."""
    found: dict[str, set[str]] = {}
    for path in (root / app).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve inside the app
                    package = path.relative_to(root.parent).with_suffix("").parts[: -node.level]
                    names.add(".".join([*package, node.module] if node.module else package))
                elif node.module:
                    names.add(node.module)
                    names.update(f"{node.module}.{alias.name}" for alias in node.names)
        found[path.relative_to(root.parent).as_posix()] = names
    return found


def offenders(app: str, forbidden: tuple[str, ...], root: Path = ENLACE) -> list[str]:
    return sorted(
        f"{path} imports {name}"
        for path, names in imported_modules(app, root).items()
        for name in names
        if any(name == f"enlace.{other}" or name.startswith(f"enlace.{other}.") for other in forbidden)
    )


def test_core_imports_no_feature_app():
    assert offenders("core", FEATURE_APPS) == []


def test_meetings_imports_neither_followup_nor_imports_nor_home():
    assert offenders("meetings", ("followup", "imports", "home")) == []


@pytest.mark.parametrize("app", ["followup", "imports"])
def test_followup_and_imports_build_on_meetings_and_not_on_each_other(app):
    other = "imports" if app == "followup" else "followup"
    assert offenders(app, (other, "home")) == []
    assert any(
        name.startswith("enlace.meetings") for names in imported_modules(app).values() for name in names
    ), f"{app} is expected to build on meetings"


def test_the_walk_sees_a_forbidden_import_even_inside_a_function(tmp_path):
    core = tmp_path / "enlace" / "core"
    core.mkdir(parents=True)
    (core / "leak.py").write_text("def f():\n    from enlace.meetings import selectors\n")
    (core / "fine.py").write_text("from enlace.core.registry import home_panels\n")
    assert offenders("core", FEATURE_APPS, root=tmp_path / "enlace") == [
        "enlace/core/leak.py imports enlace.meetings",
        "enlace/core/leak.py imports enlace.meetings.selectors",
    ]


# --- one way to fetch, one way to name the actor -------------------------------------------------------------

PAGE_AND_API_MODULES = [
    path
    for path in ENLACE.rglob("*.py")
    if path.name in ("views.py", "api.py") or path.parent.name == "views"
]
WRITE_SERVICE_MODULES = [
    *ENLACE.glob("*/services.py"),
    ENLACE / "meetings" / "documents.py",
    ENLACE / "followup" / "evidence.py",
    ENLACE / "imports" / "importing.py",
]


def direct_fetches(path: Path) -> list[str]:
    """Calls that fetch one record around the permission helpers: get_object_or_404(...) and X.objects.get(...)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("get_object_or_404", "get_list_or_404"):
            found.append(f"{path.name}:{node.lineno} {func.id}")
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "get"
            and isinstance(func.value, ast.Attribute)
            and func.value.attr == "objects"
        ):
            found.append(f"{path.name}:{node.lineno} objects.get")
    return found


def test_pages_and_api_fetch_records_through_the_get_for_user_helpers():
    assert len(PAGE_AND_API_MODULES) >= 8
    assert [hit for path in PAGE_AND_API_MODULES for hit in direct_fetches(path)] == []


def test_the_fetch_check_sees_a_direct_fetch(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text(
        "def v(request, pk):\n    return Meeting.objects.get(pk=pk), get_object_or_404(X, pk=pk)\n"
    )
    assert len(direct_fetches(sample)) == 2


OTHER_NAMES_FOR_THE_ACTOR = {"changed_by", "created_by", "deleted_by", "invited_by", "by", "author", "editor"}


def test_write_services_name_the_acting_person_actor():
    odd = []
    for path in WRITE_SERVICE_MODULES:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                params = {a.arg for a in node.args.args + node.args.kwonlyargs}
                odd += [f"{path.name}:{node.name}({name})" for name in params & OTHER_NAMES_FOR_THE_ACTOR]
    assert odd == []


TESTS = ENLACE.parent / "tests"


def borrowed_test_helpers(root: Path = TESTS) -> list[str]:
    """Imports of one test folder's helpers by another: builders belong in tests/factories, shared fixtures and
    client helpers in tests/conftest.py; a folder's own helpers (seed drafts, hostile files) stay its own."""
    found = []
    for path in root.rglob("*.py"):
        folder = path.parent.relative_to(root.parent).as_posix().replace("/", ".")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module if isinstance(node, ast.ImportFrom) and not node.level else None
            if not module or not module.startswith("tests."):
                continue
            shared = module in ("tests.conftest", "tests.factories") or module.startswith("tests.factories.")
            if not shared and not module.startswith(f"{folder}."):
                found.append(f"{path.relative_to(root.parent)} imports {module}")
    return sorted(found)


def test_tests_take_builders_from_factories_not_from_each_other():
    assert borrowed_test_helpers() == []


def test_the_helper_check_sees_a_borrowed_builder(tmp_path):
    (tmp_path / "tests" / "followup").mkdir(parents=True)
    (tmp_path / "tests" / "followup" / "test_x.py").write_text(
        "from tests.meetings.factories import make_meeting\n"
    )
    (tmp_path / "tests" / "followup" / "test_y.py").write_text(
        "from tests.factories.meetings import make_meeting\n"
    )
    assert borrowed_test_helpers(tmp_path / "tests") == [
        "tests/followup/test_x.py imports tests.meetings.factories"
    ]
