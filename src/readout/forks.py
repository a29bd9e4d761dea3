"""Worker processes forked by a build (to parse and to render in two processes), and the one
way every stage uses them: ``Workers``.

A forked worker inherits every file descriptor of the build, the output folder's lock among
them, and a flock is held while any process keeps a descriptor of it. So a worker that
outlived its build (the preview was killed mid-render) kept the next build out ("another
build is writing") and went on writing beside the site. Workers made here drop the locks the
build holds as they start, and end when the process that forked them ends."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

HELD_LOCKS: set[int] = set()   # descriptors of the locks this process holds (see write.take_lock)
PR_SET_PDEATHSIG = 1           # Linux's prctl option: a signal sent when the parent ends


def pool(processes: int = 2):
    """A multiprocessing pool of ``processes`` forked workers (see the module)."""
    import multiprocessing

    return multiprocessing.get_context("fork").Pool(processes, initializer=start_worker, initargs=(os.getpid(),))


def start_worker(parent: int) -> None:
    """In a fresh worker: let go of the build's locks, and die with ``parent``."""
    if HELD_LOCKS:
        with open(os.devnull) as nothing:
            for descriptor in HELD_LOCKS:
                os.dup2(nothing.fileno(), descriptor)  # the number stays valid; the lock is let go
    if sys.platform.startswith("linux"):  # sent when the forking thread ends: pools live within one call
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)


# The jobs of the running ``Workers``: inherited by the forked workers, so that only a job's
# number crosses the pipe (a job holds the whole site or a readout's bytes).
_JOBS: Sequence[Callable[[], Any]] = ()


def run_job(number: int) -> Any:
    """In a worker: the result of job ``number`` (it must pickle)."""
    return _JOBS[number]()


class Workers:
    """Jobs (callables of no argument) run in two forked workers (or ``processes``) when
    ``parallel`` and the machine can (two cores, fork), else here, one after another; results
    come back in the order asked for, or as they finish (``map``), or when asked (``start``).
    The jobs cross to the workers by fork, not by pickle; frozen, the parent's objects are not
    touched by the workers' collector, so their memory stays shared. Used as a context
    manager: the workers live within the ``with``."""

    def __init__(self, jobs: Sequence[Callable[[], Any]], parallel: bool, processes: int = 2):
        self.jobs, self.processes = jobs, processes
        self.parallel = parallel and (os.cpu_count() or 1) >= 2 and hasattr(os, "fork")
        self.pool = None

    def __enter__(self) -> Workers:
        global _JOBS
        if self.parallel:
            _JOBS = self.jobs
            gc.freeze()
            self.pool = pool(self.processes)
        return self

    def __exit__(self, *exc) -> None:
        global _JOBS
        if self.pool is not None:
            self.pool.terminate()  # every result asked for has come back
            self.pool = None
            _JOBS = ()
            gc.unfreeze()

    def start(self, number: int) -> Callable[[], Any]:
        """Job ``number`` set going (in a worker, while this process does something else);
        calling what this gives waits for its result (here, it runs the job then)."""
        if self.pool is None:
            return self.jobs[number]
        return self.pool.apply_async(run_job, (number,)).get

    def map(self, numbers: Iterable[int], ordered: bool = True, chunksize: int = 1) -> Iterator[Any]:
        """The results of the jobs ``numbers``."""
        if self.pool is None:
            return (self.jobs[n]() for n in numbers)
        mapped = self.pool.imap if ordered else self.pool.imap_unordered
        return mapped(run_job, numbers, chunksize=chunksize)
