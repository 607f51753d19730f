"""A new module from the skeleton in scaffold/module/ (see its README): the files written with the module's names,
and the lines that wire it into the settings, the URLs, the API router and the bench."""

import keyword
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SKELETON = Path(__file__).resolve().parents[2] / "scaffold" / "module"
APP_NAME = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
MODEL_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")


class ScaffoldError(ValueError):
    pass


@dataclass(frozen=True)
class Names:
    app: str
    model: str
    verbose: str
    verbose_plural: str

    def replacements(self) -> dict[str, str]:
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", self.model).lower()
        # Longest placeholders first: __Verbose_plural__ before __Verbose__, __models__ before __model__.
        return {
            "__Verbose_plural__": self.verbose_plural[:1].upper() + self.verbose_plural[1:],
            "__verbose_plural__": self.verbose_plural,
            "__Verbose__": self.verbose[:1].upper() + self.verbose[1:],
            "__verbose__": self.verbose,
            "__Model__": self.model,
            "__models__": f"{snake}s" if not snake.endswith("s") else f"{snake}es",
            "__model__": snake,
            "__app__": self.app,
        }


def fill(text: str, names: Names) -> str:
    for placeholder, value in names.replacements().items():
        text = text.replace(placeholder, value)
    return text


def check_names(names: Names, root: Path) -> None:
    if not APP_NAME.match(names.app) or keyword.iskeyword(names.app):
        raise ScaffoldError(
            f"{names.app!r} is not a valid app name (lower case letters, digits, underscores)."
        )
    if not MODEL_NAME.match(names.model):
        raise ScaffoldError(f"{names.model!r} is not a valid model name (CamelCase).")
    for folder in (root / "enlace" / names.app, root / "tests" / names.app, factories_path(names, root)):
        if folder.exists():
            raise ScaffoldError(f"{folder} exists already.")


def factories_path(names: Names, root: Path) -> Path:
    """Builders live with the other apps' in tests/factories/, where every test module takes them from."""
    return root / "tests" / "factories" / f"{names.app}.py"


def planned_files(names: Names, root: Path) -> dict[Path, str]:
    """Target path -> content, for the app, its tests and its test builders (nothing written yet)."""
    files = {factories_path(names, root): fill((SKELETON / "factories.py-tpl").read_text(), names)}
    for source in sorted(SKELETON.rglob("*")):
        relative = source.relative_to(SKELETON)
        if source.is_dir() or relative.parts[0] not in ("app", "tests"):
            continue
        parts = list(relative.parts)
        if parts[0] == "app":
            parts[0:1] = ["enlace", names.app]
            if parts[2] == "templates":
                parts.insert(3, names.app)  # templates/<app>/..., as Django's app loader expects
        else:
            parts[0:1] = ["tests", names.app]
        target = Path(root, *(fill(part, names) for part in parts))
        files[target.with_name(target.name.removesuffix("-tpl"))] = fill(source.read_text(), names)
    return files


def _insert(path: Path, anchor: str, text: str, *, after: bool = False) -> None:
    """Insert text on the line before (or after) the first line that is exactly the anchor."""
    lines = path.read_text().splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.rstrip("\n") == anchor:
            lines.insert(index + 1 if after else index, text)
            path.write_text("".join(lines))
            return
    raise ScaffoldError(f"{path}: no line {anchor!r} to wire the module in; add it by hand.")


def wire(names: Names, root: Path) -> list[str]:
    """The module in INSTALLED_APPS, its URLs, its API endpoint and its bench cases. Returns what changed."""
    app, model = names.app, names.model
    plural = names.replacements()["__models__"]
    _insert(root / "config" / "settings.py", '    "enlace.home",', f'    "enlace.{app}",\n')
    _insert(
        root / "config" / "urls.py",
        '    path("api/v1/", include("enlace.api.urls")),',
        f'    path("{app}/", include("enlace.{app}.urls")),\n',
    )
    api_urls = root / "enlace" / "api" / "urls.py"
    _insert(
        api_urls, "from enlace.api import views", f"from enlace.{app}.api import {model}ViewSet\n", after=True
    )
    _insert(api_urls, "urlpatterns = [", f'router.register("{app}", {model}ViewSet, basename="{plural}")\n\n')
    _insert(
        root / "bench" / "dataset.py",
        "def main() -> int:",
        fill((SKELETON / "bench_builder.py-tpl").read_text(), names),
    )
    cases = root / "bench" / "cases.py"
    text = cases.read_text()
    start = text.index("PAGES = [")
    end = text.index("\n]\n", start)
    cases.write_text(
        text[: end + 1] + fill((SKELETON / "bench_case.py-tpl").read_text(), names) + text[end + 1 :]
    )
    return [
        "config/settings.py",
        "config/urls.py",
        "enlace/api/urls.py",
        "bench/dataset.py",
        "bench/cases.py",
    ]


def start_module(names: Names, root: Path, *, wire_in: bool = True) -> list[Path]:
    check_names(names, root)
    files = planned_files(names, root)
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    wired = [root / path for path in wire(names, root)] if wire_in else []
    tidy([*files, *wired])
    return sorted(files)


def tidy(paths) -> None:
    """Imports sorted and code formatted as the project's ruff settings say (the app's name decides the order)."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    py_files = [str(p) for p in paths if p.suffix == ".py" or p.is_dir()]
    if Path(ruff).exists() and py_files:
        subprocess.run([ruff, "check", "--fix", "--select", "I", "--quiet", *py_files], check=False)
        subprocess.run([ruff, "format", "--quiet", *py_files], check=False)
