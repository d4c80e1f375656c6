"""The Qt application: a thin view layer over core, printers and sync_client."""

import sys

from desktop import deferred_imports

# pyvista imports mypy's compiled plugin whenever mypy is installed (pyvista/typing/mypy_plugin.py), so in a
# developer's venv every start paid ~25 MB of resident memory and ~15 ms for a type checker the app never runs.
# A None entry makes importlib.util.find_spec("mypy") answer "not installed" in this process only.
sys.modules.setdefault("mypy", None)  # type: ignore[arg-type]

# trimesh's import pulls networkx, scipy.optimize, lxml and numpy submodules (~50 MB) the app only needs for
# some later actions: they load when first used (desktop/deferred_imports.py).
deferred_imports.install()
