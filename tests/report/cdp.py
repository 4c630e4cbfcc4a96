"""A real headless Chromium, driven over the DevTools protocol on a pipe (no websocket, no
Playwright): open a page, evaluate JavaScript in it, take screenshots, print to PDF, and
record every request the page made.

Chromium reads protocol messages (JSON, each ended by a NUL byte) on fd 3 and writes them on
fd 4 with ``--remote-debugging-pipe``. All traffic is also sent to a proxy on a dead local
port, and host names resolve nowhere, so a request that slipped past the page's policy
would fail here rather than leave the machine; the recorded requests show it either way.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         "--host-resolver-rules=MAP * ~NOTFOUND"]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One headless Chromium process and one page in it."""

    def __init__(self, binary: str, *, width: int = 1280, height: int = 800, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="pilar-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # move the child's ends out of the way first, so dup2 onto 3 and 4 cannot clobber them
        hi_r, hi_w = os.dup(to_child_r), os.dup(from_child_w)
        os.close(to_child_r)
        os.close(from_child_w)
        while hi_r in (3, 4) or hi_w in (3, 4):
            hi_r, hi_w = os.dup(hi_r), os.dup(hi_w)

        def wire() -> None:  # in the child, before exec
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [binary, *FLAGS, f"--user-data-dir={self._profile}", "--remote-debugging-pipe",
                f"--window-size={width},{height}", "about:blank"]
        self.proc = subprocess.Popen(args, preexec_fn=wire, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(hi_r)
        os.close(hi_w)
        self._reader = os.fdopen(self._from_child, "rb", buffering=0)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})
        self.session = self.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            self.page(f"{domain}.enable")
        self.page("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    # -- protocol --------------------------------------------------------------------------
    def _send(self, method: str, params: dict[str, Any] | None, session: str | None) -> int:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        return self._id

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buf:
            chunk = self._reader.read(1 << 16)
            if not chunk:
                err = self.proc.stderr.read().decode(errors="replace")[-2000:] if self.proc.stderr else ""
                raise RuntimeError(f"chromium closed the pipe: {err}")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\0", 1)
        return json.loads(line)

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        want = self._send(method, params, session)
        while True:
            msg = self._read()
            if msg.get("id") == want:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def page(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.call(method, params, self.session)

    def wait_for(self, event: str, *, after: int = 0) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            for ev in self.events[after:]:
                if ev.get("method") == event:
                    return ev
            self.events.append(self._read())
        raise TimeoutError(event)

    # -- what a test needs -----------------------------------------------------------------
    def open(self, path: Path) -> None:
        mark = len(self.events)
        self.page("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_for("Page.loadEventFired", after=mark)

    def evaluate(self, expression: str) -> Any:
        res = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in res:
            raise RuntimeError(res["exceptionDetails"])
        return res["result"].get("value")

    def screenshot(self, out: Path, *, full_page: bool = True) -> Path:
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            w, h = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": w, "height": min(h, 16000), "scale": 1}
        out.write_bytes(base64.b64decode(self.page("Page.captureScreenshot", params)["data"]))
        return out

    def media(self, kind: str) -> None:
        self.page("Emulation.setEmulatedMedia", {"media": kind})

    def pdf(self, out: Path) -> Path:
        out.write_bytes(base64.b64decode(self.page("Page.printToPDF", {"printBackground": True})["data"]))
        return out

    def requests(self) -> list[str]:
        """Every URL the page asked for (documents, images, styles, fonts, anything)."""
        return [ev["params"]["request"]["url"] for ev in self.events if ev.get("method") == "Network.requestWillBeSent"]

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        self._reader.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
