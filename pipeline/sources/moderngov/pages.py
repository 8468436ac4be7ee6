"""A committee's meetings from a ModernGov site's public pages, for sites whose web service
is switched off: the committee list (mgListCommittees.aspx), a committee's listing of a
year's meetings (ieListMeetings.aspx, with links to earlier and later years) and a
meeting's page of documents.

Real pages link a meeting as ieListDocuments.aspx?CId=..&MId=.. (or MID=), or as
CeListDocuments.aspx?CommitteeId=..&MeetingId=..; they print its date as '12 Mar 2019',
'Tuesday, 12th March, 2019' or '12&#47;03&#47;2019'; document links carry raw spaces and
a nested file-size span."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from pipeline.sources.http import HttpClient
from pipeline.sources.moderngov.listing import (Committee, Document, Meeting, NotModernGov,
                                                describe, query_value)

MAX_LISTING_PAGES = 6          # a committee's listings read per run: this year, earlier, later
COMMITTEE_KEYS = ("cid", "committeeid")
MEETING_KEYS = ("mid", "meetingid")
MEETING_PAGES = ("/ielistdocuments.aspx", "/celistdocuments.aspx")
EARLIER = re.compile(r"\b(earlier|previous|prev)\b", re.I)
LATER = re.compile(r"\b(later|next)\b", re.I)
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
WORDED_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*,?\s+(\d{4})\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass(frozen=True)
class Link:
    url: str       # absolute
    text: str      # its words, without the file-size note


@dataclass
class MeetingPages:
    site: str
    client: HttpClient

    def committees(self) -> list[Committee]:
        """The committees the site lists; a page listing none is not ModernGov's."""
        asked = f"{self.site}/mgListCommittees.aspx"
        reply = self.client.get(asked)
        found: dict[str, str] = {}
        for link in page_links(reply.body, reply.url):
            if (committee_id := listed_committee(link.url)) and link.text:
                found.setdefault(committee_id, link.text)
        if not found:
            raise NotModernGov(f"mgListCommittees.aspx lists no committees: it {describe(reply, asked)}")
        return [Committee(committee_id, title) for committee_id, title in found.items()]

    def meetings(self, committee_id: str, since: date, until: date) -> list[Meeting]:
        """The committee's meetings from `since` to `until`, reading its year's listing and
        following 'Earlier meetings' and 'Later meetings' while they may hold more."""
        meetings: dict[str, Meeting] = {}
        queue = [(f"{self.site}/ieListMeetings.aspx?CId={committee_id}&Year=0", None)]
        read: set[str] = set()
        while queue and len(read) < MAX_LISTING_PAGES:
            url, heading = queue.pop(0)
            if url in read:
                continue
            read.add(url)
            reply = self.client.get(url)
            links = page_links(reply.body, reply.url)
            listed = listed_meetings(links, committee_id)
            dates = [meeting.date for meeting in listed]
            for meeting in listed:
                if since <= meeting.date <= until:
                    meetings.setdefault(meeting.id, meeting)
            more_earlier = heading in (None, "earlier") and (not dates or min(dates) > since)
            more_later = heading in (None, "later") and (not dates or max(dates) < until)
            for link in links:
                if not (_is_listing(link.url) and query_value(link.url, *COMMITTEE_KEYS) == committee_id):
                    continue
                if more_earlier and EARLIER.search(link.text):
                    queue.append((link.url, "earlier"))
                elif more_later and LATER.search(link.text):
                    queue.append((link.url, "later"))
        return sorted(meetings.values(), key=lambda m: (m.date, m.id))

    def documents(self, page: str) -> list[Document]:
        """The papers a meeting's page links: PDFs on the site itself."""
        reply = self.client.get(page)
        return listed_documents(page_links(reply.body, reply.url), urlsplit(reply.url).netloc)


def page_links(body: bytes, base: str) -> list[Link]:
    parser = _Links()
    parser.feed(body.decode("utf-8", errors="replace"))
    parser.close()
    return [Link(urljoin(base, re.sub(r"\s*[\r\n\t]+\s*", " ", href.strip())), " ".join(text.split()))
            for href, text in parser.links]


def listed_committee(url: str) -> str | None:
    path = urlsplit(url).path.lower()
    if path.endswith("/mgcommitteedetails.aspx"):
        return query_value(url, "id")
    if _is_listing(url):
        return query_value(url, *COMMITTEE_KEYS)
    return None


def listed_meetings(links: list[Link], committee_id: str) -> list[Meeting]:
    """Dated links to meetings of the committee, once each; the page to read is the link."""
    found: dict[str, Meeting] = {}
    for link in links:
        if not urlsplit(link.url).path.lower().endswith(MEETING_PAGES):
            continue
        meeting_id = query_value(link.url, *MEETING_KEYS)
        if meeting_id is None or query_value(link.url, *COMMITTEE_KEYS) not in (None, committee_id):
            continue
        if (when := page_date(link.text)) and meeting_id not in found:
            found[meeting_id] = Meeting(meeting_id, when, page=link.url)
    return list(found.values())


def listed_documents(links: list[Link], host: str) -> list[Document]:
    """Links to PDFs on `host`: a link elsewhere is a web link, not one of the papers."""
    found: dict[str, str | None] = {}
    for link in links:
        parts = urlsplit(link.url)
        path = parts.path.lower()
        if parts.netloc == host and (path.endswith(".pdf") or path.endswith("/mgconvert2pdf.aspx")):
            found.setdefault(link.url, link.text or None)
    return [Document(url, title) for url, title in found.items()]


def page_date(text: str) -> date | None:
    """The first date in a link's words: '12 Mar 2019', 'Tuesday, 12th March, 2019' or
    '12/03/2019' (day first, as British sites write it)."""
    candidates = []
    if match := NUMERIC_DATE.search(text):
        candidates.append((match.start(), int(match.group(3)), int(match.group(2)), int(match.group(1))))
    if (match := WORDED_DATE.search(text)) and match.group(2).lower() in MONTHS:
        month = MONTHS[match.group(2).lower()]
        candidates.append((match.start(), int(match.group(3)), month, int(match.group(1))))
    for _, year, month, day in sorted(candidates):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def _is_listing(url: str) -> bool:
    return urlsplit(url).path.lower().endswith("/ielistmeetings.aspx")


class _Links(HTMLParser):
    """(href, text) of every <a>, leaving out the text of a nested file-size note
    (<span class="mgFileSize">PDF 119 KB</span>)."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: list[str] | None = None
        self._href = ""
        self._hidden = 0          # depth inside a file-size span

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self._open, self._href, self._hidden = [], attrs["href"], 0
        elif self._open is not None and tag == "span":
            if self._hidden or "mgfilesize" in (attrs.get("class") or "").lower():
                self._hidden += 1

    def handle_data(self, data):
        if self._open is not None and not self._hidden:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "span" and self._hidden:
            self._hidden -= 1
        elif tag == "a" and self._open is not None:
            self.links.append((self._href, "".join(self._open)))
            self._open = None
