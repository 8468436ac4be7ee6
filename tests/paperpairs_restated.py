"""A second style of paper and update, written for the cross-paper tests: a Health and Wellbeing
Board integration paper and its update a year later, by authors who name the same bodies
differently (a full name, a short name, an abbreviation the paper coins, two CCGs in one
phrase) and restate milestones in other words ("focussed on delivering X from <date>" against
"X is now expected to go live from <later date>"; "in July rather than April as previously
planned"). One date moves earlier, one does not move, two pairs share words but are
different events, and dates of guidance and strategies cited are no plans to be overdue.

TRUTH is the answer key in the form of tests/paperpairs.py: (phrase of the earlier quote,
phrase of the later one, slip in days or 0).
"""
from __future__ import annotations

from tests.paperpairs import _cover

WEXCOMBE_2021 = dict(name="wexcombe-hwb-integration-2021", cover=_cover(
    "Wexcombe Health and Wellbeing Board", "16 September 2021", "Integrating care in Wexcombe and Northfold",
    "Dana Reyes and Tom Ashby, Managing Directors, NHS Wexcombe and Northfold CCGs"), blocks=[
    ("heading", "1. Purpose of the report"),
    "NHS Wexcombe Clinical Commissioning Group and NHS Northfold Clinical Commissioning Group are working "
    "with Wexcombe Metropolitan Borough Council and Wexcombe Community Health Services NHS Trust (WCHS) "
    "through the Wexcombe and Northfold Integrated Care Partnership (WNICP).",
    "The approach follows national guidance (Integrating Care: Next Steps, NHS England, November 2020) "
    "and builds on the Wexcombe Ageing Well Strategy agreed by the Board in March 2021.",
    ("heading", "2. Programme and timeline"),
    "The WNICP programme is focussed on delivering a single point of access for community services "
    "from October 2021.",
    "The two CCGs will merge to form a single CCG for Wexcombe and Northfold from April 2022.",
    "The new Wexcombe Community Hospital will open in spring 2024.",
    "Wexcombe Metropolitan Borough Council will approve the carers' strategy in March 2022.",
    "The governing bodies will agree the commissioning intentions for community services in December 2021.",
    "WCHS will begin the community nursing pilot in November 2021.",
    "The shared care record will be switched on for all practices by January 2022.",
])

WEXCOMBE_2022 = dict(name="wexcombe-hwb-integration-update-2022", cover=_cover(
    "Wexcombe Health and Wellbeing Board", "8 September 2022", "Integrated care in Wexcombe: one year on",
    "Dana Reyes, Managing Director, Wexcombe CCG"), blocks=[
    ("heading", "1. Purpose"),
    "This paper updates the Board on the work of Wexcombe CCG, Northfold CCG, Wexcombe Council and WCHS "
    "in the Wexcombe and Northfold Integrated Care Partnership.",
    ("heading", "2. Progress against the timeline"),
    "The single point of access for community services is now expected to go live from February 2022.",
    "The single CCG will now be established in July 2022 rather than April 2022 as previously planned.",
    "Opening of the new Wexcombe Community Hospital has been brought forward to December 2023.",
    "The Council will approve the carers' strategy in March 2022, as planned.",
    "The governing bodies will agree the primary care estates plan for community services in June 2023.",
    "WCHS will begin recruiting to the community nursing academy in January 2023.",
    "The Council will approve the dementia strategy in November 2022.",
])

DELFORD_2023 = dict(name="delford-ormsby-jhosc-system-plan-2023", cover=_cover(
    "Delford and Ormsby Joint Health Overview and Scrutiny Committee", "12 July 2023",
    "System plan for Delford and Ormsby", "Priya Nair, Director of Strategy, NHS Delford and Ormsby Integrated Care Board"),
    blocks=[
    ("heading", "1. Introduction"),
    "NHS Delford and Ormsby Integrated Care Board works with Delford Hospitals NHS Foundation Trust (DHFT) "
    "and Ormsby County Council on the plans in this paper.",
    ("heading", "2. Key milestones"),
    "The Delford Integrated Discharge Hub (DIDH) will launch in January 2024.",
    "The new Delford General Hospital will open to patients in 2026.",
    "DHFT will complete the move of outpatient services to the Ormsby Health Campus by September 2024.",
    "Ormsby County Council will consult on its charging policy in November 2023.",
    "The ICB Board will sign off the winter plan in October 2023.",
    "The community diagnostic centre will open in Delford in March 2024.",
])

DELFORD_2024 = dict(name="delford-ormsby-jhosc-system-plan-update-2024", cover=_cover(
    "Delford and Ormsby Joint Health Overview and Scrutiny Committee", "20 March 2024",
    "System plan: progress report", "Priya Nair, Director of Strategy, NHS Delford and Ormsby ICB"), blocks=[
    ("heading", "1. Introduction"),
    "This report updates the Committee on the system plan agreed last year.",
    ("heading", "2. Progress"),
    "DIDH go-live has moved to April 2024 following delays to the estates works.",
    "The new hospital is now expected to open in 2027 rather than 2026 as previously planned.",
    "Delford Hospitals NHS Trust has brought forward completion of the outpatient move to the Ormsby "
    "Health Campus to June 2024.",
    "Consultation on the charging policy ran in November 2023, as planned.",
    "The ICB Board will sign off the workforce plan in May 2024.",
    "The community diagnostic centre will publish its first annual report in June 2025.",
])

PAIRS = [(WEXCOMBE_2021, WEXCOMBE_2022), (DELFORD_2023, DELFORD_2024)]

TRUTH = [
    ("focussed on delivering a single point", "expected to go live from February 2022", 120),
    ("merge to form a single CCG", "will now be established in July 2022", 92),
    ("Community Hospital will open", "brought forward to December 2023", 0),
    ("approve the carers' strategy", "approve the carers' strategy", 0),
    ("Discharge Hub (DIDH) will launch", "DIDH go-live has moved", 90),
    ("General Hospital will open", "new hospital is now expected", 365),
    ("complete the move of outpatient", "brought forward completion", 0),
    ("consult on its charging policy", "Consultation on the charging policy", 0),
]
# Dropped by the update after their date: the only overdue milestones.
OVERDUE = ["commissioning intentions", "shared care record", "sign off the winter plan"]


if __name__ == "__main__":
    import sys
    from pathlib import Path

    from tests.paperpairs import write_pdf_paper

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "restated-pairs")
    out.mkdir(parents=True, exist_ok=True)
    for pair in PAIRS:
        for spec in pair:
            print(write_pdf_paper(spec, out))
