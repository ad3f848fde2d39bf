"""Warm kernels (digiwelfare.warmkernel): forked from a server that imported the heavy
libraries, they must behave as kernels started cold, and never outlive their launcher."""

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from tinynotebooks import notebook_tiny

from digiwelfare.notebook import _LocalKernelManager, kernel_cmd_warm, notebook_run
from digiwelfare.warmkernel import server_key

#: What a notebook could read that a warm start might change: pandas' display defaults
#: (chosen at import by whether pandas runs in a kernel, and by the streams' encoding),
#: matplotlib's settings (the backend from the environment), numpy's print options, the
#: warning filters, the working directory, the import path, the environment, the
#: arguments, and the streams.
PROBE = """
import json, os, sys, warnings
import matplotlib, numpy as np, pandas as pd, simplemma
state = {
    "pandas": {k: repr(pd.get_option(k)) for k in pd._config.config._registered_options
               if k.startswith("display.")},
    "rc": {k: repr(v) for k, v in matplotlib.rcParams.items()},
    "numpy": repr(np.get_printoptions()),
    "lemmas": [simplemma.lemmatize(w, lang=c) for w, c in (("services", "en"),
               ("tjenestene", "nb"), ("tenestene", "nn"))],
    "warnings": [repr(f) for f in warnings.filters],
    "cwd": os.getcwd(), "path": sys.path, "argv0": os.path.basename(sys.argv[0]),
    "env": os.environ.get("PROBE_VALUE"), "stdout": sys.stdout.__class__.__name__,
}
print(json.dumps({"state": state, "pid": os.getpid(), "ppid": os.getppid()}))
"""


def _probe(tmp_path, name, monkeypatch, warm: bool) -> dict:
    monkeypatch.setenv("DIGIWELFARE_WARM_KERNEL", "1" if warm else "0")
    monkeypatch.setenv("PROBE_VALUE", "seen")
    out = tmp_path / f"{name}.ipynb"
    notebook_run(notebook_tiny(tmp_path / "probe.ipynb", PROBE), out, {})
    cell = json.loads(out.read_text())["cells"][-1]
    return json.loads("".join(cell["outputs"][0]["text"]))


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_warm_kernel_sees_what_a_cold_one_sees(tmp_path, monkeypatch):
    cold = _probe(tmp_path, "cold", monkeypatch, warm=False)
    warm = _probe(tmp_path, "warm", monkeypatch, warm=True)
    # the warm kernel really was forked by the server, the cold one started by this process
    assert "--serve" in _cmdline(warm["ppid"])
    assert cold["ppid"] == os.getpid()
    # Warning filters: the warm kernel has those of every module the server imported, the
    # cold one those of the modules the cell imported; the cold kernel's filters, in their
    # order (each import's ahead of the kernel's own), are the warm one's without the others
    warm_filters, cold_filters = warm["state"].pop("warnings"), cold["state"].pop("warnings")
    assert [f for f in warm_filters if f in cold_filters] == cold_filters
    assert any("numpy" in f for f in cold_filters)  # the probe saw filters of its imports
    assert warm["state"] == cold["state"]
    assert warm["state"]["env"] == "seen"
    assert warm["state"]["pandas"]["display.max_columns"] == "20"  # a kernel's default


def test_only_this_interpreters_ipykernel_is_started_warm(monkeypatch):
    monkeypatch.delenv("DIGIWELFARE_WARM_KERNEL", raising=False)
    ours = [sys.executable, "-m", "ipykernel_launcher", "-f", "c.json"]
    assert kernel_cmd_warm(ours) == [sys.executable, "-m", "digiwelfare.warmkernel", "-f",
                                     "c.json"]
    for other in (["/usr/bin/python3.9", "-m", "ipykernel_launcher", "-f", "c.json"],
                  [sys.executable, "-m", "other_kernel", "-f", "c.json"], ["julia"]):
        assert kernel_cmd_warm(other) == other
    monkeypatch.setenv("DIGIWELFARE_WARM_KERNEL", "0")
    assert kernel_cmd_warm(ours) == ours


def test_the_server_key_follows_what_steers_an_import():
    env = {"HOME": "/h", "PYTHONHASHSEED": "0", "TERM": "xterm"}
    base = server_key(env, ["", "/a"])
    assert server_key(dict(env, TERM="dumb"), ["", "/a"]) == base  # steers no import
    assert server_key(dict(env, PYTHONHASHSEED="1"), ["", "/a"]) != base
    assert server_key(dict(env, MPLBACKEND="agg"), ["", "/a"]) != base
    assert server_key(dict(env, OPENBLAS_NUM_THREADS="1"), ["", "/a"]) != base
    assert server_key(env, ["", "/a", "/b"]) != base
    assert server_key(env, ["/elsewhere", "/a"]) == base  # the working directory of -m


async def _output(client, code: str) -> str:
    """Run ``code`` in the kernel; what it printed."""
    printed: list = []
    await client.execute_interactive(code, timeout=60, output_hook=lambda m: printed.append(
        m["content"].get("text", "") if m["msg_type"] == "stream" else ""))
    return "".join(printed)


async def _interrupted(km, client, code: str) -> dict:
    """Run ``code``, interrupt it after a second; the reply."""
    import asyncio

    msg_id = client.execute(code)
    await asyncio.sleep(1.0)
    await km.interrupt_kernel()
    while True:
        reply = await client.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def _gone(pid: int, within: float = 10.0) -> bool:
    """Whether process ``pid`` ended (or is a zombie) within ``within`` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        stat = Path(f"/proc/{pid}/stat")
        try:
            if stat.read_text().split()[2] == "Z":
                return True
        except (FileNotFoundError, ProcessLookupError):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_interrupts_reach_the_kernel_and_a_killed_launcher_takes_it_along(monkeypatch):
    import asyncio

    monkeypatch.setenv("DIGIWELFARE_WARM_KERNEL", "1")
    km = _LocalKernelManager()

    async def scenario():
        await km.start_kernel()
        client = km.client()
        client.start_channels()
        try:
            # as nbclient does: a request sent before the kernel answers can have its output
            # published before this client's subscription reached the kernel (a warm kernel
            # starts in well under a second), and the reply then never seems to come
            await client.wait_for_ready(timeout=120)
            pid = int(await _output(client, "import os; print(os.getpid())"))
            launcher = km.provisioner.process.pid
            assert pid != launcher  # forked by the server, not the launcher
            assert "--serve" in _cmdline(int(Path(f"/proc/{pid}/stat").read_text().split()[3]))
            reply = await _interrupted(km, client, "import time; time.sleep(60)")
            assert reply["ename"] == "KeyboardInterrupt"
            assert int(await _output(client, "print(os.getpid())")) == pid  # still alive
            # killed outright (SIGKILL, which it cannot pass on), the launcher takes the
            # kernel along
            os.kill(launcher, signal.SIGKILL)
            assert _gone(pid)
        finally:
            client.stop_channels()
            await km.shutdown_kernel(now=True)

    asyncio.run(scenario())


def test_a_kernel_starts_cold_when_no_server_can_be_used(tmp_path, monkeypatch):
    """The server is an optimisation: a socket folder that is not this user's alone (here,
    open to everyone) is refused, and the kernel starts cold instead."""
    shared = tmp_path / f"digiwelfare-warm-{os.getuid()}"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setenv("DIGIWELFARE_WARM_KERNEL", "1")
    cpu = tmp_path / "cpu.txt"
    monkeypatch.setenv("DIGIWELFARE_KERNEL_CPU", str(cpu))
    out = tmp_path / "o.ipynb"
    notebook_run(notebook_tiny(tmp_path / "nb.ipynb", "import os; print(os.getppid())"), out, {})
    text = "".join(json.loads(out.read_text())["cells"][-1]["outputs"][0]["text"])
    assert "--serve" not in _cmdline(int(text))  # the launcher became the kernel itself
    assert not list(shared.iterdir())
    assert not cpu.exists()  # a cold kernel is the runner's child: its CPU is counted there


def test_the_launcher_records_the_kernels_cpu(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGIWELFARE_WARM_KERNEL", "1")
    cpu = tmp_path / "cpu.txt"
    monkeypatch.setenv("DIGIWELFARE_KERNEL_CPU", str(cpu))
    # a cell that spends about a CPU second
    notebook_run(notebook_tiny(tmp_path / "nb.ipynb",
                               "import time\nt = time.process_time()\n"
                               "while time.process_time() - t < 1.0:\n    pass"),
                 tmp_path / "o.ipynb", {})
    seconds = [float(v) for v in cpu.read_text().split()]
    assert len(seconds) == 1 and 1.0 <= seconds[0] < 30
