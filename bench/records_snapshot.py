"""Every record extracted from every PDF in some folders (and a generated pack), one JSON line
per paper, so that a change meant to make extraction cheaper can be shown to leave its output
as it was:

    python bench/records_snapshot.py --out before.jsonl [FOLDER ...]   # on the old code
    python bench/records_snapshot.py --out after.jsonl [FOLDER ...]    # on the new
    python bench/records_snapshot.py --compare before.jsonl after.jsonl

Folders default to the shared papers and the unannotated ones; `--pack PAGES` adds the
benchmark's generated agenda pack (bench/throughput.py) of that many pages. Parses come from
bench/extraction.py's cache. Each line also says the CPU seconds extraction took.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction import parsed  # noqa: E402
from bench.throughput import dense_pages  # noqa: E402
from pipeline.extract import extract_paper  # noqa: E402
from tests.pdfgen import write_pdf  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


def snapshot(pdf: Path, cache: Path) -> dict:
    paper = parsed(pdf, cache)
    started = time.process_time()
    extraction = extract_paper(paper)
    seconds = time.process_time() - started
    records = extraction.model_dump(mode="json")
    records["document"].pop("path", None)     # where the file was read from, not what it says
    return {"paper": pdf.name, "records": records, "cpu_s": round(seconds, 2)}


def compare(before: Path, after: Path) -> int:
    """Print each paper whose records differ, with the first differing records of each type;
    how many do."""
    old = {line["paper"]: line for line in map(json.loads, before.read_text().splitlines())}
    new = {line["paper"]: line for line in map(json.loads, after.read_text().splitlines())}
    changed = 0
    for name in sorted(old.keys() | new.keys()):
        a, b = (old.get(name) or {}).get("records"), (new.get(name) or {}).get("records")
        if a == b:
            print(f"same     {name}  ({old[name]['cpu_s']} -> {new[name]['cpu_s']} CPU s)")
            continue
        changed += 1
        print(f"CHANGED  {name}")
        for field in sorted((a or {}).keys() | (b or {}).keys()):
            x, y = (a or {}).get(field), (b or {}).get(field)
            if x != y:
                if isinstance(x, list) and isinstance(y, list):
                    i = next((i for i in range(max(len(x), len(y))) if x[i:i + 1] != y[i:i + 1]), 0)
                    print(f"   {field}[{i}] ({len(x)} -> {len(y)})\n     - {x[i:i + 1]}\n     + {y[i:i + 1]}")
                else:
                    print(f"   {field}\n     - {x}\n     + {y}")
    print(f"{changed} of {len(old.keys() | new.keys())} papers changed")
    return changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[SHARED / "papers", SHARED / "unannotated"])
    ap.add_argument("--out", type=Path)
    ap.add_argument("--pack", type=int, default=0, metavar="PAGES")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        sys.exit(1 if compare(*args.compare) else 0)
    pdfs = sorted(p for folder in args.folders for p in folder.glob("*.pdf"))
    with tempfile.TemporaryDirectory() as scratch, open(args.out, "w") as out:
        if args.pack:
            pdfs.append(write_pdf(Path(scratch) / f"agenda pack {args.pack} pages.pdf", dense_pages(args.pack)))
        for pdf in pdfs:
            line = snapshot(pdf, args.cache)
            out.write(json.dumps(line) + "\n")
            out.flush()
            print(f"{pdf.name}  {line['cpu_s']} CPU s", flush=True)


if __name__ == "__main__":
    main()
