"""Geometry: node tree → manifold solids (cached), mesh files, printability."""
