"""Papers listed by URL in a manifest file."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.paperstore import PaperStore
from pipeline.sources import SourcedPaper, Unfetched
from pipeline.sources.fetch import fetch_paper
from pipeline.sources.http import HttpClient


@dataclass
class ManifestSource:
    spec: str
    path: Path
    store: PaperStore
    client: HttpClient

    def entries(self) -> list[tuple[str, str | None, str | None]]:
        """(url, committee, meeting date) per line; blank lines and # comments skipped."""
        if not self.path.is_file():
            raise FileNotFoundError(f"no such manifest: {self.path}")
        entries = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            url, committee, meeting_date = (line.split("\t") + [None, None])[:3]
            entries.append((url.strip(), (committee or "").strip() or None,
                            (meeting_date or "").strip() or None))
        return entries

    def papers(self) -> Iterator[SourcedPaper | Unfetched]:
        for url, committee, meeting_date in self.entries():
            if not url.startswith(("http://", "https://")):
                yield Unfetched(url, "bad_url", f"manifest {self.path.name}: not an http(s) URL")
                continue
            yield fetch_paper(self.client, self.store, url, None, committee, meeting_date)
