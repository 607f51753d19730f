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
