"""The local paper store: every fetched paper once, under the SHA-256 of its bytes, with
what is known of where it came from (source URL, committee, meeting date).

Layout: `objects/ab/<sha256>/<name>.pdf` keeps the paper's published file name (its stem
becomes the paper's `doc`), and `catalogue.jsonl` has one line per fetch. Files are moved
into place whole and catalogue lines are appended after the file is in place, so a process
killed at any moment leaves at worst a stray temporary file and a torn last line, both
ignored; nothing half-written is ever taken for a paper.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

CATALOGUE = "catalogue.jsonl"


@dataclass(frozen=True)
class StoredPaper:
    sha256: str
    name: str                      # file name as published, e.g. "Item 7 - BCF plan.pdf"
    source_url: str
    committee: str | None = None
    meeting_date: str | None = None  # ISO date of the meeting the paper was published for
    fetched_at: str = ""


class PaperStore:
    def __init__(self, root: str | Path):
        self.root = Path(root)
        (self.root / "objects").mkdir(parents=True, exist_ok=True)
        self._by_url: dict[str, StoredPaper] = {}
        for entry in self._entries():
            self._by_url[entry.source_url] = entry

    @property
    def incoming(self) -> Path:
        """Where downloads are streamed, on the same file system as the objects."""
        folder = self.root / "incoming"
        folder.mkdir(exist_ok=True)
        return folder

    def known(self, url: str) -> StoredPaper | None:
        """The latest paper fetched from `url`, if its file is still in the store."""
        entry = self._by_url.get(url)
        return entry if entry and self.path_of(entry).exists() else None

    def path_of(self, entry: StoredPaper) -> Path:
        return self.root / "objects" / entry.sha256[:2] / entry.sha256 / entry.name

    def add(self, fetched: Path, entry: StoredPaper) -> Path:
        """Move the fetched file into place (or drop it if those bytes are stored already)
        and remember the fetch."""
        target = self.path_of(entry)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            fetched.unlink()
        else:
            os.replace(fetched, target)
        if not entry.fetched_at:
            entry = StoredPaper(**{**asdict(entry), "fetched_at": _now()})
        with open(self.root / CATALOGUE, "a", encoding="utf-8") as catalogue:
            catalogue.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
            catalogue.flush()
            os.fsync(catalogue.fileno())
        self._by_url[entry.source_url] = entry
        return target

    def _entries(self):
        path = self.root / CATALOGUE
        if not path.exists():
            return
        with open(path, encoding="utf-8") as catalogue:
            for line in catalogue:
                try:
                    yield StoredPaper(**json.loads(line))
                except (ValueError, TypeError):
                    continue  # a line torn by a crash mid-append


def safe_name(name: str, fallback: str) -> str:
    """A file name that keeps what the publisher called the paper (spaces, apostrophes,
    accents) but cannot leave its folder: no separators, no control characters."""
    name = unicodedata.normalize("NFC", name).replace("/", " ").replace("\\", " ")
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip(" .")
    stem = Path(name).stem if name.lower().endswith(".pdf") else name
    stem = stem[:150].strip(" .") or fallback
    return f"{stem}.pdf"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
