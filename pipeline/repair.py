"""A damaged PDF repaired in memory, so a file with a broken cross-reference table or trailer
is read instead of refused.

pdfminer gives up on a file whose xref offsets are wrong or whose trailer is broken, or finds
no pages in it; qpdf (through pikepdf) rebuilds the xref by scanning the file's objects, and
writes the file back out whole. The repaired bytes live only in memory: the paper's identity
stays the SHA-256 of the bytes as published.
"""
from __future__ import annotations

import io
from pathlib import Path

import pikepdf


def repaired(path: Path) -> io.BytesIO | None:
    """The file rewritten by qpdf, or None when qpdf cannot read it either, finds no page in
    it, or it is encrypted (which its own error says better than "corrupt")."""
    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted or not len(pdf.pages):
                return None
            out = io.BytesIO()
            pdf.save(out)
    except Exception:
        return None
    out.seek(0)
    return out
