import json
import time

import nbformat
import pytest
from tinynotebooks import notebook_tiny

from digiwelfare.notebook import NotebookFailed, notebook_run, params_read


def test_params_file_then_overrides(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("language: en\nnum_topics: 8\n")
    assert params_read(f, {"language": "nb"}) == {"language": "nb", "num_topics": 8}
    f.write_text("- a list\n")
    with pytest.raises(ValueError, match="expected a mapping"):
        params_read(f)


def test_run_writes_a_scrubbed_notebook(tmp_path):
    source = notebook_tiny(tmp_path / "nb.ipynb", "print(x * 2)")
    out = tmp_path / "out" / "nb__a.ipynb"
    start = time.perf_counter()
    seconds = notebook_run(source, out, {"x": 21})
    assert 0 < seconds <= time.perf_counter() - start
    nb = json.loads(out.read_text())
    outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    assert any("42" in "".join(o.get("text", "")) for o in outputs)
    text = out.read_text()
    for volatile in ("start_time", "end_time", "duration", str(tmp_path)):
        assert volatile not in text
    assert sorted(p.name for p in out.parent.iterdir()) == ["nb__a.ipynb"]
    again = tmp_path / "out" / "again.ipynb"
    times = tmp_path / "times" / "again.cells.txt"
    notebook_run(source, again, {"x": 21}, cell_times=times)
    assert again.read_bytes() == out.read_bytes()
    # the timings the notebook may not keep go to their own file, a line per code cell
    rows = [line.split("\t") for line in times.read_text().splitlines()]
    assert [first for _, first in rows] == [c["source"].splitlines()[0] if isinstance(
        c["source"], str) else c["source"][0].rstrip("\n") for c in nb["cells"]
        if c["cell_type"] == "code"]
    assert all(float(seconds) >= 0 for seconds, _ in rows)


def test_failure_names_cell_keeps_traceback_and_writes_no_output(tmp_path):
    source = notebook_tiny(tmp_path / "nb.ipynb", "raise ValueError('no such group')")
    out = tmp_path / "out" / "nb.ipynb"
    with pytest.raises(NotebookFailed, match=r"failed in cell 2 \(ValueError\): no such group"):
        notebook_run(source, out, {})
    assert not out.exists()
    failed = out.with_suffix(".failed.ipynb")
    assert "no such group" in failed.read_text()


def test_stream_outputs_cut_by_timing_are_joined():
    """Progress lines from parallel fits arrive in messages cut by timing; the executed
    notebook must not depend on how they were cut."""

    from digiwelfare.notebook import notebook_scrub

    def cell(*chunks):
        outputs = [nbformat.v4.new_output("stream", name="stdout", text=c) for c in chunks]
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=outputs)])
        return notebook_scrub(nb).cells[0]["outputs"]

    one, two = cell("a\nb\n", "c\n"), cell("a\n", "b\nc\n")
    assert one == two and len(one) == 1 and one[0]["text"] == "a\nb\nc\n"


def test_kernel_sockets_are_made_outside_the_notebooks_folder(tmp_path):
    """IPC sockets go to a temporary folder of their own: one left by an interrupted run must
    not land among the notebooks (papermill runs the kernel in the notebook's folder)."""
    import tempfile
    from pathlib import Path

    from digiwelfare.notebook import _LocalKernelManager

    manager = _LocalKernelManager()
    assert manager.transport == "ipc"
    where = Path(manager.ip)
    assert where.is_absolute() and where.parent.is_dir()
    assert where.is_relative_to(Path(tempfile.gettempdir()))
    before = set(Path(tempfile.gettempdir()).glob("digiwelfare-kernel-*"))
    notebook_run(notebook_tiny(tmp_path / "nb.ipynb", "print(x)"), tmp_path / "o.ipynb", {})
    assert not list(tmp_path.glob("kernel-ipc*"))
    # the run's own socket folder is removed with its sockets once the kernel has stopped
    assert set(Path(tempfile.gettempdir()).glob("digiwelfare-kernel-*")) <= before | {
        where.parent}
    where.parent.rmdir()  # the folder of the manager made above, which started no kernel


def test_the_kernel_is_not_interrupted_at_shutdown_but_is_when_running(monkeypatch):
    """jupyter_client sends SIGINT before asking a kernel to shut down; after the last cell
    that interrupts nothing and only makes ipykernel log "KeyboardInterrupt caught in
    kernel" into the make log. An interrupt while cells run (a timeout) still goes through."""
    import asyncio
    from pathlib import Path

    from jupyter_client.manager import AsyncKernelManager

    from digiwelfare.notebook import _LocalKernelManager

    sent = []

    async def interrupt(self):
        sent.append(self.shutting_down)

    monkeypatch.setattr(AsyncKernelManager, "_async_interrupt_kernel", interrupt)
    km = _LocalKernelManager()
    try:
        km.shutting_down = False
        asyncio.run(km.interrupt_kernel())
        km.shutting_down = True
        asyncio.run(km._async_interrupt_kernel())
        asyncio.run(km.interrupt_kernel())
    finally:
        Path(km.ip).parent.rmdir()
    assert sent == [False]
