"""Worker processes forked by a build (to parse and to render in two processes).

A forked worker inherits every file descriptor of the build, the output folder's lock among
them, and a flock is held while any process keeps a descriptor of it. So a worker that
outlived its build (the preview was killed mid-render) kept the next build out ("another
build is writing") and went on writing beside the site. Workers made here drop the locks the
build holds as they start, and end when the process that forked them ends."""

from __future__ import annotations

import os
import sys

HELD_LOCKS: set[int] = set()   # descriptors of the locks this process holds (see write.take_lock)
PR_SET_PDEATHSIG = 1           # Linux's prctl option: a signal sent when the parent ends


def pool(processes: int = 2):
    """A multiprocessing pool of ``processes`` forked workers (see the module)."""
    import multiprocessing

    return multiprocessing.get_context("fork").Pool(processes, initializer=start_worker, initargs=(os.getpid(),))


def start_worker(parent: int) -> None:
    """In a fresh worker: let go of the build's locks, and die with ``parent``."""
    if HELD_LOCKS:
        with open(os.devnull, "r") as nothing:
            for descriptor in HELD_LOCKS:
                os.dup2(nothing.fileno(), descriptor)  # the number stays valid; the lock is let go
    if sys.platform.startswith("linux"):  # sent when the forking thread ends: pools live within one call
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)
