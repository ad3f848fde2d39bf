"""Writing output files: whole or not at all (:func:`file_write_atomic`), only when the
content changed (:func:`file_write_changed`, so make reruns nothing that reads them), and
published tables as CSV with fixed rounding (:func:`table_write`)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    """The process's umask, read from /proc where Linux offers it; elsewhere set and put
    back at once (the only portable way, so kept out of import time)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file, so a crash never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files private; outputs are not
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def file_write_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` (whole, as :func:`file_write_atomic`) only if that changes
    the file, so that make reruns nothing that reads it. Returns whether it was written."""
    path = Path(path)
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    file_write_atomic(path, data)
    return True


def table_write(table, path: Path, float_digits: int = 6) -> Path:
    """Write a published table as CSV: UTF-8, ``\\n`` line ends, fixed rounding, no index.

    Rounding is fixed so that a rebuild gives the same bytes; callers sort rows first.
    """
    text = table.to_csv(index=False, lineterminator="\n", float_format=f"%.{float_digits}g")
    file_write_atomic(Path(path), text.encode("utf-8"))
