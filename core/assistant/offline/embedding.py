"""How near an object's name is to each template, by a word-embedding model that ships inside its wheel.

WordLlama's default model (l2_supercat, 256 dimensions: 16 MB of token vectors and a tokenizer json) lives
in the `wordllama` wheel itself, so nothing is downloaded. Its loader would still fetch from Hugging Face
what it does not find, and it looks for the tokenizer under `wordllama/tokenizer/` while the wheel has it
under `wordllama/tokenizers/`; so it is pointed at the package directory as its cache (where both files
are found) and told never to download: a missing file is an error, never a network call.

The model is loaded on first use only — the first request for an object the library lacks, which the
desktop runs on its assistant worker — so the app's start-up and idle memory do not carry it. Template
vectors are computed in memory on that same first use: embedding the whole library's names takes ~0.03 s
against ~1 s to load the model (bench/RESULTS.md, issue 13), so a disk cache of them would save nothing.

If the package cannot be imported or its files are missing, `Embeddings.load` returns None, says why in
the log, and the caller keeps its lexical ranking.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from core.templates.base import TemplateSpec

log = logging.getLogger(__name__)

MODEL = "l2_supercat"
DIMENSIONS = 256

_lock = threading.Lock()
_loaded: list[Embeddings | None] = []  # [] until the first load; then [model] or [None] when unavailable


def names(spec: TemplateSpec) -> list[str]:
    """The phrases a template is known by, in English and Brazilian Portuguese."""
    return [spec.title, spec.title_pt, *spec.synonyms_en, *spec.synonyms_pt]


@dataclass
class Embeddings:
    """The loaded model and the vectors of the templates it has seen (by template id)."""

    model: Any
    _templates: dict[str, npt.NDArray[np.float32]]

    @classmethod
    def load(cls) -> Embeddings | None:
        """The shared model, loaded once (thread-safe); None, logged, when the package is unavailable."""
        with _lock:
            if not _loaded:
                _loaded.append(_load())
            return _loaded[0]

    def vectors(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Unit vectors, one row per text."""
        return np.asarray(self.model.embed(list(texts), norm=True), dtype=np.float32)

    def ranking(self, phrase: str, specs: Iterable[TemplateSpec]) -> list[tuple[float, TemplateSpec]]:
        """Templates by cosine similarity of the phrase to the nearest of their names, best first."""
        query = self.vectors([phrase])[0]
        scored = []
        for spec in specs:
            if spec.id not in self._templates:
                self._templates[spec.id] = self.vectors(names(spec))
            scored.append((float(np.max(self._templates[spec.id] @ query)), spec))
        return sorted(scored, key=lambda pair: (-pair[0], pair[1].id))


def _load() -> Embeddings | None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as exc:
        log.warning("the embedding model is unavailable (%s); the closest template is chosen by shared words", exc)
        return None
    finally:  # wordllama calls logging.basicConfig at import: the application's logging is not its to set
        root.handlers[:], root.level = handlers, level
    try:
        model = WordLlama.load(config=MODEL, dim=DIMENSIONS, cache_dir=Path(wordllama.__file__).parent,
                               disable_download=True)
    except (OSError, ValueError) as exc:
        log.warning("the embedding model did not load (%s); the closest template is chosen by shared words", exc)
        return None
    log.info("embedding model %s-%d loaded from the wordllama %s wheel", MODEL, DIMENSIONS, wordllama.__version__)
    return Embeddings(model, {})
