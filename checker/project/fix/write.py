"""Writing a fix plan: each file only if it still has the bytes it was planned on, atomically.

A file is replaced atomically (temporary file in the same directory, same permission
bits, fsync, os.replace). A file with several hard links is rewritten in place (after the
same check that it still has the bytes it was planned on), so every link keeps seeing one
file. A temporary file left by a run that was killed (`.NAME.xxxxxxxx.tmp` next to NAME,
this module's naming) is removed by the next run that writes NAME, unless a running
termcheck still holds it.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile

from checker.project.fix.plan import CHANGED, READ_ONLY, FileFix, FixPlan
from checker.project.fix.targets import read_only
from checker.project.fix.verify import read_file


class _Changed(Exception):
    """The file no longer has the bytes the fix was planned on."""


class _Refused(Exception):
    """The file must not be written; the message says why."""


def apply_fixes(plan: FixPlan) -> list[str]:
    """Write every planned file; the error lines of the files that could not be written.

    (The plan's own `messages()` list what was not fixed while planning.)
    """
    errors: list[str] = []
    for path, fix in sorted(plan.files.items()):
        try:
            _write(fix)
        except _Changed:
            errors.append(f"{path}: error: {CHANGED}")
        except _Refused as e:
            errors.append(f"{path}: error: {e}")
        except OSError as e:
            errors.append(f"{path}: error: cannot write: {e.strerror or e}; not fixed")
    return errors


def _write(fix: FileFix) -> None:
    """Replace the file's contents, if it still has the bytes it was planned on:
    atomically (a temporary file renamed over it), or in place if it has hard links."""
    target = os.path.realpath(fix.path)  # write through a symlink, do not replace it
    if fix.target and target != fix.target:
        raise _Changed  # a symlink that now points elsewhere
    if read_only(target):
        raise _Refused(READ_ONLY)
    directory = os.path.dirname(target) or "."
    _remove_stale_temporaries(directory, os.path.basename(target))
    info = os.stat(target)
    if info.st_nlink > 1:
        _write_in_place(target, fix)
        return
    if read_file(target) != fix.data:
        raise _Changed
    fd, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target), suffix=".tmp", dir=directory)
    try:
        _lock(fd)  # held until the file is renamed or removed: not stale while this run lives
        with os.fdopen(fd, "wb") as fh:
            fh.write(fix.new_data)
            fh.flush()
            os.fsync(fh.fileno())
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
            if hasattr(os, "chown") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.chown(temporary, info.st_uid, info.st_gid)
                except OSError:
                    pass  # only root may give a file away; the content matters more
            # Last look before replacing: an editor may have saved in the meantime.
            if read_file(target) != fix.data:
                raise _Changed
            if os.name != "nt":
                os.replace(temporary, target)  # still locked: no other run takes it for stale
        if os.name == "nt":
            os.replace(temporary, target)  # Windows renames no open file
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _fsync_directory(directory)


def _write_in_place(target: str, fix: FileFix) -> None:
    """Overwrite the file through its own descriptor (same inode: hard links stay one file),
    after checking on that descriptor that it still holds the planned-on bytes."""
    fd = os.open(target, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "r+b") as fh:
        _lock(fh.fileno())
        if fh.read() != fix.data:
            raise _Changed
        fh.seek(0)
        fh.write(fix.new_data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _temporary_prefix(target: str) -> str:
    return f".{os.path.basename(target)}."


def _lock(fd: int) -> None:
    """An exclusive advisory lock on `fd` (released when it is closed, or the process dies)."""
    try:
        import fcntl
    except ImportError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass


#: what tempfile.mkstemp adds between prefix and suffix
_RANDOM = re.compile(r"[a-z0-9_]{8}\.tmp")


def _remove_stale_temporaries(directory: str, name: str) -> None:
    """Remove `.NAME.xxxxxxxx.tmp` files a killed run left next to NAME: regular files of
    this user that no running process holds locked (without fcntl: older than an hour)."""
    prefix = f".{name}."
    try:
        entries = [
            e for e in os.scandir(directory) if e.name.startswith(prefix) and _RANDOM.fullmatch(e.name, len(prefix))
        ]
    except OSError:
        return
    try:
        import fcntl
    except ImportError:
        fcntl = None  # type: ignore[assignment]
    import time

    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
                continue
            if fcntl is None:
                if time.time() - info.st_mtime > 3600:
                    os.unlink(entry.path)
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a running termcheck is writing it
            else:
                os.unlink(entry.path)
            finally:
                os.close(fd)
        except OSError:
            continue


def _fsync_directory(directory: str) -> None:
    """Make the rename durable (POSIX); harmless where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
