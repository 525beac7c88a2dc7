"""Changing a graph folder without ever losing it: one writer at a time, a working
copy of its own, and an atomic exchange when the work is complete.

- The writer holds an exclusive OS lock (``flock``) on ``.NAME.lock`` beside the
  folder: the kernel releases it when the process dies, however it dies.
- It works in ``.NAME.work-PID``, a checkpoint of the current store made with hard
  links (Oxigraph's ``backup``), never a copy of the data.
- It swaps the finished folder in with one ``renameat2(RENAME_EXCHANGE)``: at every
  instant the folder's path holds a complete graph, the old or the new. Where the
  file system cannot exchange, two renames are used, and a crash between them is
  repaired by the next writer before anything else (:func:`recover`).
- SIGINT and SIGTERM are held back while the swap is under way.
- A folder given as a symbolic link stays one: the folder it points to is swapped.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import GraphError, InputError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def target(out: Path) -> Path:
    """The folder to change: ``out`` itself, or the folder it links to."""
    return Path(os.path.realpath(out)) if out.is_symlink() else out


def lock_path(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.lock")


@contextlib.contextmanager
def writer_lock(folder: Path, wait: bool = False) -> Iterator[None]:
    """Hold the folder's writer lock; without ``wait``, a lock held by another process
    is an :class:`InputError` naming that process."""
    path = lock_path(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise InputError(f"cannot write next to {folder}: {e.strerror or e}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise InputError(f"{folder} is being written by {holder}; wait for it to finish, "
                             f"or pass --wait to queue behind it") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"kg (PID {os.getpid()}, since {time.strftime('%H:%M:%S')})".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def recover(folder: Path) -> None:
    """Before a writer starts: put back a graph that a crash between two renames left
    aside, and remove the working folders of writers that died. Call with the lock held."""
    old = folder.with_name(f".{folder.name}.old")
    if not folder.exists() and (old / "manifest.json").is_file():
        old.rename(folder)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)
    for stale in folder.parent.glob(f".{folder.name}.work-*"):
        shutil.rmtree(stale, ignore_errors=True)


def work_folder(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.work-{os.getpid()}")


def swap_in(work: Path, folder: Path) -> None:
    """Make ``work`` the folder, atomically; the old graph is removed afterwards."""
    with signals_held():
        if not folder.exists():
            work.rename(folder)
            return
        if _exchange(work, folder):
            pause_point("cleanup")
            shutil.rmtree(work, ignore_errors=True)  # it holds the old graph now
            return
        old = folder.with_name(f".{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
        work.rename(folder)  # a crash before this line is repaired by recover()
        shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where it is not available."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
        return False
    raise GraphError(f"cannot swap in the new graph at {b}: {os.strerror(err)}")


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM are held back during the block (main thread only), then
    dropped: the swap takes milliseconds, and once it is done the work is complete."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (ValueError, OSError):  # not the main thread, or no signal support
        yield
        return
    try:
        yield
    finally:
        handlers = {s: signal.signal(s, signal.SIG_IGN) for s in held}
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # pending ones are delivered, ignored
        for s, handler in handlers.items():
            signal.signal(s, handler)


def pause_point(name: str) -> None:
    """A place where a crash test stops the build: with ``KG_TEST_PAUSE=name`` the
    process writes ``name`` into ``KG_TEST_PAUSE_FILE`` and waits to be killed."""
    if os.environ.get("KG_TEST_PAUSE") == name:
        Path(os.environ["KG_TEST_PAUSE_FILE"]).write_text(name, encoding="utf-8")
        time.sleep(3600)
