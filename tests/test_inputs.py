import os
import socket

import pytest

from screener.errors import TooLargeError
from screener.inputs import iter_inputs, read_file


def _names(items):
    return [(os.path.basename(i.path), i.problem) for i in items]


def test_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b.pdf").write_bytes(b"x")
    (tmp_path / ".hidden.pdf").write_bytes(b"x")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "c.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("x")
    assert _names(iter_inputs([tmp_path])) == [("c.txt", None), ("b.pdf", None)]


def test_walk_reports_a_fifo_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "resume.pdf")
    assert _names(iter_inputs([tmp_path])) == [("resume.pdf", "special_file")]


def test_walk_reports_a_socket(tmp_path):
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s.pdf"))
    try:
        assert _names(iter_inputs([tmp_path])) == [("s.pdf", "special_file")]
    finally:
        sock.close()


def test_walk_reports_a_dangling_symlink(tmp_path):
    os.symlink(tmp_path / "gone.pdf", tmp_path / "link.pdf")
    assert _names(iter_inputs([tmp_path])) == [("link.pdf", "broken_link")]


def test_walk_does_not_follow_a_file_link_out_of_the_folder(tmp_path):
    (tmp_path / "secret.txt").write_text("x")
    (tmp_path / "upload").mkdir()
    os.symlink(tmp_path / "secret.txt", tmp_path / "upload" / "cv.txt")
    assert _names(iter_inputs([tmp_path / "upload"])) == [("cv.txt", "outside_folder")]


def test_walk_does_not_follow_a_folder_link_out_of_the_folder(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.pdf").write_bytes(b"x")
    (tmp_path / "upload").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "upload" / "more")
    assert _names(iter_inputs([tmp_path / "upload"])) == [("more", "outside_folder")]


def test_walk_ignores_a_link_out_of_the_folder_with_another_name(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "upload").mkdir()
    os.symlink(tmp_path / "notes.md", tmp_path / "upload" / "notes.md")
    assert _names(iter_inputs([tmp_path / "upload"])) == []


def test_walk_follows_a_link_that_stays_inside_the_folder(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    assert _names(iter_inputs([tmp_path])) == [("a.txt", None)]  # same file, once


def test_a_link_named_directly_is_followed(tmp_path):
    (tmp_path / "secret.txt").write_text("x")
    os.symlink(tmp_path / "secret.txt", tmp_path / "cv.txt")
    assert _names(iter_inputs([tmp_path / "cv.txt"])) == [("cv.txt", None)]


def test_walk_reports_a_symlink_loop(tmp_path):
    os.symlink(tmp_path / "l1.pdf", tmp_path / "l2.pdf")
    os.symlink(tmp_path / "l2.pdf", tmp_path / "l1.pdf")
    assert {p for _, p in _names(iter_inputs([tmp_path]))} == {"broken_link"}


def test_walk_survives_a_directory_symlink_loop_and_screens_each_file_once(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "cv.pdf").write_bytes(b"x")
    os.symlink(tmp_path, tmp_path / "d" / "up")
    assert _names(iter_inputs([tmp_path])) == [("cv.pdf", None)]


def test_same_file_named_twice_is_yielded_once(tmp_path):
    f = tmp_path / "cv.pdf"
    f.write_bytes(b"x")
    assert len(list(iter_inputs([f, tmp_path]))) == 1


def test_missing_path_is_reported(tmp_path):
    assert _names(iter_inputs([tmp_path / "nope.pdf"])) == [("nope.pdf", "not_found")]


def test_read_file_refuses_a_file_over_the_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"x" * 101)
    with pytest.raises(TooLargeError):
        read_file(f, max_bytes=100)


def test_read_file_does_not_block_on_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "p.pdf")
    with pytest.raises(OSError):
        read_file(tmp_path / "p.pdf")


def test_walk_picks_up_resume_file_types_only(tmp_path):
    for name in ("a.PDF", "b.docx", "c.txt", "notes.md", "labels.json", "photo.jpg"):
        (tmp_path / name).write_bytes(b"x")
    assert [n for n, _ in _names(iter_inputs([tmp_path]))] == ["a.PDF", "b.docx", "c.txt"]


def test_a_file_named_directly_is_taken_whatever_its_name(tmp_path):
    (tmp_path / "resume.rtf").write_bytes(b"x")
    assert _names(iter_inputs([tmp_path / "resume.rtf"])) == [("resume.rtf", None)]
