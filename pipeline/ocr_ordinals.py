"""A day's ordinal on an OCR'd page, written as printed when Tesseract misread its superscript.

Councils print "17th December" with the "th" raised and small; Tesseract reads that superscript
as a quote mark or a stray glyph ("17\" December", "16'\" January", "15% January", "12°
March") or runs it into the number ("224 January" for 22nd, "318t March" for 31st). The date
finder then sees no day, and a quote no longer has the paper's "17th". Before a month's name
the number can only be the day, so the day is kept and its ordinal written as English writes
it. Born-digital text is never touched: this runs on OCR'd lines only (ocr.py).
"""
from __future__ import annotations

import re

MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                   r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\W?$", re.I)
# A day and the glyphs its superscript was read as: quote marks, a degree sign, a percent sign.
MARKED_DAY = re.compile(r"^([1-9]|[12]\d|3[01])[\"'`%°*’‘”“]{1,3}$")
# A day with its superscript read as one more digit, or a digit and a letter: 224, 318t (never a
# round number: "100 May" is not a day).
RUN_IN_DAY = re.compile(r"^([1-9]|[12]\d|3[01])(?:[1-9][a-z]?|[a-z]{2})$")


def ordinal(day: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 31st."""
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def day_before_month(word: str, following: str) -> str:
    """`word` written as its day's ordinal when it is a misread one before a month's name."""
    if not MONTH.match(following) or following.lower().startswith("may") and following[0] == "m":
        return word         # "15% may need support": the verb, not the month
    m = MARKED_DAY.match(word)
    if m is None:
        m = RUN_IN_DAY.match(word)
        if m is None or word.isdigit() and int(word) <= 31 or word.lower().endswith(("st", "nd", "rd", "th")) \
                and word[:-2].isdigit():
            return word
    return ordinal(int(m.group(1)))


def ordinal_days(words: list[str]) -> list[str]:
    """A line's words with every misread day before a month's name written as its ordinal."""
    return [day_before_month(word, words[i + 1]) if i + 1 < len(words) else word
            for i, word in enumerate(words)]
