"""Hand-built PaperExtractions for warehouse tests: one record of every type, quoted from a
small made-up paper so that offsets and quotes agree."""
import hashlib
from datetime import date

from schemas.records import (Budget, Commitment, Decision, Document, Milestone, Organisation,
                             PaperExtraction, Relation, Risk, Section)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def paper_text(topic: str) -> str:
    """The paper's text; `topic` varies it, so two versions of a paper differ in every quote."""
    return (f"1. Finance\nThe {topic} budget for 2016/17 is £2.5m, funded by Bromley Council.\n"
            f"2. Next steps\nThe new {topic} service will launch in April 2017.\n"
            f"The CCG will review the {topic} contract by March 2017.\n"
            f"There is a risk that {topic} demand outstrips capacity; monitoring mitigates it.\n"
            f"The Board is asked to approve the {topic} plan.\n")


def paper(stem: str = "bromley-hwb-care-2016", topic: str = "care home",
          content: bytes | None = None, path: str | None = None) -> PaperExtraction:
    """A paper about `topic`, identified by the SHA-256 of `content` (its text by default)."""
    text = paper_text(topic)
    doc_id = sha256(content if content is not None else text.encode())
    path = path or f"papers/{stem}.pdf"

    def quoted(sentence_start: str, section: str, page: int) -> dict:
        start = text.index(sentence_start)
        end = text.index("\n", start)
        return dict(doc_id=doc_id, doc=stem, page=page, section=section,
                    quote=text[start:end], char_start=start, char_end=end)

    return PaperExtraction(
        document=Document(doc_id=doc_id, doc=stem, path=path, pages=2, committee="HWB",
                          title=f"Update on {topic} commissioning", date="2016-09",
                          authors=["Jane Smith", "Ann O'Neill"],
                          organisation="NHS Bromley CCG"),
        sections=[Section(doc_id=doc_id, path="1. Finance", title="Finance", page=1,
                          text=text[text.index("The"):text.index("2. Next")].strip()),
                  Section(doc_id=doc_id, path="2. Next steps", title="Next steps", page=2,
                          text=text[text.index("The new"):].strip())],
        organisations=[Organisation(doc_id=doc_id, doc=stem, name="NHS Bromley CCG",
                                    aliases=["CCG", "Bromley CCG"], org_type="ccg", page=2,
                                    quote="The CCG"),
                       Organisation(doc_id=doc_id, doc=stem, name="Bromley Council",
                                    org_type="council", page=1, quote="Bromley Council")],
        budgets=[Budget(**quoted("The " + topic + " budget", "1. Finance", 1),
                        amount_gbp=2_500_000, kind="budget", org="Bromley Council",
                        period="2016/17")],
        milestones=[Milestone(**quoted("The new", "2. Next steps", 2),
                              description=f"{topic} service launch", date_text="April 2017",
                              date_start=date(2017, 4, 1), date_end=date(2017, 4, 30),
                              status="planned")],
        commitments=[Commitment(**quoted("The CCG will", "2. Next steps", 2),
                                actor="NHS Bromley CCG", action=f"review the {topic} contract",
                                modality="firm", due="March 2017",
                                due_start=date(2017, 3, 1), due_end=date(2017, 3, 31))],
        risks=[Risk(**quoted("There is a risk", "2. Next steps", 2),
                    description=f"{topic} demand outstrips capacity",
                    mitigation="monitoring")],
        decisions=[Decision(**quoted("The Board is asked", "2. Next steps", 2),
                            body="Bromley Health and Wellbeing Board", kind="recommendation")],
        relations=[Relation(**quoted("The " + topic + " budget", "1. Finance", 1),
                            source="Bromley Council", relation="funds",
                            target="NHS Bromley CCG")],
    )
