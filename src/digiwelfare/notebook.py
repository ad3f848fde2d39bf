"""Running notebooks as pipeline steps: papermill with a parameter file, a record of the
wall time, outputs written whole or not at all, and volatile metadata scrubbed so that an
executed notebook is the same bytes on every run.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill
from jupyter_client.manager import AsyncKernelManager

from digiwelfare.files import file_write_atomic
from digiwelfare.params import params_check, params_file_read

#: Notebook-level papermill metadata that changes from run to run or machine to machine.
_VOLATILE_NB = ("start_time", "end_time", "duration", "input_path", "output_path",
                "environment_variables", "version")
_VOLATILE_CELL = ("start_time", "end_time", "duration")


class _LocalKernelManager(AsyncKernelManager):
    """Talks to the kernel over local sockets (IPC) instead of TCP: the kernel is on this
    machine anyway, and ipykernel then has no reason to warn about unencrypted TCP.

    The sockets are made in a temporary folder of their own, not in the working directory
    (``notebooks/``, where papermill runs the kernel): a run that is interrupted would
    otherwise leave them among the notebooks.

    At shutdown, after the last cell, the kernel is asked to stop without the interrupt
    (SIGINT) jupyter_client sends first: it interrupts nothing then, and an idle ipykernel
    that catches it writes "KeyboardInterrupt caught in kernel" into the make log.

    The kernel starts warm (:mod:`digiwelfare.warmkernel`: forked from a process that has
    imported the heavy libraries already) unless ``DIGIWELFARE_WARM_KERNEL`` is ``0``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("transport", "ipc")
        kwargs.setdefault("ip", str(Path(tempfile.mkdtemp(prefix="digiwelfare-kernel-"))
                                    / "kernel"))
        super().__init__(**kwargs)

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down:
            return
        await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel

    def format_kernel_cmd(self, extra_arguments=None) -> list[str]:
        cmd = super().format_kernel_cmd(extra_arguments)
        return kernel_cmd_warm(cmd)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart)
        if not restart:  # the sockets are gone: the folder too (left if anything remains)
            try:
                Path(self.ip).parent.rmdir()
            except OSError:
                pass


def kernel_cmd_warm(cmd: list[str]) -> list[str]:
    """The kernel command ``python -m ipykernel_launcher ...`` of this interpreter, started by
    :mod:`digiwelfare.warmkernel` instead; any other command, or with
    ``DIGIWELFARE_WARM_KERNEL=0``, unchanged."""
    if (os.environ.get("DIGIWELFARE_WARM_KERNEL", "1") == "0" or len(cmd) < 3
            or cmd[1:3] != ["-m", "ipykernel_launcher"]
            or os.path.realpath(cmd[0]) != os.path.realpath(sys.executable)):
        return cmd
    return [cmd[0], "-m", "digiwelfare.warmkernel", *cmd[3:]]


class _ProgressRelay:
    """Copies the progress lines a notebook's kernel appends to a file of its own
    (``DIGIWELFARE_PROGRESS``, :func:`digiwelfare.parallel.progress_write`) to this
    process's standard error as they come, that is to the terminal or the ``make`` log. The
    kernel's own standard error would land in the executed notebook instead."""

    def __init__(self, stream):
        import threading

        handle, name = tempfile.mkstemp(prefix="digiwelfare-progress-", suffix=".log")
        os.close(handle)
        self.path, self.stream, self.stop = Path(name), stream, threading.Event()
        self.thread = threading.Thread(target=self._copy, daemon=True)

    def _copy(self) -> None:
        with open(self.path, encoding="utf-8") as log:
            while True:
                stopping = self.stop.wait(0.5)
                for line in log.readlines():
                    self.stream.write(line)
                self.stream.flush()
                if stopping:
                    return

    def __enter__(self):
        self.previous = os.environ.get("DIGIWELFARE_PROGRESS")
        os.environ["DIGIWELFARE_PROGRESS"] = str(self.path)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()
        self.path.unlink(missing_ok=True)
        if self.previous is None:
            os.environ.pop("DIGIWELFARE_PROGRESS", None)
        else:
            os.environ["DIGIWELFARE_PROGRESS"] = self.previous


class NotebookFailed(RuntimeError):
    """A notebook stopped in a cell; the message names the notebook, the cell and the error."""


def params_read(params_file: str | Path | None, overrides: dict | None = None,
                notebook: str | Path | None = None,
                where: dict[str, str] | None = None) -> dict:
    """Parameters from a YAML file, then ``overrides`` on top (both optional).

    With ``notebook``, every parameter is checked against it (:func:`params_check`) before
    anything runs; ``where`` says where each override came from (``"the option --corpus"``),
    for the message. A bad file or value raises :class:`ParamsError` naming the file, the
    line, the parameter, what was expected and what to do.
    """
    params: dict = {}
    lines: dict[str, int | str] = {}
    if params_file:
        params, lines = params_file_read(params_file)
    for name in overrides or {}:
        lines[name] = (where or {}).get(name, "the command line")
    params.update(overrides or {})
    if notebook is not None:
        params_check(notebook, params, str(params_file or "the command line"), lines)
    return params


def notebook_scrub(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove timings, absolute paths, versions and random ids that papermill and nbclient
    record, so that the same run gives the same bytes."""
    pm = nb.metadata.get("papermill", {})
    for key in _VOLATILE_NB:
        pm.pop(key, None)
    for cell in nb.cells:
        _streams_merge(cell)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id on every run
        cell.metadata.pop("execution", None)
        for key in _VOLATILE_CELL:
            cell.metadata.get("papermill", {}).pop(key, None)
    return nb


def _streams_merge(cell: nbformat.NotebookNode) -> None:
    """Join consecutive outputs of one stream (stdout, stderr) of a cell into one: how the
    kernel cut printed lines into messages depends on timing (progress lines from parallel
    fits), and must not change the executed notebook's bytes."""
    merged: list = []
    for out in cell.get("outputs", []):
        last = merged[-1] if merged else None
        if (out.get("output_type") == "stream" and last is not None
                and last.get("output_type") == "stream" and last.get("name") == out.get("name")):
            last["text"] = last["text"] + out["text"]
        else:
            merged.append(out)
    if "outputs" in cell:
        cell["outputs"] = merged


def cell_times_write(nb: nbformat.NotebookNode, path: str | Path) -> None:
    """Write each code cell's execution seconds (papermill's ``duration``) and first line."""
    rows = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            seconds = cell.metadata.get("papermill", {}).get("duration") or 0.0
            first = (cell.source.strip().splitlines() or [""])[0][:60]
            rows.append(f"{seconds:.2f}\t{first}\n")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("".join(rows), encoding="utf-8")


def notebook_run(notebook: str | Path, output: str | Path, params: dict,
                 progress: bool = False, cell_times: str | Path | None = None) -> float:
    """Execute ``notebook`` with ``params`` into ``output``; return the wall time in seconds.

    Progress lines of long stages (:func:`digiwelfare.parallel.progress_write`) reach this
    process's standard error while the notebook runs, never the executed notebook.
    The executed notebook is written only if every cell ran. On a failure it is kept beside
    the output as ``<name>.failed.ipynb`` (the traceback is in it), the output is not
    written, and :class:`NotebookFailed` names the notebook and the failing cell.
    ``cell_times``, if given, receives each code cell's seconds and first line (tab-separated),
    the timings the executed notebook itself must not keep.
    """
    notebook, output = Path(notebook), Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    failed = output.with_suffix(".failed.ipynb")
    scratch = output.with_name(f".{output.stem}.running.ipynb")
    start = time.perf_counter()
    # The kernel inherits this: explorers render their static copy, never live widgets.
    marker = os.environ.get("DIGIWELFARE_PIPELINE")
    os.environ["DIGIWELFARE_PIPELINE"] = "1"
    try:
        with _ProgressRelay(sys.stderr):
            papermill.execute_notebook(str(notebook), str(scratch), parameters=params,
                                       progress_bar=progress, cwd=str(notebook.parent),
                                       kernel_name="python3", report_mode=False,
                                       kernel_manager_class=_LocalKernelManager)
    except papermill.PapermillExecutionError as err:
        scratch.replace(failed)
        raise NotebookFailed(
            f"{notebook} failed in cell {err.exec_count} ({err.ename}): {err.evalue.strip()}\n"
            f"  the executed notebook with the traceback is {failed}") from None
    finally:
        elapsed = time.perf_counter() - start
        if marker is None:
            os.environ.pop("DIGIWELFARE_PIPELINE", None)
    nb = nbformat.read(scratch, as_version=4)
    if cell_times is not None:
        cell_times_write(nb, cell_times)
    nb = notebook_scrub(nb)
    file_write_atomic(output, (json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True)
                               + "\n").encode("utf-8"))
    scratch.unlink()
    failed.unlink(missing_ok=True)
    return elapsed
