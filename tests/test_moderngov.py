"""The moderngov: source against a local HTTP server on 127.0.0.1: real ModernGov responses
(../shared/moderngov-real, read at test time; those tests skip when it is absent) and pages
of our own for what they do not show: an expired committee sharing a current one's name, a
redirect stub, a committee's listing over several years, MID=, MeetingId= and
CeListDocuments.aspx meeting links, dd/mm/yyyy dates."""
import dataclasses
import html
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

import pytest

from pipeline.paperstore import PaperStore
from pipeline.sources import SourcedPaper, Unfetched, open_source
from pipeline.sources.http import FetchError, HttpClient
from pipeline.sources.moderngov.pages import (MAX_LISTING_PAGES, listed_documents, listed_meetings,
                                              page_date, page_links)
from tests.localhttp import Site
from tests.pdfgen import pdf_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "moderngov"
REAL = Path(__file__).resolve().parents[1].parent / "shared" / "moderngov-real"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason=f"no real ModernGov responses at {REAL} "
                                                          "(../shared is not checked out here)")


class LoopbackClient(HttpClient):
    """Quick (pauses are skipped) and unable to leave 127.0.0.1: the real responses name a
    real council's site, which a test must never reach."""

    def _attempts(self, url, headers, handle):
        if urlsplit(url).hostname != "127.0.0.1":
            raise AssertionError(f"a test tried to reach {url}")
        return super()._attempts(url, headers, handle)


@pytest.fixture
def site():
    with Site() as running:
        yield running


@pytest.fixture
def client():
    return LoopbackClient(timeout=5, retries=1, backoff=0.1, min_interval=0, sleep=lambda seconds: None)


def paper_pdf(text: str) -> bytes:
    return pdf_bytes([[(72, 760, "Board paper", 14, True), (72, 720, text, 10)]])


def source(site, client, tmp_path, committee, today):
    """The source a nightly run opens for `moderngov:SITE#COMMITTEE`, on a fixed day."""
    opened = open_source(f"moderngov:{site.url}#{committee}", PaperStore(tmp_path / "store"), client)
    return dataclasses.replace(opened, today=today)


def fetched(papers) -> list[tuple[str, str]]:
    return sorted((p.file.name, p.meeting_date) for p in papers if isinstance(p, SourcedPaper))


# --- a site of our own: Health and Wellbeing Board (153), 2019 ---

def fixture(name: str, site: Site | None = None) -> bytes:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return (text.replace("{site}", site.url) if site else text).encode("utf-8")


OWN_DOCUMENTS = {
    "/mgConvert2PDF.aspx?ID=5002": "The CCG will commission integrated care.",
    "/documents/s5002/Integrated commissioning report.pdf": "The CCG will commission integrated care.",
    "/mgConvert2PDF.aspx?ID=5003": "Exempt.",
    "/external/national-guidance.pdf": "Guidance published elsewhere.",
    "/documents/g1001/Agenda frontsheet 12th-Mar-2019 14.00 Health and Wellbeing Board.pdf?T=0": "Agenda.",
    "/documents/g1001/Printed minutes 12th-Mar-2019 14.00 Health and Wellbeing Board.pdf?T=1": "Minutes.",
    "/documents/g1002/Agenda frontsheet 18th-Jun-2019 14.00 Health and Wellbeing Board.pdf?T=0": "Agenda.",
    "/documents/s6001/Accountable care update.pdf": "Accountable care update.",
}
OWN_PAPERS = sorted([("Agenda frontsheet.pdf", "2019-03-12"), ("Integrated commissioning report.pdf", "2019-03-12"),
                     ("Printed minutes.pdf", "2019-03-12"), ("Agenda frontsheet.pdf", "2019-06-18"),
                     ("Accountable care update.pdf", "2019-06-18")])
JULY_2019 = date(2019, 7, 1)   # first run: meetings from 1 July 2018 to 30 August 2019


def serve_own_site(site: Site, service: bool = True) -> None:
    if service:
        site.serve("/mgWebService.asmx/GetCommittees?lDays=0", fixture("GetCommittees.xml"))
        site.serve("/mgWebService.asmx/GetMeetings?lCommitteeId=153&*", fixture("GetMeetings.xml"))
        for meeting in ("1001", "1002"):
            site.serve(f"/mgWebService.asmx/GetMeeting?lMeetingId={meeting}", fixture(f"GetMeeting-{meeting}.xml", site))
    site.serve("/mgListCommittees.aspx", fixture("mgListCommittees.html"))
    for year in ("0", "2018", "2020"):
        site.serve(f"/ieListMeetings.aspx?CId=153&Year={year}", fixture(f"ieListMeetings-Year{year}.html"))
    for meeting in ("1001", "1002"):                     # the way the service's meetings are read
        site.serve(f"/ieListDocuments.aspx?CId=153&MId={meeting}", fixture(f"ieListDocuments-{meeting}.html"))
    site.serve("/CeListDocuments.aspx?CommitteeId=153&MeetingId=1001&DF=12/03/2019&Ver=2",
               fixture("ieListDocuments-1001.html"))     # the ways the listings link them
    site.serve("/ieListDocuments.aspx?CId=153&MId=1002&Ver=4", fixture("ieListDocuments-1002.html"))
    for path, text in OWN_DOCUMENTS.items():
        site.serve(path, paper_pdf(text))


def never_fetched(site: Site) -> list[str]:
    """Requests for what must not be fetched: restricted and web-link (isurl) documents,
    an item's document twice, meetings outside the window or of another committee."""
    unwanted = ("ID=5003", "/external/", "Year=2017", "Year=2021", "MID=950", "MID=960", "MeetingId=1100")
    return [r for r in site.requests if any(u in r for u in unwanted)]


def test_web_service_gives_items_documents_and_the_meeting_page_its_own(site, client, tmp_path):
    serve_own_site(site)
    papers = list(source(site, client, tmp_path, "Health and Wellbeing Board", JULY_2019).papers())
    assert fetched(papers) == OWN_PAPERS
    assert {p.committee for p in papers} == {"Health and Wellbeing Board"}
    assert never_fetched(site) == []
    assert not any(r.startswith("/documents/s5002/") for r in site.requests)   # = mgConvert2PDF ID=5002
    assert not any("lMeetingId=900" in r for r in site.requests)               # 2016: before the window
    assert not any(r.startswith(("/mgListCommittees", "/ieListMeetings")) for r in site.requests)

    before = len(site.requests)   # the next night: only meetings since shortly before the last run
    again = list(source(site, client, tmp_path, "Health and Wellbeing Board", date(2019, 7, 2)).papers())
    assert fetched(again) == [("Accountable care update.pdf", "2019-06-18"), ("Agenda frontsheet.pdf", "2019-06-18")]
    later = site.requests[before:]
    assert not any("1001" in r for r in later)
    assert [r for r in later if r.startswith("/documents/")] == []               # nothing fetched twice


def test_meeting_pages_follow_earlier_and_later_years_when_the_service_is_off(site, client, tmp_path):
    serve_own_site(site, service=False)             # the web service answers 404
    papers = list(source(site, client, tmp_path, "Health and Wellbeing Board", JULY_2019).papers())
    assert fetched(papers) == OWN_PAPERS
    assert never_fetched(site) == []
    listings = [r for r in site.requests if r.startswith("/ieListMeetings")]
    assert sorted(listings) == ["/ieListMeetings.aspx?CId=153&Year=0", "/ieListMeetings.aspx?CId=153&Year=2018",
                                "/ieListMeetings.aspx?CId=153&Year=2020"]


def test_service_xml_of_another_shape_falls_back_to_the_pages(site, client, tmp_path):
    serve_own_site(site, service=False)
    site.serve("/mgWebService.asmx/GetCommittees?lDays=0",
               b'<?xml version="1.0"?><string xmlns="http://tempuri.org/">Service disabled</string>')
    papers = list(source(site, client, tmp_path, "Health and Wellbeing Board", JULY_2019).papers())
    assert fetched(papers) == OWN_PAPERS


def test_listing_years_are_followed_a_bounded_number_of_times(site, client, tmp_path):
    site.serve("/mgListCommittees.aspx", fixture("mgListCommittees.html"))
    empty_year = '<html><body><a href="ieListMeetings.aspx?CId=153&amp;Year={}">Earlier meetings</a></body></html>'
    site.serve("/ieListMeetings.aspx?CId=153&Year=0", empty_year.format(2019).encode())
    for year in range(1990, 2020):                   # every year links the one before, none has a meeting
        site.serve(f"/ieListMeetings.aspx?CId=153&Year={year}", empty_year.format(year - 1).encode())
    assert list(source(site, client, tmp_path, "Health and Wellbeing Board", JULY_2019).papers()) == []
    assert len([r for r in site.requests if r.startswith("/ieListMeetings")]) == MAX_LISTING_PAGES


def test_a_name_is_matched_among_current_committees_only(site, client, tmp_path):
    serve_own_site(site)            # 153 and the expired 101 are both 'Health and Wellbeing Board'
    site.serve("/mgWebService.asmx/GetMeetings?lCommitteeId=154&*",
               b'<?xml version="1.0"?><getmeetings><meetingscount> 0</meetingscount></getmeetings>')
    assert fetched(source(site, client, tmp_path, "health and wellbeing  board", JULY_2019).papers()) == OWN_PAPERS
    assert fetched(source(site, client, tmp_path / "b", "Wellbeing Board Executive", JULY_2019).papers()) == []
    assert not any("lCommitteeId=101" in r or "lCommitteeId=120" in r for r in site.requests)
    with pytest.raises(FetchError) as several:
        list(source(site, client, tmp_path, "Wellbeing", JULY_2019).papers())
    assert "several committees" in several.value.reason and "(153)" in several.value.reason
    assert "(154)" in several.value.reason and "(101)" not in several.value.reason and "Shadow" not in several.value.reason
    for expired in ("Shadow Health", "101", "Licensing"):        # 210 Licensing was deleted
        with pytest.raises(FetchError, match="names only committees that have expired") as failure:
            list(source(site, client, tmp_path, expired, JULY_2019).papers())
        assert not failure.value.transient
    with pytest.raises(FetchError, match="no committee called 'Cabinet' among the site's 3 current committees"):
        list(source(site, client, tmp_path, "Cabinet", JULY_2019).papers())


@pytest.mark.parametrize("stub", ["redirect", "refresh"])
def test_a_site_not_answering_as_moderngov_says_so(site, client, tmp_path, stub):
    if stub == "redirect":          # the democracy site now redirects to the council's home page
        site.serve("/welcome", b"<html><head><title>Welcome to the council</title></head><body></body></html>")
        for path in ("/mgWebService.asmx/GetCommittees?lDays=0", "/mgListCommittees.aspx"):
            site.serve(path, b"Object moved", status=302, headers={"Location": "/welcome"})
    else:                           # a holding page that refreshes to the new site
        moved = f'<html><head><meta http-equiv="Refresh" content="0; URL={site.url}/moved/"></head></html>'
        for path in ("/mgWebService.asmx/GetCommittees?lDays=0", "/mgListCommittees.aspx"):
            site.serve(path, moved.encode())
    with pytest.raises(FetchError) as failure:
        list(source(site, client, tmp_path, "Health and Wellbeing Board", JULY_2019).papers())
    message = str(failure.value)
    assert message.startswith(f"{site.url}: not answering as a ModernGov site: web service: GetCommittees ")
    assert "no committee called" not in message and not failure.value.transient
    if stub == "redirect":
        assert message.count(f"was redirected to {site.url}/welcome and answered with an HTML page titled "
                             "'Welcome to the council'") == 2
        assert "pages: mgListCommittees.aspx lists no committees: it was redirected" in message
    else:
        assert message.count(f"a redirect stub to {site.url}/moved/") == 2
        assert "/moved/" not in site.requests


def test_a_meeting_the_service_cannot_give_is_that_meetings_failure(site, client, tmp_path):
    serve_own_site(site)
    site.serve("/mgWebService.asmx/GetMeeting?lMeetingId=1002", b"", status=404)
    papers = list(source(site, client, tmp_path, "Health and Wellbeing Board", JULY_2019).papers())
    assert [(u.kind, u.name) for u in papers if isinstance(u, Unfetched)] == [
        ("fetch_failed", f"{site.url}/mgWebService.asmx/GetMeeting?lMeetingId=1002")]
    assert [date for _, date in fetched(papers)] == ["2019-03-12"] * 3

    site.serve("/mgWebService.asmx/GetMeeting?lMeetingId=1002", b"", status=503)   # may pass: the run's failure
    with pytest.raises(FetchError) as failure:
        list(source(site, client, tmp_path / "again", "Health and Wellbeing Board", JULY_2019).papers())
    assert failure.value.transient
    assert not (tmp_path / "again" / "store" / "moderngov-state.json").exists()      # the window is kept


# --- real responses: Manchester's web service, Kirklees's pages ---

def real(name: str) -> bytes:
    return (REAL / name).read_bytes()


def on_local_site(xml: bytes, site: Site) -> bytes:
    """A real response with the origin of its URLs replaced by the local server's."""
    text = xml.decode("utf-8")
    for url in re.findall(r"<url>\s*(https?://[^<\s]+)", text):
        parts = urlsplit(url)
        text = text.replace(f"{parts.scheme}://{parts.netloc}", site.url)
    return text.encode("utf-8")


def meeting_page(detail: ET.Element) -> tuple[bytes, list[str]]:
    """The meeting's page in ModernGov's markup (our own, the real files have none): its own
    documents under documents/g<meeting>/, each item's attachments under documents/s<id>/.
    Returns the page and the paths of the meeting's own documents."""
    meeting_id = detail.findtext("meetingid").strip()
    names = ("Agenda frontsheet", "Public reports pack", "Printed minutes")
    own = [f"/documents/g{meeting_id}/{name} {meeting_id}.pdf?T=10" for name in names]
    size = '<span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon" /> PDF 100 KB</span>'
    links = [f'<li><a href="{escape(path[1:])}">{name}\n{size} </a></li>' for name, path in zip(names, own)]
    for doc in detail.iter("linkeddoc"):
        title = " ".join(doc.findtext("title").split())
        links.append(f'<li><a href="documents/s{doc.findtext("attachmentid").strip()}/{escape(title)}.pdf">'
                     f"{escape(title)}\n{size} </a></li>")
    return f'<html><body><ul class="mgBulletList">{"".join(links)}</ul></body></html>'.encode(), own


def serve_manchester(site: Site) -> dict:
    """The four real web-service responses on the local server, the meeting page of each
    meeting that says it has published papers, and a PDF at every document URL."""
    meetings = ET.fromstring(real("lgsf-manchester/meetings.xml"))
    committee_id = meetings.findtext("committee/committeeid").strip()
    site.serve("/mgWebService.asmx/GetCommittees?lDays=0", real("lgsf-manchester/committees.xml"))
    site.serve(f"/mgWebService.asmx/GetMeetings?lCommitteeId={committee_id}&*", real("lgsf-manchester/meetings.xml"))
    expected, pages = [], []
    for name in ("meeting_no_minutes.xml", "meeting_with_minutes.xml"):
        xml = on_local_site(real(f"lgsf-manchester/{name}"), site)
        detail = ET.fromstring(xml)
        meeting_id, day = detail.findtext("meetingid").strip(), detail.findtext("meetingdate").strip()
        site.serve(f"/mgWebService.asmx/GetMeeting?lMeetingId={meeting_id}", xml)
        when = date(*map(int, reversed(day.split("/")))).isoformat()
        for doc in detail.iter("linkeddoc"):
            url = doc.findtext("url").strip()
            site.serve(url.removeprefix(site.url), paper_pdf(f"Attachment {doc.findtext('attachmentid')}."))
            if doc.findtext("isurl").strip() == "False" and doc.findtext("isrestricted").strip() == "False":
                expected.append((url, when))
        page = f"/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"
        if "True" in (detail.findtext("agendapublished"), detail.findtext("minutepublished")):
            body, own = meeting_page(detail)
            site.serve(page, body)
            pages.append(page)
            for path in own:
                site.serve(path, paper_pdf(f"The meeting's own document: {path}."))
                expected.append((site.url + path, when))
    title = meetings.findtext("committee/committeetitle").strip()
    return {"title": title, "expected": sorted(expected), "pages": pages}


@needs_real
def test_real_web_service_finds_a_current_committees_papers(site, client, tmp_path):
    manchester = serve_manchester(site)
    papers = list(source(site, client, tmp_path, manchester["title"], date(2026, 3, 1)).papers())
    assert all(isinstance(p, SourcedPaper) for p in papers)
    assert sorted((p.name, p.meeting_date) for p in papers) == manchester["expected"]
    assert {p.committee for p in papers} == {manchester["title"]}
    assert [r for r in site.requests if r.startswith("/ieListDocuments")] == manchester["pages"]
    assert manchester["pages"] and len(papers) > len(manchester["pages"]) * 3   # items' and the meeting's own
    assert not any(r.startswith("/documents/s") for r in site.requests)          # items' papers once
    assert not any(r.startswith(("/mgListCommittees", "/ieListMeetings")) for r in site.requests)


@needs_real
def test_real_expired_committee_is_never_chosen(site, client, tmp_path):
    serve_manchester(site)
    committees = ET.fromstring(real("lgsf-manchester/committees.xml")).findall("committee")
    expired = [c for c in committees if c.findtext("committeeexpired") == "True"]
    current = [c.findtext("committeetitle") for c in committees if c.findtext("committeeexpired") == "False"]
    assert expired and len(current) >= 2
    for committee in expired:
        for wanted in (committee.findtext("committeetitle"), committee.findtext("committeeid")):
            with pytest.raises(FetchError, match="names only committees that have expired"):
                list(source(site, client, tmp_path, wanted, date(2026, 3, 1)).papers())
    word = "Committee"                               # in every title, current and expired
    assert all(word in c.findtext("committeetitle") for c in committees)
    with pytest.raises(FetchError) as several:
        list(source(site, client, tmp_path, word, date(2026, 3, 1)).papers())
    named = several.value.reason.split(": ", 1)[1]
    assert sorted(title.rsplit(" (", 1)[0] for title in named.split("; ")) == sorted(current)
    assert not any("GetMeetings" in r or "/documents/" in r for r in site.requests)


@needs_real
def test_real_page_markup_goes_through_the_page_reader(site, client, tmp_path):
    """A real decision page links a meeting (MID=, a dd&#47;mm&#47;yyyy date) and a paper (raw
    spaces, a nested file-size span): served as a committee's listing and as that meeting's
    page, it gives that one paper, dated and titled as the page prints them."""
    page = real("lgsf-decisions/modgov_decision_detail.html")
    raw = page.decode("utf-8")
    meeting_href = html.unescape(re.search(r'href="(ieListDocuments\.aspx\?[^"]+)"', raw).group(1))
    committee_id = re.search(r"CId=(\d+)", meeting_href).group(1)
    paper_href, paper_title = re.search(r'href="(documents/[^"]+\.pdf)"\s+title="([^"]+)"', raw).groups()
    day, month, year = re.search(r"MID=\d+\"\s*>(\d+)&#47;(\d+)&#47;(\d+)", raw).groups()
    site.serve("/mgListCommittees.aspx",
               f'<ul><li><a href="mgCommitteeDetails.aspx?ID={committee_id}">Policy Committee</a></li></ul>'.encode())
    site.serve(f"/ieListMeetings.aspx?CId={committee_id}&Year=0", page)
    site.serve(f"/{meeting_href}", page)
    site.serve(f"/{paper_href}", paper_pdf("Minutes of the previous meeting."))
    papers = list(source(site, client, tmp_path, "Policy Committee", date(int(year), 11, 1)).papers())
    assert [(p.name, p.meeting_date) for p in papers] == [
        (f"{site.url}/{paper_href}", date(int(year), int(month), int(day)).isoformat())]
    assert papers[0].file.name == html.unescape(paper_title).removeprefix("Link to file ") + ".pdf"
    assert not any("mgIssueHistory" in r for r in site.requests)


@needs_real
def test_real_listing_dates_are_read_day_first_and_decisions_are_not_papers():
    raw = real("lgsf-decisions/modgov_decisions_list.html")
    links = page_links(raw, "http://127.0.0.1/")
    assert links and listed_meetings(links, "1") == [] and listed_documents(links, "127.0.0.1") == []
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>([^<]*&#47;[^<]*)</td>", raw.decode("utf-8"))]
    assert cells
    for cell in cells:
        day, month, year = map(int, cell.split("/"))
        assert page_date(cell) == date(year, month, day)


def test_a_meeting_page_that_is_gone_keeps_the_items_papers(site, client, tmp_path):
    serve_own_site(site)
    site.serve("/ieListDocuments.aspx?CId=153&MId=1001", b"", status=404)
    papers = list(source(site, client, tmp_path, "Health and Wellbeing Board", JULY_2019).papers())
    assert [(u.kind, u.name) for u in papers if isinstance(u, Unfetched)] == [
        ("fetch_failed", f"{site.url}/ieListDocuments.aspx?CId=153&MId=1001")]
    assert ("Integrated commissioning report.pdf", "2019-03-12") in fetched(papers)
    assert ("Printed minutes.pdf", "2019-03-12") not in fetched(papers)
