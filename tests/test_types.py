"""Document.page_at: the page of an offset, from the pages' blocks."""

from screener.types import Block, Document, Line, Page


def _block(page: int, start: int, end: int) -> Block:
    return Block(
        page=page,
        lines=[Line(text="x" * (end - start), start=start, end=end)],
        start=start,
        end=end,
    )


def _document(*pages: list[Block]) -> Document:
    return Document(
        text="x" * 100,
        pages=[Page(number=i + 1, blocks=blocks) for i, blocks in enumerate(pages)],
        source_format="pdf",
    )


def test_page_at_gives_the_page_of_the_last_block_starting_before_the_offset():
    doc = _document([_block(1, 0, 10), _block(1, 12, 20)], [_block(2, 22, 30)], [_block(3, 32, 40)])
    assert [doc.page_at(o) for o in (0, 15, 21, 22, 31, 39, 99)] == [1, 1, 1, 2, 2, 3, 3]


def test_page_at_skips_a_page_without_blocks():
    doc = _document([_block(1, 0, 10)], [], [_block(3, 12, 20)])
    assert [doc.page_at(o) for o in (5, 11, 12)] == [1, 1, 3]


def test_page_at_before_the_first_block_is_the_first_page_with_blocks():
    doc = _document([], [_block(2, 5, 10)])
    assert doc.page_at(0) == 2


def test_page_at_without_blocks_is_page_one():
    assert Document(text="").page_at(0) == 1
