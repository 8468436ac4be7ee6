"""Explicit slippage: a paper that says a milestone's date moved (extractors/milestones/moves.py),
the milestone carrying the date it replaced, and the near-misses that must yield no slip. The
sentences are written for these tests in the genre's style."""
from datetime import date

import pytest

from extractors.dates import find_dates, range_sides
from extractors.milestones.moves import find_move
from tests.textpaper import extract

REF = date(2020, 1, 15)


def move_of(text: str):
    return find_move(text, find_dates(text, REF), REF)


@pytest.mark.parametrize("text, old_end, new_end", [
    # 'is now expected to ... in <new>, rather than in <old> as previously planned'
    ("The shared care record is now expected to go live in October 2020, rather than in April 2020 "
     "as previously planned.", date(2020, 4, 30), date(2020, 10, 31)),
    ("The hub will now open in November 2020 instead of the planned date of July 2020.",
     date(2020, 7, 31), date(2020, 11, 30)),
    ("The launch will take place in June 2020 rather than in May 2020 as originally planned.",
     date(2020, 5, 31), date(2020, 6, 30)),
    # 'delayed from X to Y' (one range or two dates; a side without its year takes the other's)
    ("Opening of the urgent treatment centre has been delayed from March 2020 to June 2020.",
     date(2020, 3, 31), date(2020, 6, 30)),
    ("The go-live was deferred from April to September 2020 to allow further testing.",
     date(2020, 4, 30), date(2020, 9, 30)),
    ("Completion of the estates review has slipped from Q1 2020/21 to Q3 2020/21.",
     date(2020, 6, 30), date(2020, 12, 31)),
    ("The Programme Board agreed to postpone the launch event from 12th May to 9th June.",
     date(2020, 5, 12), date(2020, 6, 9)),
    ("There has been a three month delay of the estates programme from April to July 2020.",
     date(2020, 4, 30), date(2020, 7, 31)),
    ("Mobilisation of the new contract has been moved to June 2020 from March 2020.",
     date(2020, 3, 31), date(2020, 6, 30)),
    # 'deferred until', 'pushed back to', 'has slipped to' with the original plan stated
    ("Go-live of the new system, originally planned for April 2020, has been deferred until October 2020.",
     date(2020, 4, 30), date(2020, 10, 31)),
    ("The public engagement exercise, originally scheduled for May 2020, has been pushed back to July 2020.",
     date(2020, 5, 31), date(2020, 7, 31)),
    ("The transfer of staff, initially due in September 2020, has slipped to January 2021.",
     date(2020, 9, 30), date(2021, 1, 31)),
    # 'revised date', and the two dates side by side in a progress table's cell
    ("The revised date for completion of the hub is March 2021 (originally December 2020).",
     date(2020, 12, 31), date(2021, 3, 31)),
    ("Go-live: June 2021 (originally March 2021)", date(2021, 3, 31), date(2021, 6, 30)),
    ("Go-live: March 2021 (now June 2021)", date(2021, 3, 31), date(2021, 6, 30)),
    # 'was due in X, now Y'
    ("The outline business case was due in March 2020, now June 2020.", date(2020, 3, 31), date(2020, 6, 30)),
    ("The business case was due to be submitted in March 2020, but is now expected in June 2020.",
     date(2020, 3, 31), date(2020, 6, 30)),
    # a date moved earlier counts too
    ("Procurement of the community equipment service has been brought forward from December 2020 to "
     "September 2020.", date(2020, 12, 31), date(2020, 9, 30)),
])
def test_a_stated_move_gives_the_date_now_planned_and_the_one_it_replaced(text, old_end, new_end):
    move = move_of(text)
    assert move is not None, text
    assert (move.old.interval.end, move.new.interval.end) == (old_end, new_end)
    assert move.days == (new_end - old_end).days
    assert text[move.new.start:move.new.end] == move.new.text
    assert text[move.old.start:move.old.end] == move.old.text


@pytest.mark.parametrize("text", [
    # an original plan recalled, with no new date
    "The strategy was originally planned for 2015 as part of the Better Care Fund programme.",
    "The scheme, originally planned for April 2020, launched on 1 April 2020.",
    # a move with no earlier date, or no date at all
    "Implementation has been deferred until April 2021.",
    "The event will be rescheduled.",
    "The Committee resolved to defer the proposal so that it can be considered with the wider strategy.",
    # a date confirmed, not moved
    "The hub is now expected to open in March 2021, as originally planned.",
    # dates moved by government or legislation: no local body slipped
    "The Government has delayed the adult social care charging reforms from October 2023 to October 2025.",
    "The regulations moved the deadline for registration from April 2024 to October 2024.",
    # a range of dates that moved nothing
    "Delayed transfers of care fell from 2018/19 to 2019/20.",
    "The service was delayed by staffing problems and ran from April to June 2020.",
    "The delay meant the pilot ran from April to June 2020.",
    "The programme ran from April 2019 to March 2020.",
    "The contract has been extended from March 2024 to March 2025.",
    # two events, each with its own date
    "The review was due in March 2020 and the findings are now being considered by the Board in June 2020.",
    "The consultation launched on 16th January and was due to run for eight weeks until 12th March.",
    "Data for June 2020 rather than March 2020 were used in the analysis.",
])
def test_near_misses_state_no_move(text):
    assert move_of(text) is None


def test_range_sides_read_each_end_and_may_go_backwards():
    text = "brought forward from December to September 2020"
    (mention,) = find_dates(text, REF)
    first, last = range_sides(mention, REF)
    assert (first.text, first.interval.start, last.text, last.interval.end) == (
        "December", date(2020, 12, 1), "September 2020", date(2020, 9, 30))
    assert range_sides(find_dates("in June 2020", REF)[0], REF) is None


def test_the_milestone_carries_its_replaced_date_and_the_old_date_is_no_milestone():
    sentence = ("The integrated care record is now expected to go live in October 2020, rather than in "
                "April 2020 as previously planned.")
    found = extract(sentence).milestones
    assert len(found) == 1
    (m,) = found
    assert (m.date_text, m.date_start, m.date_end) == ("in October 2020", date(2020, 10, 1), date(2020, 10, 31))
    assert (m.replaced_date_text, m.replaced_date_start, m.replaced_date_end) == (
        "in April 2020", date(2020, 4, 1), date(2020, 4, 30))
    assert m.quote == sentence and m.status == "planned"
    assert "April" not in m.description and "October" not in m.description


def test_a_move_in_a_sentence_with_another_event_keeps_both_dates_in_its_quote():
    found = extract("Procurement has been brought forward from December 2020 to September 2020, and the "
                    "Board will meet on 5 May 2020.").milestones
    moved = [m for m in found if m.replaced_date_text]
    assert [(m.date_text, m.replaced_date_text) for m in moved] == [("September 2020", "December 2020")]
    assert "December 2020" in moved[0].quote and "September 2020" in moved[0].quote
    assert [m.date_text for m in found if not m.replaced_date_text] == ["5 May 2020"]


def test_near_misses_leave_milestones_without_a_replaced_date():
    found = extract("The strategy was originally planned for 2015 as part of the Better Care Fund programme.",
                    "Implementation of the new pathway has been deferred until April 2021.",
                    "The Government has delayed the charging reforms from October 2023 to October 2025.").milestones
    assert found and all(m.replaced_date_text is None for m in found)


def test_a_plan_moved_by_the_next_sentence_is_one_milestone_quoting_both():
    plan = "The new booking system was due to go live in April 2020."
    moved = "This has now been deferred until October 2020."
    found = extract(f"{plan} {moved} The Board will meet in June 2020.",
                    "The community hub was originally planned to open in May 2020. It has since been pushed back "
                    "to September 2020.").milestones
    assert [(m.quote, m.date_text, m.replaced_date_text) for m in found if m.replaced_date_text] == [
        (f"{plan} {moved}", "until October 2020", "in April 2020"),
        ("The community hub was originally planned to open in May 2020. It has since been pushed back to "
         "September 2020.", "September 2020", "in May 2020")]
    assert [m.quote for m in found if not m.replaced_date_text] == ["The Board will meet in June 2020."]


@pytest.mark.parametrize("plan, then", [
    ("The review was due in March 2020.", "It was completed in April 2020."),              # done, not moved
    ("The hub opened in April 2020.", "This has been delayed to June 2020 for the second phase."),  # no plan
    ("The pilot was due to start in April 2020.", "This was delayed by the Government to October 2020."),
    ("The strategy was planned for 2019.", "This has been deferred until the review concludes."),
])
def test_two_sentences_that_move_nothing_give_no_replaced_date(plan, then):
    found = extract(f"{plan} {then}").milestones
    assert all(m.replaced_date_text is None for m in found)
