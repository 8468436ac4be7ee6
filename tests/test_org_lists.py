"""Bodies named only as items of a list: the list's head searched from where it can start."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.org_lists import LISTS, _lists, listed_bodies

PIECES = st.sampled_from(["voluntary", "organisations", "providers", "charities", "London", "Boroughs",
                          "local", "care-home", "such as", "including", "(", ")", ",", ".", ";", " ", "\n",
                          "Open Door", "Sufra", "Mencap", "and", "Wandsworth", "x" * 30, "-"])


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=25).map(" ".join))
def test_lists_are_found_as_a_search_from_every_position_finds_them(text):
    for pattern in LISTS:
        assert [m.span() for m in _lists(pattern, text)] == [m.span() for m in pattern.finditer(text)]


def test_a_list_of_voluntary_organisations_names_its_items():
    text = "We fund three local voluntary organisations (Open Door, Sufra and Mencap) this year."
    assert [(name, kind) for _, _, name, kind in listed_bodies(text)] == \
        [("Open Door", "voluntary"), ("Sufra", "voluntary"), ("Mencap", "voluntary")]


def test_companies_named_as_items_of_a_list_of_suppliers_or_businesses():
    from tests.textpaper import extract
    out = extract("Clinical system suppliers such as Cerner, EMIS and TPP attended the workshop.",
                  "Rail operators such as Eurostar and Getlink were consulted on the border checks.",
                  cover=["From: Jo Bloggs, Head of Digital", "To: Cabinet - 3 March 2024", "Subject: Digital update"])
    companies = {o.name for o in out.organisations if o.org_type == "company"}
    assert {"Cerner", "EMIS", "TPP", "Eurostar", "Getlink"} <= companies
    assert not [n for n in companies if " were" in n or " attended" in n]


def test_the_bodies_an_attendance_line_names_after_each_persons_initials():
    from tests.textpaper import extract
    out = extract("Present: Ann Lee (AL) Northwind Systems, steering group member Raj Patel (RP) Oakfield Digital "
                  "Sam Green (SG) Bluebell Software Tom Hart(TH), NHSX, Chair Jo Bloggs (JB) (Chair)",
                  "1.1 AL welcomed the group.",
                  cover=["Minutes of the interoperability working group", "3rd May 2018"])
    found = {o.name for o in out.organisations}
    assert {"Northwind Systems", "Oakfield Digital", "Bluebell Software", "NHSX"} <= found
    assert not [n for n in found if "Patel" in n or "Green" in n or "Hart" in n or n == "Chair"]
