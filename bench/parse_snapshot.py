"""Every block of every PDF in some folders, one JSON line per paper, so that two versions of
the parser can be compared paper by paper (a change meant for scans must leave born-digital
papers as they were):

    python bench/parse_snapshot.py --out before.jsonl [FOLDER ...]   # on the old code
    python bench/parse_snapshot.py --out after.jsonl [FOLDER ...]    # on the new
    python bench/parse_snapshot.py --compare before.jsonl after.jsonl

Folders default to the shared papers and the unannotated ones; `--skip-scans` leaves out
papers OCR would read (their pages weigh more than one each, ocr.page_weights).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import ocr  # noqa: E402
from pipeline.parse import parse_pdf  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
FIELDS = ("page", "kind", "number", "section", "text", "table", "row", "col")


def snapshot(pdf: Path) -> dict:
    paper = parse_pdf(pdf)
    blocks = [[block.model_dump(mode="json")[name] for name in FIELDS] for block in paper.blocks]
    return {"paper": pdf.name, "pages": paper.pages, "blocks": blocks,
            "tables": [table.rows for table in paper.tables], "cover": paper.cover_lines}


def compare(before: Path, after: Path) -> int:
    """Print each paper whose parse differs, with its first differing blocks; how many do."""
    old = {line["paper"]: line for line in map(json.loads, before.read_text().splitlines())}
    new = {line["paper"]: line for line in map(json.loads, after.read_text().splitlines())}
    changed = 0
    for name in sorted(old.keys() | new.keys()):
        if old.get(name) == new.get(name):
            print(f"same     {name}")
            continue
        changed += 1
        print(f"CHANGED  {name}")
        a, b = (old.get(name) or {}).get("blocks", []), (new.get(name) or {}).get("blocks", [])
        shown = 0
        for i in range(max(len(a), len(b))):
            if (a[i:i + 1] or None) != (b[i:i + 1] or None) and shown < 5:
                print(f"   block {i}\n     - {a[i] if i < len(a) else None}\n     + {b[i] if i < len(b) else None}")
                shown += 1
    print(f"{changed} of {len(old.keys() | new.keys())} papers changed")
    return changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[SHARED / "papers", SHARED / "unannotated"])
    ap.add_argument("--out", type=Path)
    ap.add_argument("--skip-scans", action="store_true")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        sys.exit(1 if compare(*args.compare) else 0)
    with open(args.out, "w") as out:
        for pdf in sorted(p for folder in args.folders for p in folder.glob("*.pdf")):
            if args.skip_scans and max(ocr.page_weights(pdf, 10**6)) > 1:
                continue
            out.write(json.dumps(snapshot(pdf)) + "\n")
            out.flush()
            print(pdf.name, flush=True)


if __name__ == "__main__":
    main()
