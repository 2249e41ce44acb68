"""The demo region: a fictional wellbeing services county with its
municipalities, family centre and some 190 services (see docs/demo-region.md).

Other apps join the demo through a ``demo`` module of their own
(``perhekeskus.<app>.demo``) defining either or both of:

* ``load_demo()`` – run after the region is loaded (e.g. demo users),
* ``demo_sign_ins()`` – ``[(username, description), …]`` to print on start
  (descriptions translatable, lazily).
"""

import importlib
import importlib.util
from collections.abc import Callable
from types import ModuleType

from django.apps import apps
from django.utils.functional import Promise

from .loader import LoadSummary, demo_region_loaded, load_demo_region

__all__ = [
    "LoadSummary",
    "demo_region_loaded",
    "demo_sign_ins",
    "load_demo_extensions",
    "load_demo_region",
]


def _demo_modules() -> list[ModuleType]:
    modules = []
    project = __package__.split(".", 1)[0]
    own_app = __package__.rsplit(".", 1)[0]
    for config in apps.get_app_configs():
        if not config.name.startswith(f"{project}.") or config.name == own_app:
            continue
        name = f"{config.name}.demo"
        if importlib.util.find_spec(name) is not None:
            modules.append(importlib.import_module(name))
    return modules


def _hooks(name: str) -> list[Callable]:
    return [hook for m in _demo_modules() if callable(hook := getattr(m, name, None))]


def load_demo_extensions() -> None:
    """Let other apps add their part of the demo (after the region exists)."""
    for hook in _hooks("load_demo"):
        hook()


def demo_sign_ins() -> list[tuple[str, str | Promise]]:
    """The demo sign-ins ``(username, description)`` other apps offer; a
    description may be lazy (``gettext_lazy``), so that it is read in the
    language active when it is printed."""
    return [pair for hook in _hooks("demo_sign_ins") for pair in hook()]
