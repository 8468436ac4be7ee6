"""A committee's papers on a ModernGov site (the committee system most English councils
publish on): meetings listed through the site's web service, mgWebService.asmx
(GetCommittees, GetMeetings, GetMeeting), falling back to the public meeting pages
(mgListCommittees, ieListMeetings, ieListDocuments) when the service is switched off.

Only meetings from a while before the last listing onwards are read again (agendas come
out before a meeting, minutes and supplements after); documents already in the paper
store are not fetched again.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from pipeline.paperstore import PaperStore
from pipeline.sources import SourcedPaper, Unfetched
from pipeline.sources.fetch import fetch_paper
from pipeline.sources.http import FetchError, HttpClient

STATE = "moderngov-state.json"
FIRST_RUN_DAYS = 365      # how far back a committee's first listing reaches
RELISTED_DAYS = 60        # meetings this long before the last listing are read again
AHEAD_DAYS = 60           # agendas are published before the meeting
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
PAGE_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*,?\s+(\d{4})")


@dataclass
class Meeting:
    id: str
    date: date
    documents: list[tuple[str, str]]   # (url, title)


class ServiceUnavailable(Exception):
    """The web service answered with something other than its XML."""


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
        try:
            committee_id, title = self._service_committee()
            meetings = self._service_meetings(committee_id, since, until)
        except (FetchError, ServiceUnavailable, ET.ParseError) as service_error:
            try:
                committee_id, title = self._page_committee()
                meetings = self._page_meetings(committee_id, since, until)
            except FetchError as page_error:
                raise FetchError(self.site, f"web service: {service_error}; meeting pages: "
                                 f"{page_error.reason}", page_error.transient) from page_error
        for meeting in meetings:
            for url, doc_title in meeting.documents:
                yield fetch_paper(self.client, self.store, url, doc_title, title,
                                  meeting.date.isoformat())
        self._remember(today)

    # --- the web service ---

    def _service(self, operation: str, **params) -> ET.Element:
        reply = self.client.get(f"{self.site}/mgWebService.asmx/{operation}?{urlencode(params)}")
        root = ET.fromstring(reply.body)
        for element in root.iter():
            element.tag = element.tag.rsplit("}", 1)[-1].lower()
        if root.tag in ("html", "soap:envelope", "envelope"):
            raise ServiceUnavailable(f"{operation} answered with <{root.tag}>")
        return root

    def _service_committee(self) -> tuple[str, str]:
        committees = [(_text(c, "committeeid"), _text(c, "committeetitle"))
                      for c in self._service("GetCommittees", lDays=0).iter("committee")]
        return _choose(self.committee, committees, self.site)

    def _service_meetings(self, committee_id: str, since: date, until: date) -> list[Meeting]:
        listing = self._service("GetMeetings", lCommitteeId=committee_id,
                                sFromDate=since.strftime("%d/%m/%Y"), sToDate=until.strftime("%d/%m/%Y"))
        meetings = []
        for stub in listing.iter("meeting"):
            when = _service_date(_text(stub, "meetingdate"))
            if when is None or not since <= when <= until:   # the service may ignore the dates
                continue
            detail = self._service("GetMeeting", lMeetingId=_text(stub, "meetingid"))
            documents = {}
            for doc in detail.iter("linkeddoc"):
                url = _text(doc, "url")
                if url and _text(doc, "isrestricted").lower() != "true":
                    documents.setdefault(urljoin(self.site + "/", url), _text(doc, "title") or None)
            meetings.append(Meeting(_text(stub, "meetingid"), when, list(documents.items())))
        return sorted(meetings, key=lambda m: (m.date, m.id))

    # --- the meeting pages ---

    def _links(self, page: str) -> list[tuple[str, str]]:
        url = f"{self.site}/{page}"
        parser = _Links()
        parser.feed(self.client.get(url).body.decode("utf-8", errors="replace"))
        return [(urljoin(url, href), " ".join(text.split())) for href, text in parser.links]

    def _page_committee(self) -> tuple[str, str]:
        committees = [(parse_qs(urlsplit(href).query)["ID"][0], text)
                      for href, text in self._links("mgListCommittees.aspx")
                      if "mgCommitteeDetails.aspx" in href and "ID=" in href]
        return _choose(self.committee, committees, self.site)

    def _page_meetings(self, committee_id: str, since: date, until: date) -> list[Meeting]:
        meetings = {}
        for href, text in self._links(f"ieListMeetings.aspx?CId={committee_id}&Year=0"):
            query = parse_qs(urlsplit(href).query)
            when = _page_date(text)
            if "ieListDocuments.aspx" in href and "MId" in query and when and since <= when <= until:
                meetings[query["MId"][0]] = when
        found = []
        for meeting_id, when in meetings.items():
            documents = {}
            for href, text in self._links(f"ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"):
                path = urlsplit(href).path.lower()
                if path.endswith(".pdf") or path.endswith("mgconvert2pdf.aspx"):
                    documents.setdefault(href, re.sub(r"\s*PDF\s+[\d.]+\s*[KM]B\s*$", "", text) or None)
            found.append(Meeting(meeting_id, when, list(documents.items())))
        return sorted(found, key=lambda m: (m.date, m.id))

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


class _Links(HTMLParser):
    """(href, text) of every <a> in a page."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (href := dict(attrs).get("href")):
            self._open, self._href = [], href

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.links.append((self._href, "".join(self._open)))
            self._open = None


def _choose(wanted: str, committees: list[tuple[str, str]], site: str) -> tuple[str, str]:
    """(id, title) of the committee named or numbered `wanted`; one match or a clear error."""
    wanted_key = " ".join(wanted.split()).lower()
    exact = [c for c in committees if c[0] == wanted or " ".join(c[1].split()).lower() == wanted_key]
    partial = [c for c in committees if wanted_key in c[1].lower()]
    matches = exact or partial
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise FetchError(site, f"no committee called {wanted!r}", transient=False)
    raise FetchError(site, f"{wanted!r} names several committees: "
                           + "; ".join(title for _, title in matches), transient=False)


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _service_date(text: str) -> date | None:
    """The service writes dd/mm/yyyy (some sites ISO)."""
    for layout in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text[:10], layout).date()
        except ValueError:
            continue
    return None


def _page_date(text: str) -> date | None:
    """'12 Mar 2019 2.00 pm' or 'Tuesday, 12th March, 2019 2.00 pm'."""
    match = PAGE_DATE.search(text)
    if not match or match.group(2).lower() not in MONTHS:
        return None
    return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
