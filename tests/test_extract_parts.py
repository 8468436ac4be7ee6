"""A long paper read in parts on worker processes yields exactly the records of reading it
whole: parts are cut only where a new section opens, and no extractor looks across one."""
from pathlib import Path

import pytest

from pipeline import workers
from pipeline.extract import extract_paper, part_blocks, process_file
from pipeline.parse import parse_pdf
from schemas import BlockKind
from tests.packgen import SENTENCES
from tests.pdfgen import write_pdf


@pytest.fixture(scope="module")
def papers(samples):
    return {"nwl": parse_pdf(samples / "nwl-jhosc-commissioning-reform-2019.pdf"),
            "bromley": parse_pdf(samples / "bromley-hwb-integrated-commissioning-2013.pdf")}


@pytest.fixture
def maps(monkeypatch):
    """The names of the functions the papers' worker pools map, in order."""
    mapped = []

    class RecordedPool(workers.ProcessPoolExecutor):
        def map(self, fn, *iterables, **kwargs):
            mapped.append(fn.__name__)
            return super().map(fn, *iterables, **kwargs)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", RecordedPool)
    return mapped


def reports_pack(path, pages: int):
    """Reports bound into one pack: a bold heading opens each report every fifth page."""
    built = []
    for number in range(1, pages + 1):
        items, y = [], 780
        if number % 5 == 1:
            items.append((72, y, f"Report {number // 5 + 1}: {['Care', 'Housing', 'Schools'][number % 3]} update", 13, True))
            y -= 30
        for i, template in enumerate(SENTENCES):
            items.append((72, y, template.format(year=2019, next=2020, money=i + 1), 10))
            y -= 24
        built.append(items)
    return write_pdf(path, built)


def test_parts_cover_every_block_once_and_start_at_a_new_section(papers):
    paper = papers["nwl"]
    parts = part_blocks(paper, 3)
    assert len(parts) == 3
    assert [i for part in parts for i in part] == list(range(len(paper.blocks)))
    for part in parts[1:]:
        first = paper.blocks[part.start]
        assert first.kind == BlockKind.heading and first.section != paper.blocks[part.start - 1].section
    assert part_blocks(paper, 1) == [range(len(paper.blocks))]


def test_records_read_in_parts_on_workers_are_those_read_whole(papers, maps):
    for name in ("nwl", "bromley"):
        whole = extract_paper(papers[name])
        with workers.paper_pool() as pool:
            in_parts = extract_paper(papers[name], pool)
        assert in_parts.model_dump() == whole.model_dump(), name
        assert whole.commitments and whole.milestones
    assert maps == ["extract_part", "extract_part"]


def test_a_long_paper_is_parsed_and_extracted_on_one_pool(tmp_path, maps):
    pack = reports_pack(tmp_path / "pack.pdf", 40)
    whole = extract_paper(parse_pdf(pack, parallel_min_pages=10**6))
    assert process_file(pack).model_dump() == whole.model_dump()
    assert maps == ["lay_out_pages", "extract_part"]
    assert len(whole.milestones) > 40


def test_the_flows_process_prepares_papers_without_importing_spacy():
    """The flow's process lays out nothing and reads no sentences: importing the flow (its
    prepare, load and cross-paper steps) leaves spaCy's 1.5 CPU-s of imports to the workers."""
    import subprocess
    import sys

    probe = "import sys, flows.nightly; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.strip() == "False"


def test_stop_words_are_spacys_own():
    from spacy.lang.en.stop_words import STOP_WORDS

    from extractors.gazetteer import STOP_WORDS as read_from_its_file

    assert read_from_its_file == STOP_WORDS and "the" in read_from_its_file


def test_two_parts_are_as_even_as_a_cut_at_a_new_section_can_make_them(tmp_path):
    """The cut is the section opening nearest half the text, before or after it: the
    parts' workers then finish together."""
    paper = parse_pdf(reports_pack(tmp_path / "pack.pdf", 23), parallel_min_pages=10**6)
    blocks = paper.blocks
    first, second = part_blocks(paper, 2)
    openings = [i for i in range(1, len(blocks))
                if blocks[i].kind == BlockKind.heading and blocks[i].section != blocks[i - 1].section]

    def imbalance(cut: int) -> int:
        return abs(sum(len(b.text) for b in blocks[:cut]) - sum(len(b.text) for b in blocks[cut:]))

    assert second.start in openings and len(openings) >= 3
    assert imbalance(second.start) == min(imbalance(cut) for cut in openings)
