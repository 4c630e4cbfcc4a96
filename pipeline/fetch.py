"""Fetching a URL within bounds: a size cap and one overall deadline per fetch.

httpx's timeouts are per operation: a server that sends one byte every two seconds never
trips a 20 s read timeout, and holds the data folder's lock for as long as it likes; a body
is held whole in memory before anyone looks at its size, and a 1 MB gzip body inflates to
1 GiB inside the client. So a fetch here:

- runs under **one deadline** for everything (connecting, redirects, every read): the request
  is an ``asyncio`` task cancelled when the deadline passes, wherever it is waiting;
- is **streamed and counted as it arrives**: the declared ``Content-Length`` is checked first,
  then the bytes on the wire, then the decoded bytes. Content-Encoding is decoded here, not by
  httpx, with a bounded ``zlib`` decompressor: no more than the cap is ever inflated, so a
  gzip bomb costs at most the cap in memory;
- asks only for encodings it can bound (``gzip``, ``deflate``) and refuses others.

Failures raise :class:`FetchError` with a one-line reason; ``transient`` says whether another
attempt could help (a timeout or an HTTP 5xx can; a body over the cap cannot).

Limits: ``max_bytes`` (default ``PILAR_MAX_FETCH_BYTES``, else the file limit, 50 MiB) and
``deadline`` (default 60 s), both settable per corpus source.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import zlib
from collections.abc import Coroutine
from typing import Any

USER_AGENT = "pilar/0.1 (+https://github.com/; smart-city policy text mining)"
DEFAULT_DEADLINE = 60.0
DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5


class FetchError(RuntimeError):
    """A URL could not be fetched within its bounds; ``transient``: worth another attempt."""

    def __init__(self, reason: str, *, transient: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


def max_fetch_bytes() -> int:
    """The size cap now: ``PILAR_MAX_FETCH_BYTES``, else the file size limit (50 MiB)."""
    from pipeline.ingest.guards import max_file_bytes

    try:
        return int(os.environ.get("PILAR_MAX_FETCH_BYTES") or max_file_bytes())
    except ValueError:
        return max_file_bytes()


def _too_large(max_bytes: int, what: str) -> FetchError:
    return FetchError(f"response too large: {what} (limit {max_bytes:,} bytes: the source's max_bytes)", transient=False)


class _Decoder:
    """Content-Encoding decoding that never inflates past a given room."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._new()

    def _new(self) -> None:
        if self.encoding in ("", "identity"):
            self._z = None
        elif self.encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.encoding == "deflate":
            self._z = zlib.decompressobj()
            self._raw_fallback = True
        else:
            raise FetchError(f"unsupported Content-Encoding {self.encoding!r} (asked for gzip or deflate)",
                             transient=False)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decoded bytes of ``data``; at most ``room`` of them (more means over the cap)."""
        if self._z is None:
            return data[:room]
        out = bytearray()
        while data and len(out) < room:
            try:
                piece = self._z.decompress(data, room - len(out))
            except zlib.error as exc:
                if self.encoding == "deflate" and getattr(self, "_raw_fallback", False) and not out:
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)  # "deflate" sent raw, as some servers do
                    self._raw_fallback = False
                    continue
                raise FetchError(f"corrupt {self.encoding} body ({exc})", transient=False) from None
            self._raw_fallback = False
            out += piece
            if self._z.unconsumed_tail:
                data = self._z.unconsumed_tail
                continue
            if self._z.eof and self._z.unused_data:  # a further gzip member
                data = self._z.unused_data
                self._new()
                continue
            break
        return bytes(out)


async def _fetch(url: str, *, timeout: float, max_bytes: int, headers: dict[str, str]) -> tuple[bytes, str]:
    import httpx

    limits = httpx.Timeout(timeout)
    async with httpx.AsyncClient(timeout=limits, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                                 headers=headers) as client:
        async with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code}", transient=resp.status_code >= 500 or resp.status_code in (408, 429))
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(max_bytes, f"Content-Length is {int(declared):,} bytes")
            decoder = _Decoder(resp.headers.get("content-encoding", "").strip().lower())
            body = bytearray()
            wire = 0
            async for chunk in resp.aiter_raw():
                wire += len(chunk)
                if wire > max_bytes:
                    raise _too_large(max_bytes, f"over {max_bytes:,} bytes received")
                body += decoder.feed(chunk, max_bytes + 1 - len(body))
                if len(body) > max_bytes:
                    raise _too_large(max_bytes, f"the {decoder.encoding} body inflates past {max_bytes:,} bytes"
                                     if decoder.encoding else f"over {max_bytes:,} bytes received")
            return bytes(body), resp.headers.get("content-type", "")


def _run(coro: Coroutine[Any, Any, tuple[bytes, str]]) -> tuple[bytes, str]:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # called from inside an event loop
        return pool.submit(asyncio.run, coro).result()


def fetch_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, deadline: float = DEFAULT_DEADLINE,
              max_bytes: int | None = None) -> tuple[bytes, str]:
    """GET ``url`` within the bounds; return ``(decoded body, content type)``.

    Args:
        url: An http(s) URL.
        timeout: Seconds allowed for any one network operation (connect, a read).
        deadline: Seconds allowed for the whole fetch, redirects and every read included.
        max_bytes: Cap on the body, as sent and as decoded (default :func:`max_fetch_bytes`).

    Raises:
        FetchError: Transport error, HTTP error status, deadline passed, body over the cap.
    """
    import httpx

    cap = max_fetch_bytes() if max_bytes is None else max_bytes
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}

    async def bounded() -> tuple[bytes, str]:
        try:
            return await asyncio.wait_for(_fetch(url, timeout=min(timeout, deadline), max_bytes=cap, headers=headers),
                                          timeout=deadline)
        except asyncio.TimeoutError:
            raise FetchError(f"deadline of {deadline:g} s passed before the response was complete") from None

    try:
        return _run(bounded())
    except FetchError:
        raise
    except httpx.HTTPError as exc:
        msg = " ".join(str(exc).split())[:160]
        raise FetchError(f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__) from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from None
