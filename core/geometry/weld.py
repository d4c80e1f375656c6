"""Joining a triangle soup into an indexed mesh: the corners at exactly the same position become one vertex.

An STL stores every triangle with its own three corners, so a closed model arrives as a "soup" that
can be drawn at once but knows nothing of which triangles touch. Watertightness, bodies, volume,
booleans and 3MF/OBJ export need that topology, so they get it from `weld`, once, when first asked
(see `LoadedModel.mesh`); the import itself stops at the checked soup (bench/bench_stl_import.py).

Welding is exact: two corners merge only when their float32 coordinates are bit-for-bit equal after
-0.0 is read as 0.0, never within a tolerance, so a slicer sees the same gaps and joins the file has.
Sorting the 3M corners of a 1M-triangle file costs ~200 ms on our CI cores, so corners are grouped
with a hash table built from numpy scatters instead: every corner writes its index into the slot its
position hashes to, one write per slot survives, and a corner whose position equals the survivor's
joins it. Corners that lost their slot to a different position try again in a fresh table with
another hash; a group of equal corners always shares its slot, so it is decided as a whole. Each
round leaves about 5% of the previous one; whatever is left after the last round (a few dozen
corners normally, everything under a crafted collision attack) is settled by an exact row sort,
which bounds the worst case at O(n log n).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.tasks import NULL_TASK, Task

_MULTIPLIERS = (  # one row per round; odd 64-bit constants (golden ratio, xxHash, murmur3 and splitmix64 finalisers)
    (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9),
    (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0xBF58476D1CE4E5B9),
    (0x94D049BB133111EB, 0xD6E8FEB86659FD93, 0x9E3779B97F4A7C15),
    (0xC2B2AE3D27D4EB4F, 0xFF51AFD7ED558CCD, 0x94D049BB133111EB),
)


@dataclass
class TriangleSoup:
    """The triangles of a file as read (finite float32, three own corners each): enough to draw the model.

    `vertices` and `faces` have the shapes a viewer takes from any mesh; nothing here is welded.
    """

    corners: np.ndarray
    """(n, 3, 3) float32, C-contiguous: triangle, corner, axis."""
    _faces: np.ndarray | None = field(default=None, init=False, repr=False)

    @property
    def vertices(self) -> np.ndarray:
        return self.corners.reshape(-1, 3)

    @property
    def faces(self) -> np.ndarray:
        """Triangle i uses corners 3i, 3i+1, 3i+2; made on first use and kept."""
        if self._faces is None:
            self._faces = np.arange(3 * len(self.corners), dtype=np.int64).reshape(-1, 3)
        return self._faces


def weld(corners: np.ndarray, task: Task = NULL_TASK) -> tuple[np.ndarray, np.ndarray]:
    """(vertices (m, 3) float32, faces (n, 3) int64) of an (n, 3, 3) soup, merging bit-identical corners.

    NaN corners are compared by their bits like any other, so they weld deterministically; callers
    that must refuse them check before (load_mesh does, on the soup).
    """
    count = corners.size // 3
    # Each corner padded to 16 bytes, so that it reads as two uint64 words (the hash input) and as one
    # complex128 (one comparison). Adding 0.0 turns -0.0 into 0.0; with -0.0 gone and a zero padding
    # word, equal complex numbers have equal bits. A NaN corner never equals itself, so it falls
    # through the rounds to the exact sort, which compares bits.
    rows = np.zeros((count, 4), dtype=np.float32)
    packed = np.ascontiguousarray(corners, dtype=np.float32).reshape(-1).view("V12")
    np.copyto(np.ndarray((count,), dtype="V12", buffer=rows, strides=(16,)), packed)  # one copy per corner
    rows += np.float32(0.0)
    words = rows.view(np.uint64)
    whole = rows.view(np.complex128).ravel()
    todo = np.arange(count, dtype=np.int32)  # int32 halves the memory traffic; MAX_TRIANGLES * 3 fits
    owner: np.ndarray | None = None
    lo, hi, mine = words[:, 0], words[:, 1], whole
    for multipliers in _MULTIPLIERS:
        task.check()
        slot, size = _slots(lo, hi, multipliers, len(todo))
        table = np.empty(size, dtype=np.int32)
        table[slot] = todo
        winner = np.take(table, slot)  # np.take: faster than fancy indexing for 1-D gathers
        if owner is None:
            owner = winner  # the first round sees every corner
        else:
            owner[todo] = winner  # final for the corners equal to their winner; the others are redone
        todo = todo[np.take(whole, winner) != mine]
        if len(todo) == 0:
            break
        lo, hi, mine = words[todo, 0], words[todo, 1], whole[todo]
    assert owner is not None  # _MULTIPLIERS is not empty
    if len(todo):
        _, pick, inverse = np.unique(words[todo], axis=0, return_index=True, return_inverse=True)
        owner[todo] = todo[pick][inverse.ravel()]
    is_owner = owner == np.arange(count, dtype=np.int32)
    number = np.cumsum(is_owner, dtype=np.int64) - 1
    return rows[is_owner, :3], number[owner].reshape(-1, 3)


def _slots(lo: np.ndarray, hi: np.ndarray, multipliers: tuple[int, int, int], count: int) -> tuple[np.ndarray, int]:
    """Table slots for `count` corners: the top bits of a multiply-xorshift-multiply hash, a table of at
    least `count` slots (top bits because the low bits of a product only see the low bits of its input)."""
    a, b, c = (np.uint64(m) for m in multipliers)
    bits = max(1, (count - 1).bit_length())
    h = lo * a
    h ^= hi * b
    h ^= h >> np.uint64(32)
    h *= c
    h >>= np.uint64(64 - bits)
    return h.view(np.int64), 1 << bits  # below 2**bits, so the same numbers as signed: no copy

