"""A committee's meetings from a ModernGov site's web service, mgWebService.asmx.

GetMeeting lists documents under the agenda items only; a meeting's own documents (the
agenda frontsheet, the reports pack, the printed minutes and decisions) are on its page,
which a meeting carries as `page` when GetMeeting says an agenda, decisions or minutes
are published."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode, urljoin

from pipeline.sources import Unfetched
from pipeline.sources.http import FetchError, HttpClient
from pipeline.sources.moderngov.listing import Committee, Document, Meeting, NotModernGov, describe

ROOTS = {"GetCommittees": "committees", "GetMeetings": "getmeetings", "GetMeeting": "meeting"}
PUBLISHED = ("agendapublished", "decisionpublished", "minutepublished")


@dataclass
class WebService:
    site: str
    client: HttpClient

    def committees(self) -> list[Committee]:
        return [Committee(_text(c, "committeeid"), " ".join(_text(c, "committeetitle").split()),
                          current=not (_flag(c, "committeeexpired") or _flag(c, "committeedeleted")))
                for c in self._call("GetCommittees", lDays=0).iter("committee")]

    def meetings(self, committee_id: str, since: date, until: date) -> Iterator[Meeting | Unfetched]:
        """Each meeting from `since` to `until` with its items' documents; a meeting whose
        GetMeeting fails for good is that meeting's failure, a transient failure the run's."""
        listing = self._call("GetMeetings", lCommitteeId=committee_id,
                             sFromDate=since.strftime("%d/%m/%Y"), sToDate=until.strftime("%d/%m/%Y"))
        dated = {}
        for stub in listing.iter("meeting"):
            when = service_date(_text(stub, "meetingdate"))
            if when is not None and since <= when <= until:   # some sites ignore the dates asked
                dated[_text(stub, "meetingid")] = when
        for meeting_id, when in sorted(dated.items(), key=lambda pair: (pair[1], pair[0])):
            try:
                detail = self._call("GetMeeting", lMeetingId=meeting_id)
            except (FetchError, NotModernGov) as error:
                if getattr(error, "transient", False):
                    raise
                yield Unfetched(self._url("GetMeeting", lMeetingId=meeting_id), "fetch_failed",
                                getattr(error, "reason", str(error)))
                continue
            flags = [detail.find(flag) for flag in PUBLISHED]
            published = any(_flag(detail, flag) for flag in PUBLISHED) or all(f is None for f in flags)
            page = f"{self.site}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}" if published else None
            yield Meeting(meeting_id, when, self._documents(detail), page)

    def _documents(self, detail: ET.Element) -> list[Document]:
        """Linked documents that are files on the site: not restricted, not web links (isurl)."""
        found: dict[str, str | None] = {}
        for doc in detail.iter("linkeddoc"):
            url = _text(doc, "url")
            if url and not _flag(doc, "isrestricted") and not _flag(doc, "isurl"):
                found.setdefault(urljoin(self.site + "/", url), " ".join(_text(doc, "title").split()) or None)
        return [Document(url, title) for url, title in found.items()]

    def _url(self, operation: str, **params) -> str:
        return f"{self.site}/mgWebService.asmx/{operation}?{urlencode(params)}"

    def _call(self, operation: str, **params) -> ET.Element:
        asked = self._url(operation, **params)
        reply = self.client.get(asked)
        try:
            root = ET.fromstring(reply.body)
        except ET.ParseError:
            raise NotModernGov(f"{operation} {describe(reply, asked)}, not ModernGov's XML") from None
        for element in root.iter():
            element.tag = element.tag.rsplit("}", 1)[-1].lower()
        if root.tag != ROOTS[operation]:
            what = describe(reply, asked) if root.tag == "html" else f"answered with <{root.tag}>"
            raise NotModernGov(f"{operation} {what}, not ModernGov's <{ROOTS[operation]}>")
        return root


def service_date(text: str) -> date | None:
    """The service writes dd/mm/yyyy (some sites ISO)."""
    for layout in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text[:10], layout).date()
        except ValueError:
            continue
    return None


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _flag(element: ET.Element, tag: str) -> bool:
    return _text(element, tag).lower() == "true"
