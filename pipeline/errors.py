"""Failures a paper can have, each with a kind operations can count and a reason a person can read."""


class PaperError(Exception):
    """A paper that cannot be ingested; deterministic, so never retried."""

    def __init__(self, kind: str, reason: str):
        super().__init__(f"{kind}: {reason}")
        self.kind = kind      # empty, not_pdf, corrupt (nothing can read it, repaired or not),
                              # encrypted, needs_ocr (a scan with no Tesseract, or no text even by
                              # OCR), ocr_error, extract_error, load_error, fetch_failed, source_failed
        self.reason = reason

    def __reduce__(self):
        """Rebuilt from (kind, reason) when it crosses from a worker process."""
        return PaperError, (self.kind, self.reason)
