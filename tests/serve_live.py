"""A real `khabar serve` on 127.0.0.1 and Debian's Chromium, shared by the browser tests,
the screenshot script and the benchmark (not a test module itself)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEMO = Path(__file__).parent / "fixtures" / "serve_demo"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's chromium (browser downloads are not available here); KHABAR_CHROMIUM
    names another binary, and only it is tried when set."""
    given = os.environ.get("KHABAR_CHROMIUM")
    for candidate in ((given,) if given else ("/usr/bin/chromium", shutil.which("chromium"))):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def build_demo(db: Path, inputs: Path = DEMO) -> Path:
    from khabar.corpus import Corpus

    with Corpus(db) as corpus:
        corpus.add([inputs])
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: Path | None, *extra: str, ready_seconds: float = 60) -> Iterator[str]:
    """`khabar serve` in a child process on a free loopback port; yields its base URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "khabar.cli", "serve", "--host", "127.0.0.1",
           "--port", str(port), "--db", str(db or Path(tempfile.gettempdir()) / "absent.db"),
           *extra]
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        yield from _serving(proc, log, base, ready_seconds)


def _serving(proc: subprocess.Popen, log, base: str, ready_seconds: float) -> Iterator[str]:
    try:
        deadline = time.monotonic() + ready_seconds
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/stats", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError("khabar serve did not start:\n"
                                       + log.read().decode(errors="replace")[-3000:]) from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def browser() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright, with a fresh profile."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="khabar-chromium-") as profile, \
            sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=path, headless=True, args=CHROMIUM_ARGS,
            locale="ar", viewport={"width": 1280, "height": 900})
        try:
            yield context
        finally:
            context.close()
