"""A committee's papers on a ModernGov site (the committee system most English councils
publish on): its meetings read from the site's web service, mgWebService.asmx (service.py),
or from its public pages where the service is switched off (pages.py).

Only current committees are chosen (not expired or deleted ones). Only meetings from a
while before the last listing onwards are read again (agendas come out before a meeting,
minutes and supplements after); documents already in the paper store are not fetched again.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from pipeline.paperstore import PaperStore
from pipeline.sources import SourcedPaper, Unfetched
from pipeline.sources.fetch import fetch_paper
from pipeline.sources.http import FetchError, HttpClient
from pipeline.sources.moderngov.listing import (Committee, Document, Meeting, NotModernGov,
                                                attachment_id)
from pipeline.sources.moderngov.pages import MeetingPages
from pipeline.sources.moderngov.service import WebService

STATE = "moderngov-state.json"
FIRST_RUN_DAYS = 365      # how far back a committee's first listing reaches
RELISTED_DAYS = 60        # meetings this long before the last listing are read again
AHEAD_DAYS = 60           # agendas are published before the meeting


@dataclass
class ModernGovSource:
    spec: str
    site: str             # https://democracy.example.gov.uk
    committee: str        # its title, or its numeric id
    store: PaperStore
    client: HttpClient
    today: date | None = None

    def papers(self) -> Iterator[SourcedPaper | Unfetched]:
        today = self.today or date.today()
        since = self._since(today)
        until = today + timedelta(days=AHEAD_DAYS)
        pages = MeetingPages(self.site, self.client)
        reader, committees = self._committees(pages)
        committee = choose_committee(self.committee, committees, self.site)
        for meeting in reader.meetings(committee.id, since, until):
            if isinstance(meeting, Unfetched):
                yield meeting
                continue
            try:
                documents = _with_page_documents(meeting, pages)
            except FetchError as error:           # its page: for good, that meeting's failure
                if error.transient:
                    raise
                yield Unfetched(meeting.page, "fetch_failed", error.reason)
                documents = meeting.documents
            for document in documents:
                yield fetch_paper(self.client, self.store, document.url, document.title,
                                  committee.title, meeting.date.isoformat())
        self._remember(today)

    def _committees(self, pages: MeetingPages) -> tuple[WebService | MeetingPages, list[Committee]]:
        """The site's committees from its web service, else from its pages; when neither
        answers as ModernGov does, one error saying so."""
        service = WebService(self.site, self.client)
        try:
            return service, service.committees()
        except (FetchError, NotModernGov) as service_error:
            try:
                return pages, pages.committees()
            except (FetchError, NotModernGov) as page_error:
                transient = any(getattr(e, "transient", False) for e in (service_error, page_error))
                raise FetchError(self.site, "not answering as a ModernGov site: web service: "
                                 f"{_said(service_error)}; pages: {_said(page_error)}",
                                 transient) from page_error

    # --- since the last run ---

    def _since(self, today: date) -> date:
        last = self._state().get(self.spec)
        if last is None:
            return today - timedelta(days=FIRST_RUN_DAYS)
        return date.fromisoformat(last) - timedelta(days=RELISTED_DAYS)

    def _remember(self, today: date) -> None:
        state = self._state()
        state[self.spec] = today.isoformat()
        path = self.store.root / STATE
        partial = path.with_suffix(".tmp")
        partial.write_text(json.dumps(state, indent=1))
        partial.replace(path)

    def _state(self) -> dict[str, str]:
        path = self.store.root / STATE
        return json.loads(path.read_text()) if path.exists() else {}


def choose_committee(wanted: str, committees: list[Committee], site: str) -> Committee:
    """The current committee numbered or named `wanted` (its whole title, else part of it):
    one match or a clear error. Expired committees are never chosen, and do not make a name
    ambiguous."""
    key = _key(wanted)
    exact = [c for c in committees if c.id == wanted.strip() or _key(c.title) == key]
    partial = [c for c in committees if key in _key(c.title)]
    for named in (exact, partial):
        current = [c for c in named if c.current]
        if len(current) == 1:
            return current[0]
        if current:
            raise FetchError(site, f"{wanted!r} names several committees: "
                                   + "; ".join(f"{c.title} ({c.id})" for c in current), transient=False)
        if named:
            raise FetchError(site, f"{wanted!r} names only committees that have expired (or were "
                                   "deleted), which publish no new papers: "
                                   + "; ".join(f"{c.title} ({c.id})" for c in named), transient=False)
    raise FetchError(site, f"no committee called {wanted!r} among the site's "
                           f"{sum(c.current for c in committees)} current committees", transient=False)


def _with_page_documents(meeting: Meeting, pages: MeetingPages) -> list[Document]:
    """The meeting's documents and those its page adds (agenda, reports pack, minutes);
    an item's document listed by the service under another URL is not added twice."""
    if meeting.page is None:
        return meeting.documents
    documents = list(meeting.documents)
    urls = {d.url for d in documents}
    attachments = {attachment_id(d.url) for d in documents} - {None}
    for document in pages.documents(meeting.page):
        if document.url not in urls and attachment_id(document.url) not in attachments:
            documents.append(document)
            urls.add(document.url)
    return documents


def _said(error: Exception) -> str:
    if isinstance(error, FetchError):
        return f"{urlsplit(error.url).path.rsplit('/', 1)[-1]}: {error.reason}"
    return str(error)


def _key(title: str) -> str:
    return " ".join(title.split()).lower()
