"""What a student does in JupyterLab, without a browser: a Jupyter server on a free local
port lists the notebooks, and notebook 01 runs top to bottom in the server's kernel, writing
to its scratch folder and leaving the published outputs as they were.

Skipped, with the reason, when the server cannot start here.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from digiwelfare.config import ROOT

requests = pytest.importorskip("requests")
websocket = pytest.importorskip("websocket")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A headless Jupyter server on 127.0.0.1 with a token; stopped after the test."""
    if shutil.which("jupyter", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("no jupyter command beside this Python")
    port, token = _free_port(), secrets.token_hex(16)
    env = os.environ | {"DIGIWELFARE_SCRATCH": str(tmp_path / "scratch"),
                        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
                        "JUPYTER_CONFIG_PATH": str(ROOT / ".jupyter"),  # as `make lab` does
                        "PYTHONPATH": str(ROOT / "src")}
    for marker in ("MAKELEVEL", "DIGIWELFARE_OUT", "DIGIWELFARE_PIPELINE"):
        env.pop(marker, None)  # a student's session, not a pipeline step
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "server", "--no-browser",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={ROOT}", *(["--allow-root"] if os.geteuid() == 0 else [])],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"token {token}"}
    try:
        for _ in range(60):
            if process.poll() is not None:
                pytest.skip("the Jupyter server did not start: " + process.stderr.read()[-500:])
            try:
                if requests.get(f"{base}/api/status", headers=headers, timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        else:
            pytest.skip("the Jupyter server did not answer within 30 s")
        yield base, headers, tmp_path / "scratch"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _execute(ws, session: str, code: str, timeout: float = 120.0) -> list[dict]:
    """Send one execute_request over the kernel's websocket and collect its iopub output."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": "student", "session": session,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
    outputs, replied, idle = [], False, False
    deadline = time.monotonic() + timeout
    while not (replied and idle):
        ws.settimeout(max(1.0, deadline - time.monotonic()))
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind == "execute_reply":
            replied = True
            assert msg["content"]["status"] == "ok", msg["content"]
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
        elif kind in ("stream", "execute_result", "display_data", "error"):
            outputs.append(msg)
    return outputs


def test_jupyterlab_lists_the_notebooks_and_runs_one_into_scratch(server):
    base, headers, scratch = server
    listing = requests.get(f"{base}/api/contents/notebooks", headers=headers, timeout=10).json()
    names = {item["name"] for item in listing["content"]}
    assert {"01_explore_corpus.ipynb", "09_read_concordances.ipynb"} <= names
    # The solutions are for teachers: JupyterLab's file browser does not show them
    # (.jupyter/jupyter_server_config.json).
    top = requests.get(f"{base}/api/contents/", headers=headers, timeout=10).json()
    shown = {item["name"] for item in top["content"]}
    assert "notebooks" in shown and "solutions" not in shown

    published = ROOT / "results" / "tables" / "corpus_counts.csv"
    before = published.read_bytes() if published.exists() else None
    kernel = requests.post(f"{base}/api/kernels", headers=headers, json={"name": "python3"},
                           timeout=30).json()
    ws_url = base.replace("http", "ws") + f"/api/kernels/{kernel['id']}/channels"
    ws = websocket.create_connection(ws_url, header=[f"{k}: {v}" for k, v in headers.items()],
                                     timeout=30)
    try:
        nb = json.loads((ROOT / "notebooks" / "01_explore_corpus.ipynb").read_text())
        session, printed = uuid.uuid4().hex, []
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                for msg in _execute(ws, session, "".join(cell["source"])):
                    printed.append(msg["content"].get("text", ""))
    finally:
        ws.close()
        requests.delete(f"{base}/api/kernels/{kernel['id']}", headers=headers, timeout=10)
    assert any(" documents, " in text for text in printed)
    # Run by hand, the notebook wrote its tables to its own scratch folder ...
    written = scratch / "01_explore_corpus" / "results" / "tables" / "corpus_counts.csv"
    assert written.is_file() and written.read_text().startswith("doc_type,language,")
    # ... and the published table is as it was.
    assert (published.read_bytes() if published.exists() else None) == before
