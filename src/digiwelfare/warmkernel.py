"""Kernels that start warm: a pipeline run's kernel is forked from a waiting process that has
already imported the heavy third-party libraries, instead of importing them again.

``make all`` runs 18 notebooks, each in a new IPython kernel, and each kernel used to spend
several CPU seconds importing numpy, pandas, scipy, matplotlib and gensim before its first
cell did any work. Here the kernel command of :mod:`digiwelfare.notebook` is
``python -m digiwelfare.warmkernel -f <connection file>`` (the *launcher*). The launcher asks
a *server* (started by the first launcher, one per user, Python and environment) to fork; the
forked child becomes an ordinary ipykernel with the launcher's arguments, working directory,
environment and standard streams. The launcher stays as the process the notebook runner
watches and signals: it passes interrupts and terminations on to the kernel, exits with the
kernel's exit code, and if the launcher is killed, the server kills the kernel.

What a notebook computes cannot differ from a kernel started cold: the server imports only
third-party modules (never ``digiwelfare``, so an edited module is always read afresh) and
runs no notebook code, so every kernel starts from the state those imports leave. The
server's socket is named by a key of everything that decides what an import gives (the
interpreter, ``sys.path``, the environment variables that steer Python, matplotlib, numba
and the BLAS libraries, the installed packages' folders and this file), so a changed
environment gets a new server. A server with no kernel left exits after ``IDLE_SECONDS``.
Set ``DIGIWELFARE_WARM_KERNEL=0`` to start every kernel cold; if anything fails before the
kernel starts, the launcher starts it cold as well.
"""

from __future__ import annotations

import hashlib
import json
import os
import selectors
import signal
import socket
import sys
import time
from pathlib import Path

#: Imported by the server before it forks (third-party only; a missing one is skipped).
#: Not matplotlib.pyplot, seaborn or matplotlib_inline: their import looks for a running
#: IPython shell to hook into, and must find the kernel's.
PRELOAD = ("numpy", "pandas", "pyarrow", "pyarrow.parquet", "scipy.stats", "scipy.sparse",
           "scipy.interpolate", "scipy.optimize", "scipy.special", "matplotlib",
           "matplotlib.figure", "matplotlib.patches", "matplotlib.ticker",
           "matplotlib.backends.backend_agg", "matplotlib.font_manager", "gensim.corpora",
           "gensim.models", "gensim.matutils", "numba", "simplemma", "lingua", "yaml",
           "networkx")
#: simplemma's dictionaries read into its cache by the server (about a second each; the
#: languages of the demo corpus's runs), as a kernel reads them at its first lemma.
LEMMAS = ("en", "nb")
#: What a cold kernel imports itself before the notebook's first cell (imported first).
KERNEL = ("IPython", "ipykernel.kernelapp", "ipykernel.ipkernel")
#: A server with no kernel running exits after this many seconds without a request.
IDLE_SECONDS = 30.0
#: Environment variables whose values can change what an import gives.
_KEY_PREFIXES = ("PYTHON", "MPL", "NUMBA_", "OPENBLAS", "OMP_", "MKL_", "LANG", "LC_",
                 "VIRTUAL_ENV", "HOME", "XDG_")
_INLINE = "module://matplotlib_inline.backend_inline"


def server_key(environ=None, path=None) -> str:
    """A hash of what decides the result of an import in a new Python process."""
    environ = os.environ if environ is None else environ
    path = sys.path if path is None else path
    folders = []
    for entry in path[1:]:  # [0] is the working directory of `-m`
        try:
            folders.append((entry, os.stat(entry).st_mtime_ns))
        except OSError:
            folders.append((entry, None))
    here = os.stat(__file__)
    facts = [sys.executable, sys.version, folders, [here.st_mtime_ns, here.st_size],
             sorted((k, v) for k, v in environ.items() if k.startswith(_KEY_PREFIXES))]
    return hashlib.sha256(json.dumps(facts).encode()).hexdigest()[:20]


def server_socket(key: str) -> Path:
    """The server's socket, in a folder only this user can enter."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"digiwelfare-warm-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(f"{folder} is not this user's alone")
    return folder / f"{key}.sock"


# -- the launcher: the kernel command -----------------------------------------------------

def _connect(path: Path) -> socket.socket | None:
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(str(path))
        return conn
    except OSError:
        conn.close()
        return None


def _server_connect(path: Path, wait: float = 120.0) -> socket.socket:
    """Connect to the server at ``path``, starting it first if none answers. The lock keeps
    launchers that start together from starting a server each."""
    import fcntl
    import subprocess

    conn = _connect(path)
    if conn is not None:
        return conn
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        conn = _connect(path)
        if conn is not None:
            return conn
        path.unlink(missing_ok=True)
        subprocess.Popen([sys.executable, "-m", "digiwelfare.warmkernel", "--serve", str(path)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            conn = _connect(path)
            if conn is not None:
                return conn
            time.sleep(0.05)
    raise TimeoutError(f"no warm-kernel server at {path} after {wait:.0f} s")


def _lines(conn: socket.socket):
    buffer = b""
    while True:
        chunk = conn.recv(4096)
        if not chunk:
            return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            yield line.decode()


def launch(argv: list[str]) -> int:
    """Start a kernel with ``argv`` (ipykernel's arguments) by the server, wait for it and
    return its exit code. Starts it cold, in this process, if the server cannot be used."""
    try:
        conn = _server_connect(server_socket(server_key()))
        request = {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ),
                   "path": sys.path}
        socket.send_fds(conn, [json.dumps(request).encode() + b"\n"], [0, 1, 2])
        replies = _lines(conn)
        pid = int(next(replies))
    except Exception as err:  # the server is an optimisation: never a reason to fail
        print(f"digiwelfare.warmkernel: starting the kernel cold ({err})", file=sys.stderr)
        os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *argv])
    def forward(signum, _frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(signum, forward)
    for line in replies:  # "<exit code> <CPU seconds>", when the kernel has ended
        code, cpu = line.split()
        record = os.environ.get("DIGIWELFARE_KERNEL_CPU")
        if record:
            with open(record, "a", encoding="utf-8") as out:
                out.write(f"{cpu}\n")
        return int(code)
    return 1  # the server went away: its kernel with it


# -- the server ---------------------------------------------------------------------------

class _KernelShell:
    """What ``get_ipython()`` answers inside a Jupyter kernel, as far as pandas asks: pandas
    sets its display defaults at import (20 columns in a kernel, the terminal's width
    elsewhere) by whether the shell has a ``kernel``."""

    kernel = True


def _kernel_stream():
    """A stream that says what ipykernel's ``OutStream`` says of its encoding, which pandas
    reads at import (``display.encoding``)."""
    import io

    return io.TextIOWrapper(io.BytesIO(), encoding="UTF-8")


def _preload() -> None:
    """Import :data:`KERNEL` as a kernel does, then :data:`PRELOAD` as a kernel's first
    cell would see it."""
    import builtins

    for name in KERNEL:
        __import__(name)

    # ipykernel sets this before the notebook's first import of matplotlib; do the same
    # before this process imports it, so that matplotlib reads the same default
    os.environ.setdefault("MPLBACKEND", _INLINE)
    import warnings

    builtins.get_ipython = _KernelShell
    before = list(warnings.filters)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _kernel_stream(), _kernel_stream()
    try:
        for name in PRELOAD:
            try:
                __import__(name)
            except Exception:  # noqa: BLE001 - one that fails here, the kernel imports itself
                pass
    finally:
        del builtins.get_ipython
        sys.stdout, sys.stderr = streams
    # Warning filters the imports added: a cold kernel has them ahead of the ones the kernel
    # adds when it starts (the notebook imports after that), so they are set aside here and
    # put back in front once the kernel has started (_kernel_run)
    _IMPORT_FILTERS[:] = [f for f in warnings.filters if f not in before]
    _filters_set(before)
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DEFAULT_DICTIONARY_FACTORY,
        )

        for code in LEMMAS:
            DEFAULT_DICTIONARY_FACTORY.get_dictionary(code)
    except Exception:  # noqa: BLE001 - another simplemma: the kernel reads them itself
        pass


def _filters_set(filters: list) -> None:
    """Make ``filters`` the warning filters. Adding a filter through ``warnings`` tells the
    modules' registries that the filters changed (so none keeps a decision taken under the
    old ones); the filter added for that is taken off again."""
    import warnings

    warnings.filters[:] = filters
    warnings.simplefilter("default", append=True)
    warnings.filters.pop()


#: The warning filters that :func:`_preload`'s imports added.
_IMPORT_FILTERS: list = []


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    data, fds = b"", []
    while not data.endswith(b"\n"):
        chunk, more, _flags, _addr = socket.recv_fds(conn, 1 << 20, 3)
        if not chunk:
            raise ConnectionError("the launcher went away")
        data += chunk
        fds += more
    return json.loads(data), fds


def _kernel_run(request: dict, fds: list[int]) -> None:
    """In the forked child: become the kernel the launcher asked for, then exit."""
    import atexit

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.path[:] = request["path"]
    # as ipykernel_launcher: the working directory is added back by the shell itself
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]
    from importlib.util import find_spec

    sys.argv = [find_spec("ipykernel_launcher").origin, *request["argv"]]
    code = 0
    try:
        import warnings

        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()  # as ipykernel's launch_new_instance, with one step
        app.initialize()
        _filters_set(_IMPORT_FILTERS + list(warnings.filters))
        app.start()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:  # noqa: BLE001 - report, as a cold kernel's interpreter would
        import traceback

        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def serve(path: Path, idle: float = IDLE_SECONDS) -> None:
    """Import :data:`PRELOAD`, then fork a kernel for every launcher that connects to
    ``path``; exit when no kernel has run for ``idle`` seconds."""
    _preload()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    scratch = path.with_name(f".{path.name}.{os.getpid()}")
    listener.bind(str(scratch))
    inode = os.stat(scratch).st_ino
    listener.listen(64)
    os.replace(scratch, path)  # appears only when ready to fork
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    kernels: dict[int, socket.socket] = {}  # kernel pid -> its launcher's connection
    last = time.monotonic()
    try:
        while kernels or time.monotonic() - last < idle:
            for key, _ in selector.select(timeout=0.1):
                if key.fileobj is listener:
                    conn, _ = listener.accept()
                    try:
                        request, fds = _receive(conn)
                    except (OSError, ValueError):
                        conn.close()
                        continue
                    pid = os.fork()
                    if pid == 0:
                        selector.close()
                        listener.close()
                        for other in kernels.values():
                            other.close()
                        conn.close()
                        _kernel_run(request, fds)
                    for fd in fds:
                        os.close(fd)
                    conn.sendall(f"{pid}\n".encode())
                    kernels[pid] = conn
                    selector.register(conn, selectors.EVENT_READ, pid)
                    last = time.monotonic()
                elif not key.fileobj.recv(1):  # a launcher went away: it was killed
                    selector.unregister(key.fileobj)
                    _kill(key.data)
            while kernels:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
                if pid == 0:
                    break
                conn = kernels.pop(pid, None)
                if conn is None:
                    continue
                if conn in (k.fileobj for k in selector.get_map().values()):
                    selector.unregister(conn)
                code = os.waitstatus_to_exitcode(status)
                try:
                    conn.sendall(f"{code} {usage.ru_utime + usage.ru_stime:.3f}\n".encode())
                except OSError:
                    pass
                conn.close()
                last = time.monotonic()
    finally:
        try:  # unless a newer server has taken the name
            if os.stat(path).st_ino == inode:
                path.unlink()
        except OSError:
            pass
        listener.close()


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--serve"]:
        serve(Path(argv[1]))
        return 0
    return launch(argv)


if __name__ == "__main__":
    sys.exit(main())
