import hashlib
from pathlib import Path

import pytest

from pipeline.discover import discover, sha256_file


def test_sha256_file_matches_hashlib_across_chunks(tmp_path):
    data = bytes(range(256)) * 9000  # a little over 2 MiB, so several chunks
    path = tmp_path / "big.pdf"
    path.write_bytes(data)
    assert sha256_file(path) == hashlib.sha256(data).hexdigest()


def test_discover_searches_folders_recursively_sorted_and_once(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    papers = [tmp_path / "b" / "deep" / "z.PDF", tmp_path / "a.pdf", tmp_path / "b" / "m.Pdf"]
    for paper in papers:
        paper.write_bytes(b"%PDF-1.4")
    (tmp_path / "b" / "notes.txt").write_text("not a paper")
    (tmp_path / "b" / "folder.pdf").mkdir()  # a folder named like a paper is not one

    found = discover([tmp_path, tmp_path / "a.pdf", str(tmp_path / "b" / ".." / "a.pdf")])

    assert found == sorted(p.resolve() for p in papers)


def test_discover_takes_a_named_file_whatever_its_suffix(tmp_path):
    named = tmp_path / "agenda-pack.download"
    named.write_bytes(b"%PDF-1.4")
    assert discover([named]) == [named.resolve()]


def test_discover_missing_path_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "no-such-paper.pdf"
    with pytest.raises(FileNotFoundError, match="no-such-paper.pdf"):
        discover([Path(__file__), missing])
