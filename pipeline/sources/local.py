"""Papers in local files and folders."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.discover import discover, sha256_file
from pipeline.sources import SourcedPaper


@dataclass
class FolderSource:
    spec: str

    def papers(self) -> Iterator[SourcedPaper]:
        """Every PDF under the path, known by its resolved path; a missing path is an error."""
        for path in discover([self.spec]):
            yield SourcedPaper(path, sha256_file(path), str(path))
