"""Find the papers to ingest and fingerprint them, so a rerun can tell new files from old."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

CHUNK_BYTES = 1 << 20


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks so a large pack never sits in memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """PDFs named directly or found under named folders, sorted and each listed once.

    Paths come back resolved (absolute, symlinks followed) so the same paper reached
    two ways is ingested once. A folder is searched recursively for any case of ".pdf";
    a file named directly is taken whatever its suffix, because the caller asked for it.
    A missing path is an error rather than a silent skip: a typo should not look like
    "no papers".
    """
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        if path.is_dir():
            candidates = (p for p in path.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file())
        else:
            candidates = [path]
        found.update(candidate.resolve() for candidate in candidates)
    return sorted(found)
