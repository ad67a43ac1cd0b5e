"""The public screening API: ``Screener`` and ``ScreeningResult``.

>>> from screener import Screener
>>> screener = Screener.load()                       # doctest: +SKIP
>>> result = screener.screen("resumes/alex.pdf")     # doctest: +SKIP
>>> result.decision, result.probability, result.dimensions   # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import time
import uuid
from collections.abc import Callable, Container, Iterable, Iterator
from concurrent.futures import Executor
from datetime import date
from pathlib import Path
from typing import Any

from screener.errors import ExtractionError, ModelError, ScreenerError
from screener.result import ScreeningResult
from screener.scope import DEFAULT_WORD_RANGE, check_scope
from screener.types import DIMENSIONS, Analysis, Document

__all__ = ["Screener", "ScreeningResult", "analyze_document", "tuned_gc"]

Source = str | Path | bytes


class Screener:
    """Screen resumes with a trained model and the evidence layer.

    Parameters
    ----------
    model : ScreeningModel
        A fitted model (see :meth:`load`).
    nlp : spacy.Language, optional
        The evidence pipeline; default :func:`screener.nlp.build_nlp()`.
        A pipeline given here is used in this process only: it cannot be
        pickled, so a batch on worker processes that are spawned rather than
        forked (macOS, Windows) or on an ``executor`` raises
        ``ScreenerError`` before it starts.  To add patterns, prefer
        ``patterns``.
    patterns : path or list of paths, optional
        The user's own JSONL pattern files, added to the shipped lexicon
        (``build_nlp(extra_patterns=...)``).  They are validated here, and
        worker processes rebuild the pipeline with them.  The shipped model
        was trained without them: evidence they add changes the features.
    limits : screener.extraction.Limits, optional
        Size, page and time limits for reading files.
    blind : bool
        Redact personal data from the text the features are built from.
    as_of : date, optional
        What "present" means in date ranges (default: today).
    word_range : (int, int) or None
        Fewest and most words of a document screened as a resume (default
        ``screener.scope.DEFAULT_WORD_RANGE``, 40 to 4,000).  A document
        outside it still gets its probability and evidence, but its
        ``decision`` is ``review`` and its ``reason`` says why
        (``too_short``, ``too_long``): a research paper piles up evidence
        of every dimension by its length alone.  None turns the check off.
    english_only : bool
        Send a resume that is not in English to ``review`` too (reason
        ``not_english``; see :mod:`screener.language`): the lexicon and the
        model read English, so it would get no evidence and a confident
        "not strategic".
    """

    def __init__(
        self,
        model: Any,
        *,
        nlp: Any = None,
        patterns: str | Path | Iterable[str | Path] | None = None,
        limits: Any = None,
        blind: bool = True,
        as_of: date | None = None,
        word_range: tuple[int, int] | None = DEFAULT_WORD_RANGE,
        english_only: bool = True,
    ) -> None:
        if nlp is not None and patterns is not None:
            raise ValueError("give Screener either nlp= or patterns=, not both")
        self.model = model
        self._nlp = nlp
        #: The pipeline was given by the caller, so it cannot be rebuilt elsewhere.
        self._given_nlp = nlp is not None
        self.patterns: tuple[Path, ...] = ()
        if patterns is not None:
            from screener.nlp.pipeline import user_patterns

            paths = [patterns] if isinstance(patterns, (str, Path)) else list(patterns)
            self.patterns = tuple(Path(p) for p in paths)
            user_patterns(self.patterns)  # a bad file fails now, not on every resume
        self.limits = limits
        self.blind = blind
        self.as_of = as_of
        if word_range is not None:
            check_scope("", word_range, english_only=False)  # a bad range fails now
        self.word_range = word_range
        self.english_only = english_only
        #: Identifies this configuration in worker-process caches.
        self.token = uuid.uuid4().hex

    def __getstate__(self) -> dict[str, Any]:
        # The spaCy pipeline is rebuilt in each worker process (from ``patterns``),
        # not pickled: its components are closures.  One the caller built cannot
        # be rebuilt, and silently screening with the default one would be wrong.
        if self._given_nlp:
            raise ScreenerError(
                "this Screener was given its own nlp pipeline, which cannot be sent to a "
                "spawned worker process; pass patterns= instead of nlp=, or screen with "
                "jobs=1 and no memory ceiling"
            )
        state = dict(self.__dict__)
        state["_nlp"] = None
        return state

    @classmethod
    def load(
        cls, path: str | Path | None = None, *, background: bool = False, **kwargs: Any
    ) -> Screener:
        """Load the shipped model (or the model at ``path``) into a Screener.

        ``background=True`` loads the model in a helper process while this one
        goes on (see :meth:`screener.model.ScreeningModel.load`); call
        :meth:`prepare` to wait for it.
        """
        from screener.model import ScreeningModel

        screener = cls(None, **kwargs)  # a bad pattern file fails before the model loads
        screener.model = ScreeningModel.load(path, background=background)
        return screener

    def prepare(self) -> Screener:
        """Build the spaCy pipeline and wait for the model, e.g. before forking workers.

        Raises the model's loading error (``ModelError``), if any.
        """
        _ = self.nlp
        ready = getattr(self.model, "ready", None)
        if ready is not None:
            ready()
        return self

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from screener.nlp import build_nlp

            self._nlp = build_nlp(extra_patterns=self.patterns or None)
        return self._nlp

    @property
    def model_version(self) -> str:
        return str(getattr(self.model, "version", "unversioned"))

    def analyze(self, document: Document) -> tuple[Analysis, dict[str, int]]:
        """Run the evidence layer (after blind redaction when enabled)."""
        return analyze_document(document, nlp=self.nlp, blind=self.blind, as_of=self.as_of)

    def screen_document(
        self, document: Document, *, path: str | None = None, sha256: str | None = None
    ) -> ScreeningResult:
        """Screen an already extracted ``Document``."""
        from screener.features import featurize

        t0 = time.perf_counter()
        analysis, redacted = self.analyze(document)
        features = featurize(analysis)
        prob = float(self.model.predict_proba([features])[0])
        decision = self.model.decide(prob)
        strategic = prob >= self.model.threshold
        claimed = {e.dimension for e in analysis.evidence if e.claimed_only}
        dims = analysis.dimensions
        off_target = bool(features.get("no_social"))
        label = "strategic" if strategic else ("off_target" if off_target else "consumer")
        scope = check_scope(document.text, self.word_range, english_only=self.english_only)
        if not scope.in_scope:
            decision = "review"  # a probability, but not a decision about a resume
        result = ScreeningResult(
            path=path if path is not None else document.path,
            sha256=sha256 or _sha(document.text.encode("utf-8")),
            status="ok",
            reason=scope.reason,
            message=scope.message,
            strategic=bool(strategic),
            probability=round(prob, 6),
            decision=decision,
            label=label,
            dimensions=dims,
            claimed_dimensions=[d for d in DIMENSIONS if d in claimed and d not in dims],
            evidence=analysis.evidence,
            consumer_signals=analysis.consumer_signals,
            experience_months=analysis.experience_months,
            redacted=redacted,
            file_type=document.source_format,
            pages=len(document.pages) or 1,
            seconds=round(time.perf_counter() - t0, 4),
            model_version=self.model_version,
            contributions=self.model.contributions(features),
            text=document.text,
        )
        result.why = result.explain()
        return result

    def screen_text(self, text: str, *, path: str | None = None) -> ScreeningResult:
        """Screen plain resume text (read exactly as a UTF-8 ``.txt`` file is)."""
        return self.screen_bytes(text.encode("utf-8"), path=path)

    def screen(self, source: Source) -> ScreeningResult:
        """Screen one file (path or bytes). Never raises for a bad file.

        Returns
        -------
        ScreeningResult
            ``status`` is ``ok``, or ``unreadable``/``error`` with a typed
            ``reason``.
        """
        from screener.inputs import DEFAULT_MAX_BYTES, read_file

        if isinstance(source, bytes):
            return self.screen_bytes(source)
        t0 = time.perf_counter()
        path = str(source)
        max_bytes = getattr(self.limits, "max_bytes", DEFAULT_MAX_BYTES)
        try:
            data = read_file(path, max_bytes=max_bytes)
        except ScreenerError as e:
            return self._failure(path, None, e, t0)
        except OSError as e:
            return ScreeningResult.failure(
                path,
                None,
                "unreadable_file",
                f"cannot open file: {e.strerror or e}",
                model_version=self.model_version,
                seconds=_since(t0),
            )
        return self.screen_bytes(data, path=path)

    def screen_bytes(
        self, data: bytes, *, path: str | None = None, sha256: str | None = None
    ) -> ScreeningResult:
        """Screen the bytes of one file; ``path`` is only reported."""
        from screener.extraction import extract

        t0 = time.perf_counter()
        sha = sha256 or _sha(data)
        try:
            doc = extract(data, limits=self.limits)
            doc.path = path
            result = self.screen_document(doc, path=path, sha256=sha)
        except ModelError:
            raise  # a model that cannot be used stops the batch, it is no row
        except ScreenerError as e:
            return self._failure(path, sha, e, t0)
        except MemoryError:
            raise
        except Exception as e:  # the batch must never stop for one file
            return ScreeningResult.failure(
                path,
                sha,
                "error",
                f"{type(e).__name__}: {e}",
                status="error",
                model_version=self.model_version,
                seconds=_since(t0),
            )
        result.seconds = _since(t0)
        return result

    def _failure(
        self, path: str | None, sha: str | None, err: ScreenerError, t0: float
    ) -> ScreeningResult:
        status = getattr(err, "status", "error") if isinstance(err, ExtractionError) else "error"
        return ScreeningResult.failure(
            path,
            sha,
            err.reason,
            str(err),
            status=status,
            model_version=self.model_version,
            seconds=_since(t0),
        )

    def screen_many(
        self,
        sources: Iterable[Source],
        *,
        jobs: int = 1,
        executor: Executor | None = None,
        timeout: float | None = None,
        memory_mb: int | None = None,
        skip: Container[str] = frozenset(),
        on_skip: Callable[[Any], None] | None = None,
    ) -> Iterator[ScreeningResult]:
        """Screen many files, yielding results as they finish.

        Parameters
        ----------
        sources : iterable of path or bytes
            Consumed lazily; memory stays flat however many there are.
        jobs : int
            Worker processes (1 screens in this process).
        executor : concurrent.futures.Executor, optional
            Run on this executor instead (e.g. a ``dask.distributed``
            client's ``get_executor()``); ``jobs`` is then ignored.
        timeout : float, optional
            Per-file wall-clock limit; a file over it is a ``timeout`` row.
        memory_mb : int, optional
            Address-space ceiling of each worker process (``jobs > 1``); a
            file that needs more becomes a ``too_large``/``worker_died`` row.
        skip : container of str, optional
            sha256 digests of files to leave out (e.g. those already in an
            output being resumed); each file is still read and hashed once.
        on_skip : callable, optional
            Called with the ``screener.batch.Task`` of each file left out.
        """
        from screener.batch import run_batch

        yield from run_batch(
            self,
            sources,
            jobs=jobs,
            executor=executor,
            timeout=timeout,
            memory_mb=memory_mb,
            skip=skip,
            on_skip=on_skip,
        )


def analyze_document(
    document: Document, *, nlp: Any = None, blind: bool = True, as_of: date | None = None
) -> tuple[Analysis, dict[str, int]]:
    """Redact (when ``blind``) and run the evidence layer on one document.

    Training and screening both go through this function, so the model is
    trained on features built exactly as they are at screening time.
    """
    from screener.nlp import analyze

    redacted: dict[str, int] = {}
    if blind:
        from screener.redact import redact_document

        document, redacted = redact_document(document)
    return analyze(document, nlp=nlp, as_of=as_of), redacted


@contextlib.contextmanager
def tuned_gc(young: int = 20_000) -> Iterator[None]:
    """Set up the garbage collector for screening many files, restored on exit.

    For the command line and its workers, once the model and the spaCy
    pipeline are loaded. ``gc.freeze()`` moves everything loaded so far (a
    few hundred thousand objects: imports, pipeline, patterns, model) out of
    the collector's sight, so collections stop walking them over and over
    and forked workers do not copy their memory pages by touching them; and
    the youngest generation's threshold goes from 700 to ``young``, because
    pdfminer allocates about 10^5 short-lived objects per page, which with
    the default runs the collector hundreds of times a page. Together this
    takes 10-15 ms off each file. The settings are process-wide, so the
    library only uses them inside this context.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], young), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _since(t0: float) -> float:
    return round(time.perf_counter() - t0, 4)
