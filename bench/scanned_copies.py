"""Image-only copies of papers, as a scanner would give them, so that OCR can be scored
against the born-digital version of the same paper with the same gold.

    python bench/scanned_copies.py [--papers ../shared/corpus/papers] [--out .cache/scanned]
                                   [--dpi 200] [--skew 0.4] [--quality 70]
    python bench/extraction.py --papers .cache/scanned --cache .cache/parsed-scanned

Each page is rendered (pypdfium2) in grey, turned by --skew degrees as a sheet laid slightly
askew on the glass, and written as a JPEG of --quality inside a PDF with no text layer. The
copies keep the papers' file names, so bench/extraction.py finds their gold.
"""
from __future__ import annotations

import argparse
import io
from pathlib import Path

import pypdfium2
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]


def scanned_copy(pdf: Path, out: Path, dpi: int, skew: float, quality: int) -> int:
    """Write the image-only copy of `pdf` to `out`; its number of pages."""
    pages = []
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for page in document:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            if skew:
                image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=quality)
            pages.append(Image.open(io.BytesIO(buffer.getvalue())))
    finally:
        document.close()
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=ROOT.parent / "shared" / "corpus" / "papers")
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "scanned")
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--skew", type=float, default=0.4, help="degrees the sheet is turned")
    parser.add_argument("--quality", type=int, default=70, help="JPEG quality of each page")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(args.papers.glob("*.pdf")):
        pages = scanned_copy(pdf, args.out / pdf.name, args.dpi, args.skew, args.quality)
        print(f"{pages:3} pages  {args.out / pdf.name}")


if __name__ == "__main__":
    main()
