"""What feature apps plug into the shared pages, registered in each app's AppConfig.ready() (as history kinds are,
see enlace.core.history): the panels of the landing and home pages, and the loaders of the demo data. Core reads
these lists and imports no feature app."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomePanel:
    key: str
    template: str
    context: Callable  # (user) -> dict, or None when the panel is not for this user
    order: int = 100
    page: str = "home"  # "home" (signed in) or "landing" (the public page)


@dataclass(frozen=True)
class DemoLoader:
    key: str
    load: Callable  # (stdout) -> None; idempotent: a second run leaves loaded data as it is
    order: int = 100


_PANELS: dict[str, HomePanel] = {}
_DEMO_LOADERS: dict[str, DemoLoader] = {}


def register_home_panel(key: str, *, template: str, context: Callable, order: int = 100, page="home") -> None:
    _PANELS[f"{page}:{key}"] = HomePanel(key=key, template=template, context=context, order=order, page=page)


def register_demo_loader(key: str, load: Callable, *, order: int = 100) -> None:
    _DEMO_LOADERS[key] = DemoLoader(key=key, load=load, order=order)


def home_panels(page: str = "home") -> list[HomePanel]:
    return sorted((p for p in _PANELS.values() if p.page == page), key=lambda p: (p.order, p.key))


def demo_loaders() -> list[DemoLoader]:
    return sorted(_DEMO_LOADERS.values(), key=lambda loader: (loader.order, loader.key))
