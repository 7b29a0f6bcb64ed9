"""Build the stage list, check requires/provides once, run batches (in 1..N processes).

Flow: ingest (files -> RawDocument | Rejection) -> clean -> pubdate -> nlp (batched
``nlp.pipe``) -> actors -> events -> dates -> places -> quotes -> stances -> store
(one transaction per batch).  Any error inside a stage rejects that document only; the batch goes on.
"""

from __future__ import annotations

import atexit
import dataclasses
import gc
import hashlib
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any

from bowerbird.errors import ConfigError, RejectedDocument
from bowerbird.issues import load_issues
from bowerbird.lexicons import Lexicon, load_lexicon
from bowerbird.records import Article, RawDocument, Rejection
from bowerbird.settings import Settings
from bowerbird.stages.actors import ActorsStage
from bowerbird.stages.base import Stage
from bowerbird.stages.clean import CleanStage
from bowerbird.stages.dates import DatesStage
from bowerbird.stages.events import EventsStage
from bowerbird.stages.ingest import Ingester, collect_files
from bowerbird.stages.nlp import NlpStage, load_model
from bowerbird.stages.places import Gazetteer, PlacesStage
from bowerbird.stages.pubdate import PubDateStage
from bowerbird.stages.quotes import QuotesStage
from bowerbird.stages.stances import StancesStage


def check_stages(stages: Sequence[Stage]) -> None:
    """Every stage's requirements must be provided by the input or an earlier stage."""
    available = {"raw"}
    for stage in stages:
        missing = set(stage.requires) - available
        if missing:
            raise ConfigError(
                f"stage {stage.name!r} requires {sorted(missing)} which no earlier stage provides",
                code="B220",
            )
        available |= set(stage.provides)


@dataclass
class Engine:
    """The per-process heavy objects: settings, the spaCy model, lexicon and stages."""

    settings: Settings
    nlp: Any
    lexicon: Lexicon
    before_nlp: list[Stage]
    nlp_stage: NlpStage
    after_nlp: list[Stage]

    @property
    def stages(self) -> list[Stage]:
        return [*self.before_nlp, self.nlp_stage, *self.after_nlp]


def build_engine(
    settings: Settings, *, nlp: Any = None, lexicon: Lexicon | None = None, warm: bool = True
) -> Engine:
    """Load the model and lexicon (unless given), build the stages and check them.

    With ``warm`` (the default) the engine is warmed up (:func:`warm_up`) before it is
    returned.
    """
    nlp = nlp if nlp is not None else load_model(settings.model)
    lexicon = lexicon if lexicon is not None else load_lexicon(settings.lexicons)
    gazetteer = Gazetteer()
    actors = ActorsStage(lexicon, nlp, gazetteer)
    engine = Engine(
        settings=settings,
        nlp=nlp,
        lexicon=lexicon,
        before_nlp=[CleanStage(), PubDateStage()],
        nlp_stage=NlpStage(nlp),
        after_nlp=[
            actors,
            EventsStage(lexicon),
            DatesStage(),
            PlacesStage(gazetteer, lexicon.sectors, state_actor=actors.resolver.state_actor),
            QuotesStage(lexicon),
            StancesStage(load_issues(settings.issues)),
        ],
    )
    check_stages(engine.stages)
    if warm:
        warm_up(engine)
    return engine


#: Two small documents (one plain text, one HTML page) run through every stage when an
#: engine is built, so lazy work (importing trafilatura, compiling rule patterns, first-use
#: caches) happens before the first real batch rather than inside it.
WARM_UP_TEXT = (
    "Ministers meet in Geneva\n\n"
    "GENEVA (Wire) — The foreign minister of France met Chinese officials on Tuesday, "
    'three days after talks in Berlin, and said on March 3, 2021 that "both sides will '
    'keep talking next week".\n\nProtesters marched in Paris last month.'
)
WARM_UP_HTML = (
    "<html><head><title>Ministers meet</title>"
    '<meta property="article:published_time" content="2021-03-02"></head><body>'
    "<nav><a href='/'>Home</a></nav><article><h1>Ministers meet</h1>"
    "<p>The foreign minister of France met Chinese officials on Tuesday in Geneva.</p>"
    '<p>"We will keep talking," she said.</p></article><footer>Contact us</footer>'
    "</body></html>"
)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def warm_up(engine: Engine) -> None:
    """Run the warm-up documents through every stage, then freeze the garbage collector.

    Freezing (:func:`gc.freeze`) moves everything alive now (the model, the lexicon,
    compiled patterns) out of the collector's generations, so collections during a run
    do not traverse them again and again.  Results are not affected.
    """
    text, html = WARM_UP_TEXT, WARM_UP_HTML
    raws = [
        RawDocument("warm-up-text", "<warm-up>", text, "text", _sha(text), "2021-03-04", "record"),
        RawDocument("warm-up-html", "<warm-up>", html, "html", _sha(html), "2021-03-04", "record"),
    ]
    process_batch(engine, raws)
    gc.collect()
    gc.freeze()
    # frozen objects are never collected, so at exit extension modules (DuckDB's bindings)
    # would report them as leaked: hand them back to the collector first
    atexit.unregister(gc.unfreeze)
    atexit.register(gc.unfreeze)


def _reject(article: Article, stage: str, code: str, detail: str) -> Article:
    raw = article.raw
    rej = Rejection(raw.doc_id, raw.origin, stage, code, detail, raw.content_hash)
    return dataclasses.replace(article, rejection=rej, nlp=None)


def _apply(stage: Stage, article: Article, settings: Settings) -> Article:
    if article.rejection is not None:
        return article
    try:
        return stage(article, settings)
    except RejectedDocument as exc:
        return _reject(article, stage.name, exc.reason, exc.detail)
    except Exception as exc:  # one bad document never aborts a batch
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"
        return _reject(
            article, stage.name, "internal_error", f"{type(exc).__name__}: {exc} ({where})"
        )


def process_batch(engine: Engine, raws: Sequence[RawDocument]) -> list[Article]:
    """Run every stage over a batch; returns Articles (with ``rejection`` or results)."""
    settings = engine.settings
    articles = [Article(raw=r) for r in raws]
    for stage in engine.before_nlp:
        articles = [_apply(stage, a, settings) for a in articles]
    ok = [a for a in articles if a.rejection is None]
    try:
        parsed = {
            id(a.raw): p for a, p in zip(ok, engine.nlp_stage.pipe(ok, settings), strict=True)
        }
    except Exception:  # fall back to one at a time so only the culprit is rejected
        parsed = {id(a.raw): _apply(engine.nlp_stage, a, settings) for a in ok}
    articles = [parsed.get(id(a.raw), a) for a in articles]
    for stage in engine.after_nlp:
        articles = [_apply(stage, a, settings) for a in articles]
    return [dataclasses.replace(a, nlp=None) for a in articles]


# -- multi-process execution -------------------------------------------------------------

_WORKER: dict[str, Engine] = {}  # one engine per worker process, set by the initializer


def _init_worker(settings: Settings) -> None:
    _WORKER["engine"] = build_engine(settings)


def _work(raws: list[RawDocument]) -> list[Article]:
    # the raw input (often HTML, the largest part of an article) is not stored: it is not
    # sent back to the main process, which only writes the results
    return [
        dataclasses.replace(a, raw=dataclasses.replace(a.raw, content=""))
        for a in process_batch(_WORKER["engine"], raws)
    ]


def start_pool(settings: Settings) -> ProcessPoolExecutor:
    """Worker processes that each build an engine (model, lexicon) once, then wait.

    Workers come from a fork server (a clean process with this module imported), not
    forked from the caller: a caller with threads (DuckDB, an HTTP client, a web server)
    cannot be forked safely.
    """
    ctx = get_context("forkserver")
    ctx.set_forkserver_preload(["bowerbird.pipeline"])
    pool = ProcessPoolExecutor(
        settings.workers,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(settings,),
    )
    # make every worker start now (each loads the model), so later runs find them warm
    seen: set[int] = set()
    for _ in range(20 * settings.workers):
        seen.update(f.result() for f in [pool.submit(_ready) for _ in range(settings.workers)])
        if len(seen) >= settings.workers:
            break
    return pool


def _ready() -> int:
    time.sleep(0.05)  # keep this worker busy so the next task goes to another one
    return os.getpid()


@dataclass
class RunReport:
    processed: int = 0
    rejected: int = 0
    unchanged: int = 0
    skipped_files: int = 0
    events: int = 0
    rejections_by_code: dict[str, int] = field(default_factory=dict)


Writer = Callable[[Sequence[Article], Sequence[Rejection]], object]


def _batches(
    items: Iterable[RawDocument | Rejection], size: int
) -> Iterator[tuple[list[RawDocument], list[Rejection]]]:
    raws: list[RawDocument] = []
    rejs: list[Rejection] = []
    for item in items:
        if isinstance(item, Rejection):
            rejs.append(item)
        else:
            raws.append(item)
        if len(raws) >= size or len(rejs) >= size:
            yield raws, rejs
            raws, rejs = [], []
    if raws or rejs:
        yield raws, rejs


def _cores() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _run_in_process(
    engine: Engine,
    items: Iterable[RawDocument | Rejection],
    settings: Settings,
    prepare: Callable[
        [list[RawDocument], list[Rejection]], tuple[list[RawDocument], list[Rejection]]
    ],
    finish: Callable[[list[Article], list[Rejection]], None],
) -> None:
    """Process batches in this process; each batch is written while the next one is parsed.

    One writer thread writes batch N while this thread parses batch N + 1 (the store
    spends much of its time in DuckDB, and spaCy much of its time in code that releases
    the GIL, so the two overlap on a machine with a second core).  The store is never
    used by both threads at once: batch N + 1 is checked against stored hashes
    (``prepare``) before batch N's write starts, and batch N + 2 only after that write
    has finished.  Batches are written in order; an error raised by a write is raised
    here once the batch being parsed is done.  On a single core, batches are written one
    after the other.
    """
    batches = _batches(items, settings.batch_size)
    if _cores() < 2:  # nothing to overlap with: write each batch as it is done
        for raws, rejs in batches:
            todo, rejs = prepare(raws, rejs)
            finish(process_batch(engine, todo) if todo else [], rejs)
        return
    with ThreadPoolExecutor(1, thread_name_prefix="bowerbird-writer") as writer:
        writing: Future[None] | None = None
        nxt = next(batches, None)
        todo, rejs = prepare(*nxt) if nxt is not None else ([], [])
        while nxt is not None:
            articles = process_batch(engine, todo) if todo else []
            if writing is not None:
                writing.result()
            done_rejs = rejs
            nxt = next(batches, None)
            if nxt is not None:
                todo, rejs = prepare(*nxt)
            writing = writer.submit(finish, articles, done_rejs)
        if writing is not None:
            writing.result()


def run(
    paths: Sequence[str],
    settings: Settings,
    *,
    write: Writer,
    known_hashes: Callable[[Iterable[str]], set[str]],
    engine: Engine | None = None,
    progress: Callable[[int], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> RunReport:
    """Ingest ``paths`` and write results batch by batch through ``write``.

    With ``settings.workers > 1`` the documents are processed by worker processes, each
    with its own engine; pass a ``pool`` from :func:`start_pool` to reuse warm workers
    across runs (a long-lived service, or a benchmark that times steady state).
    """
    files, skipped = collect_files(paths)
    report = RunReport(skipped_files=skipped)
    items = Ingester(settings.max_text_bytes).iter_items(files)
    seen: dict[str, str] = {}

    def prepare(
        raws: list[RawDocument], rejs: list[Rejection]
    ) -> tuple[list[RawDocument], list[Rejection]]:
        stored = known_hashes(r.content_hash for r in raws)
        todo: list[RawDocument] = []
        for r in raws:
            if r.content_hash in stored:
                report.unchanged += 1
            elif r.content_hash in seen:
                rejs.append(
                    Rejection(
                        r.doc_id,
                        r.origin,
                        "ingest",
                        "duplicate_content",
                        f"same content as {seen[r.content_hash]}",
                        r.content_hash,
                    )
                )
            else:
                seen[r.content_hash] = r.doc_id
                todo.append(r)
        return todo, rejs

    def finish(articles: list[Article], rejs: list[Rejection]) -> None:
        done = [a for a in articles if a.rejection is None]
        all_rejs = rejs + [a.rejection for a in articles if a.rejection is not None]
        write(done, all_rejs)
        report.processed += len(done)
        report.rejected += len(all_rejs)
        report.events += sum(len(a.events) for a in done)
        for r in all_rejs:
            report.rejections_by_code[r.code] = report.rejections_by_code.get(r.code, 0) + 1
        if progress is not None:
            progress(len(articles) + len(rejs))

    if settings.workers <= 1:
        _run_in_process(engine or build_engine(settings), items, settings, prepare, finish)
        return report
    # Smaller tasks keep every worker busy until the end (no long tail on one worker).
    chunk = max(8, settings.batch_size // (2 * settings.workers))
    own_pool = pool is None
    executor = pool or start_pool(settings)
    # Finished tasks are written together once a batch's worth is done (fewer, larger
    # store transactions, as with one worker).
    done: list[Article] = []
    done_rejs: list[Rejection] = []

    def collect(articles: list[Article], rejs: list[Rejection], last: bool = False) -> None:
        done.extend(articles)
        done_rejs.extend(rejs)
        if last or len(done) >= settings.batch_size or len(done_rejs) >= settings.batch_size:
            finish(done[:], done_rejs[:])
            done.clear()
            done_rejs.clear()

    try:
        pending: list[tuple[Future[list[Article]], list[Rejection]]] = []
        for raws, rejs in _batches(items, chunk):
            todo, rejs = prepare(raws, rejs)
            pending.append((executor.submit(_work, todo), rejs))
            while len(pending) > settings.workers * 3:
                fut, r = pending.pop(0)
                collect(fut.result(), r)
        for fut, r in pending:
            collect(fut.result(), r)
        if done or done_rejs:
            collect([], [], last=True)
    finally:
        if own_pool:
            executor.shutdown()
    return report
