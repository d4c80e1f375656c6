"""trimesh without the optional stacks it does not use at import: networkx, scipy.optimize, scipy.ndimage,
lxml and the numpy submodules scipy's shim touches load on first use instead of with trimesh.

`import trimesh` runs every trimesh submodule, and they import their optional dependencies up front (in
`try:` blocks, for the error message): networkx (~22 MB resident), scipy.optimize (~14 MB), lxml.etree
(~4 MB), scipy.ndimage (~2 MB); and scipy's array-API shim touches every attribute of numpy, which
imports numpy.f2py, numpy.testing... (~9 MB). The window's open model, its builds and the idle app use
none of them, yet all stayed resident (bench_desktop: "idle RSS, one project open").

While trimesh's own import runs, and only on the thread running it, each module named in DEFERRED is
bound as a stand-in: a module object whose first real attribute access imports the real module and
forwards to it. Once trimesh is imported the stand-ins leave sys.modules (and their parent package), so
any later `import networkx` anywhere is the real one; only trimesh's globals keep the stand-ins, which
load the real module when a trimesh function first uses it (`nx.Graph()`, `optimize.minimize`...).

`from networkx import Graph` cannot be deferred by a module alone: the names trimesh imports that way
are listed in DEFERRED, and are bound as `_Name` proxies (called, attribute access, isinstance), each
checked by hand to be used only so (Graph: a return annotation; leastsq: called). A name not listed
simply loads the real module at that import, so a new trimesh release costs memory, never correctness.
Dunder look-ups (the import system's and inspect's, e.g. `__path__`, `__wrapped__`) do not load.
tests/desktop/test_startup.py asserts that the idle window holds none of these modules."""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import threading
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

TRIGGER = "trimesh"
DEFERRED: dict[str, tuple[str, ...]] = {
    "networkx": ("Graph",),  # trimesh.base: `-> Graph` annotation only
    "scipy.optimize": ("leastsq",),  # trimesh.nsphere: called in fit_nsphere
    "lxml.etree": (),  # trimesh.path.exchange.svg_io
    "scipy.ndimage": (),  # trimesh.voxel.morphology
    # scipy's array_api_compat clones numpy with `hasattr(numpy, name)` for every name, importing these
    # (numpy.random and numpy.fft are not here: trimesh.typed and that clone's `import *` use them for real)
    "numpy.f2py": (),
    "numpy.testing": (),
    "numpy.polynomial": (),
    "numpy.char": (),
}
_LOAD_DUNDERS = frozenset({"__all__", "__version__"})  # asked by code that means the real module


class _Name:
    """A name from-imported out of a deferred module: the real object once it is used."""

    def __init__(self, module: _StandIn, name: str) -> None:
        self._deferred_module = module
        self._deferred_name = name

    def _deferred_target(self) -> Any:
        return getattr(self._deferred_module._deferred_load(), self._deferred_name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._deferred_target()(*args, **kwargs)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._deferred_target(), attr)

    def __instancecheck__(self, obj: object) -> bool:
        return isinstance(obj, self._deferred_target())

    def __subclasscheck__(self, cls: type) -> bool:
        return issubclass(cls, self._deferred_target())

    def __repr__(self) -> str:
        return f"<deferred {self._deferred_module.__name__}.{self._deferred_name}>"


class _StandIn(types.ModuleType):
    """Stands for a module until an attribute of it is used; then the real module is imported and every
    attribute comes from it."""

    def __init__(self, name: str, names: Sequence[str], finder: DeferringFinder) -> None:
        super().__init__(name)
        self._deferred_names = tuple(names)
        self._deferred_finder = finder
        self._deferred_real: types.ModuleType | None = None
        self._deferred_lock = threading.RLock()

    def _deferred_load(self) -> types.ModuleType:
        with self._deferred_lock:
            if self._deferred_real is None:
                self._deferred_finder.loaded.add(self.__name__)
                if sys.modules.get(self.__name__) is self:  # first used while trimesh is still importing
                    del sys.modules[self.__name__]
                self._deferred_real = importlib.import_module(self.__name__)
            return self._deferred_real

    def __getattr__(self, attr: str) -> Any:
        if self._deferred_real is None:
            if attr.startswith("__") and attr.endswith("__") and attr not in _LOAD_DUNDERS:
                raise AttributeError(attr)
            if attr in self._deferred_names:
                return _Name(self, attr)
        return getattr(self._deferred_load(), attr)

    def __dir__(self) -> list[str]:
        return dir(self._deferred_load())


class _StandInLoader(importlib.abc.Loader):
    def __init__(self, names: Sequence[str], finder: DeferringFinder) -> None:
        self.names = names
        self.finder = finder

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _StandIn(spec.name, self.names, self.finder)

    def exec_module(self, module: types.ModuleType) -> None:
        pass  # nothing runs until the stand-in is used


class _Loaded(importlib.abc.Loader):
    """A submodule that loading its stand-in parent already imported: hand back that very module."""

    def __init__(self, module: types.ModuleType) -> None:
        self.module = module
        self.spec = module.__spec__

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return self.module

    def exec_module(self, module: types.ModuleType) -> None:
        module.__spec__ = self.spec  # the import system set ours on it


class _Triggering(importlib.abc.Loader):
    """trimesh's own loader, run with the finder's deferral window open."""

    def __init__(self, loader: importlib.abc.Loader, finder: DeferringFinder) -> None:
        self.loader = loader
        self.finder = finder

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        try:
            with self.finder.window():
                self.loader.exec_module(module)
        finally:  # the real loader again (importlib.resources, reload)
            module.__loader__ = self.loader
            if module.__spec__ is not None:
                module.__spec__.loader = self.loader


class DeferringFinder(importlib.abc.MetaPathFinder):
    def __init__(self, trigger: str, deferred: dict[str, tuple[str, ...]]) -> None:
        self.trigger = trigger
        self.deferred = deferred
        self.loaded: set[str] = set()  # deferred modules the real import of which has begun
        self.triggered = False
        self._thread: int | None = None

    def _real_spec(self, name: str, path: Sequence[str] | None,
                   target: types.ModuleType | None) -> importlib.machinery.ModuleSpec | None:
        for finder in sys.meta_path:
            if finder is not self and hasattr(finder, "find_spec"):
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    return spec
        return None

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if name == self.trigger and not self.triggered:
            self.triggered = True
            spec = self._real_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _Triggering(spec.loader, self)
            return spec
        if self._thread != threading.get_ident():
            return None
        parent = sys.modules.get(name.rpartition(".")[0])
        if isinstance(parent, _StandIn):  # a submodule of a deferred package: the package is needed after all
            parent._deferred_load()
            loaded = sys.modules.get(name)
            return importlib.machinery.ModuleSpec(name, _Loaded(loaded)) if loaded is not None else None
        if name not in self.deferred or name in self.loaded:
            return None
        real = self._real_spec(name, path, target)
        if real is None:
            return None  # not installed: trimesh's own ImportError handling, as without us
        spec = importlib.machinery.ModuleSpec(name, _StandInLoader(self.deferred[name], self), origin=real.origin,
                                              is_package=real.submodule_search_locations is not None)
        if real.submodule_search_locations is not None:  # a package: its submodules are found (see above)
            spec.submodule_search_locations = list(real.submodule_search_locations)
        return spec

    @contextmanager
    def window(self) -> Iterator[None]:
        self._thread = threading.get_ident()
        try:
            yield
        finally:
            self._thread = None
            for name in self.deferred:
                module = sys.modules.get(name)
                if isinstance(module, _StandIn):
                    del sys.modules[name]
                    parent_name, _, child = name.rpartition(".")
                    parent = sys.modules.get(parent_name)
                    if parent is not None and parent.__dict__.get(child) is module:
                        delattr(parent, child)  # `scipy.optimize` is the real one when next asked for


def install(trigger: str = TRIGGER, deferred: dict[str, tuple[str, ...]] | None = None) -> DeferringFinder:
    """Once per process, before `trigger` is first imported (a no-op if it already was)."""
    for finder in sys.meta_path:
        if isinstance(finder, DeferringFinder) and finder.trigger == trigger:
            return finder
    finder = DeferringFinder(trigger, DEFERRED if deferred is None else deferred)
    finder.triggered = trigger in sys.modules
    sys.meta_path.insert(0, finder)
    return finder
