"""Download one package file over HTTP(S) into a given file, reporting progress as it goes.

Standard library only (urllib, which honours the usual proxy variables). A connection that closes early leaves a
short file; the SHA-512 check that follows refuses it.
"""
from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

TIMEOUT_SECONDS = 30
_CHUNK = 256 * 1024


class FeedUnavailable(Exception):
    """The feed could not be reached or did not serve the package."""


def download(url: str, target: Path, progress: Callable[[int, int | None], None]) -> int:
    """Write url's body to target; call progress(received, total or None) after each chunk. Returns bytes received."""
    request = urllib.request.Request(url, headers={"User-Agent": "sd-job-tracker"})
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS)
    except urllib.error.HTTPError as error:
        raise FeedUnavailable(f"{url} answered HTTP {error.code}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FeedUnavailable(f"cannot reach {url}: {reason}") from error
    length = response.headers.get("Content-Length")
    total = int(length) if length and length.isdigit() else None
    received = 0
    with response, open(target, "wb") as file:
        while True:
            try:
                chunk = response.read(_CHUNK)
            except http.client.IncompleteRead as error:
                file.write(error.partial)
                received += len(error.partial)
                break
            except OSError as error:  # reset or timeout mid-body: what arrived is kept for the hash check to refuse
                raise FeedUnavailable(f"the download of {url} broke off after {received:,} bytes: {error}") from error
            if not chunk:
                break
            file.write(chunk)
            received += len(chunk)
            progress(received, total)
    return received
