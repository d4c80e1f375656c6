"""Pure-Python domain of 3D Pot Studio: the parametric document, geometry, templates, the design
assistant, the local store and the CLI.

May depend on: numpy, trimesh, manifold3d, SQLAlchemy, httpx, pydantic. Never on Qt, VTK, printers,
sync_client or hub (enforced by import-linter contracts in pyproject.toml).
"""
