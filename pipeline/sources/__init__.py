"""Where papers come from, each kind behind one interface: a source lists its papers as
local files with the SHA-256 of their bytes and the name the warehouse knows them by.

- `folder`:    a local file or folder (`papers/`, `pack.pdf`); the name is the file's path.
- `manifest:`  a text file of URLs, one a line, optionally followed by a tab, the committee,
               a tab and the meeting date (`manifest:urls.txt`).
- `moderngov:` a committee of a ModernGov site (`moderngov:https://democracy.example.gov.uk#Health
               and Wellbeing Board`, or `#153` for its id).

Fetched papers go through the paper store, so each URL is downloaded once; their name in
the warehouse is the URL, so a paper republished at the same URL is a new version of it.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pipeline.paperstore import PaperStore
from pipeline.sources.http import FetchError, HttpClient


@dataclass(frozen=True)
class SourcedPaper:
    file: Path                     # the bytes to parse, on local disk
    sha256: str
    name: str                      # identity in the warehouse: a file path or a source URL
    committee: str | None = None   # as the publishing site names it
    meeting_date: str | None = None


@dataclass(frozen=True)
class Unfetched:
    """A paper a source listed but could not deliver: recorded as that paper's failure."""

    name: str
    kind: str
    reason: str


class Source(Protocol):
    spec: str

    def papers(self) -> Iterator[SourcedPaper | Unfetched]:
        """Every paper of the source; raises FetchError when the source cannot be listed."""


def open_source(spec: str, store: PaperStore | None = None, client: HttpClient | None = None) -> Source:
    """The source a command-line SOURCE names (see the module docstring)."""
    from pipeline.sources.local import FolderSource
    from pipeline.sources.manifest import ManifestSource
    from pipeline.sources.moderngov import ModernGovSource

    kind, _, rest = spec.partition(":")
    if kind in ("manifest", "moderngov"):
        if store is None:
            raise ValueError(f"{spec}: fetching papers needs a paper store (--store)")
        client = client or HttpClient()
        if kind == "manifest":
            return ManifestSource(spec, Path(rest), store, client)
        site, _, committee = rest.partition("#")
        if not site.startswith(("http://", "https://")) or not committee:
            raise ValueError(f"{spec}: expected moderngov:https://SITE#COMMITTEE")
        return ModernGovSource(spec, site.rstrip("/"), committee, store, client)
    return FolderSource(spec)


__all__ = ["FetchError", "HttpClient", "Source", "SourcedPaper", "Unfetched", "open_source"]
