"""The extractor of each record type (PaperExtraction's field), in the order a part of a
paper is read. Each reads the part's sentences alone and never looks across a section's
edge (pipeline.extract.part_blocks).

Apart from pipeline/extract.py, which imports it only to read a part: the command line's
process prepares a long paper and combines its parts but reads none (its workers do, forked
from the pool's forkserver, which imports this module once), and these extractors' patterns take about a
second of CPU to compile, while the command's start keeps both cores busy."""
from __future__ import annotations

from extractors.budgets import extract_budgets
from extractors.commitments import extract_commitments
from extractors.decisions import extract_decisions
from extractors.milestones import extract_milestones
from extractors.relations import extract_relations
from extractors.risks import extract_risks

RECORD_EXTRACTORS = {"budgets": extract_budgets, "milestones": extract_milestones,
                     "commitments": extract_commitments, "risks": extract_risks,
                     "decisions": extract_decisions, "relations": extract_relations}
