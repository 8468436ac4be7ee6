"""Fetching one published paper into the paper store, at most once per URL."""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from pipeline.paperstore import PaperStore, StoredPaper, safe_name
from pipeline.sources import SourcedPaper, Unfetched
from pipeline.sources.http import FetchError, HttpClient

ENCODED_NAME = re.compile(r"filename\*=UTF-8''([^;\s]+)", re.I)   # RFC 6266: preferred
PLAIN_NAME = re.compile(r'filename="?([^";]+)"?', re.I)


def fetch_paper(client: HttpClient, store: PaperStore, url: str, title: str | None = None,
                committee: str | None = None, meeting_date: str | None = None
                ) -> SourcedPaper | Unfetched:
    """The paper at `url`, from the store when it was fetched before, else downloaded.

    A transient failure (network, 5xx) that outlasts the client's retries, like a 404, is
    this paper's failure; the next run tries it again because nothing was stored."""
    entry = store.known(url)
    if entry is None:
        try:
            download = client.download(url, store.incoming)
        except FetchError as error:
            return Unfetched(url, "fetch_failed", error.reason)
        name = safe_name(_published_name(download.headers, url, title), download.sha256[:12])
        entry = StoredPaper(download.sha256, name, url, committee, meeting_date)
        store.add(download.path, entry)
    return SourcedPaper(store.path_of(entry), entry.sha256, url, entry.committee, entry.meeting_date)


def _published_name(headers, url: str, title: str | None) -> str:
    """The file name the server gives, else the title the listing gives, else the URL's."""
    disposition = headers.get("Content-Disposition", "") if headers else ""
    if match := ENCODED_NAME.search(disposition):
        return unquote(match.group(1))
    if match := PLAIN_NAME.search(disposition):
        return match.group(1)
    if title:
        return title
    parts = urlsplit(url)
    name = unquote(PurePosixPath(parts.path).name)
    if parts.query and not name.lower().endswith(".pdf"):      # mgConvert2PDF.aspx?ID=2
        return f"{PurePosixPath(name).stem} {unquote(parts.query)}"
    return name
