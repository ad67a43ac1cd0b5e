"""The per-file time limit really stops work, in and out of the main thread."""

from __future__ import annotations

import contextlib
import signal
import threading
import time

import pytest
from _pdfs import pdf

from screener.errors import ExtractionTimeout
from screener.extraction import Limits, extract
from screener.extraction import pdf as pdf_adapter
from screener.extraction.limits import Deadline, time_limit


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_alarm_stops_a_busy_loop_in_the_main_thread():
    start = time.monotonic()
    with pytest.raises(ExtractionTimeout), time_limit(0.2):
        spin(5)
    assert time.monotonic() - start < 1.5


def test_alarm_keeps_firing_when_the_first_exception_is_swallowed():
    start = time.monotonic()
    with pytest.raises(ExtractionTimeout), time_limit(0.2):
        with contextlib.suppress(Exception):  # a parser with a broad except clause
            spin(0.5)
        spin(5)
    assert time.monotonic() - start < 1.5


def test_previous_handler_and_timer_are_restored():
    calls = []
    outer_timer = signal.getitimer(signal.ITIMER_REAL)  # pytest-timeout's, if any
    old = signal.signal(signal.SIGALRM, lambda *a: calls.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with time_limit(5):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 20 < remaining <= 30
        assert signal.getsignal(signal.SIGALRM) is not None
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        time.sleep(0.1)
        assert calls == [1]
    finally:
        signal.signal(signal.SIGALRM, old)
        signal.setitimer(signal.ITIMER_REAL, *outer_timer)


def test_no_limit_arms_no_alarm():
    handler = signal.getsignal(signal.SIGALRM)
    with time_limit(None) as deadline:
        assert signal.getsignal(signal.SIGALRM) is handler
        deadline.check()


def test_deadline_check_raises_once_passed():
    deadline = Deadline(0.01)
    time.sleep(0.02)
    with pytest.raises(ExtractionTimeout):
        deadline.check()


def test_extract_times_out_on_a_runaway_page(monkeypatch):
    def runaway(*args, **kwargs):
        spin(10)

    monkeypatch.setattr(pdf_adapter, "_convert", runaway)
    start = time.monotonic()
    with pytest.raises(ExtractionTimeout):
        extract(pdf([(50, 60, "Resume text long enough to count")]), limits=Limits(timeout=0.3))
    assert time.monotonic() - start < 2


def test_extract_in_a_worker_thread_stops_between_pages(monkeypatch):
    convert = pdf_adapter._convert

    def slow(*args, **kwargs):
        time.sleep(0.3)
        return convert(*args, **kwargs)

    monkeypatch.setattr(pdf_adapter, "_convert", slow)
    data = pdf(*[[(50, 60, f"Page {i} of a resume with enough text")] for i in range(6)])
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            extract(data, limits=Limits(timeout=0.5))
        except BaseException as e:
            outcome.append(e)

    thread = threading.Thread(target=work)
    start = time.monotonic()
    thread.start()
    thread.join(10)
    assert isinstance(outcome[0], ExtractionTimeout)
    assert time.monotonic() - start < 1.5
