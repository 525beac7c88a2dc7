"""Query workers that cannot reach the network.

SPARQL's SERVICE makes the engine fetch from another host. Queries using it are
refused on their text (:func:`kg.query.text.check_text`); as a second line, each
query worker forbids itself to open a network connection, with a Linux seccomp
filter on the ``connect`` system call, before it reads any query. Its pipe to the
parent was connected before, so it keeps working.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import platform
import struct

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
#: machine -> (audit architecture, number of the connect system call)
_ARCH = {"x86_64": (0xC000003E, 42), "aarch64": (0xC00000B7, 203)}


class _Filter(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _program(arch: int, connect: int) -> bytes:
    """BPF: on this architecture, ``connect`` fails with EPERM; everything else runs."""
    ld_abs, jeq, ret = 0x20, 0x15, 0x06

    def op(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("HBBI", code, jt, jf, k)

    return b"".join([
        op(ld_abs, 0, 0, 4),                          # A = seccomp_data.arch
        op(jeq, 0, 3, arch),                          # another architecture: allow
        op(ld_abs, 0, 0, 0),                          # A = seccomp_data.nr
        op(jeq, 0, 1, connect),
        op(ret, 0, 0, _SECCOMP_RET_ERRNO | errno.EPERM),
        op(ret, 0, 0, _SECCOMP_RET_ALLOW),
    ])


def deny_network() -> bool:
    """Forbid this process (and what it starts) every network connection from now on;
    False where the system cannot (not Linux, another machine type)."""
    arch = _ARCH.get(platform.machine())
    libc_name = ctypes.util.find_library("c")
    if arch is None or not libc_name or platform.system() != "Linux":
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    program = ctypes.create_string_buffer(_program(*arch))
    prog = _Filter(len(program.raw) // 8, ctypes.cast(program, ctypes.c_void_p))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) == 0
