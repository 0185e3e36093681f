"""Fetch what the prebuilt core needs from NuGet, in a background thread of the WebUI process.

Started from on_app_started when neither an SDK build nor a complete earlier fetch is here, so the WebUI starts at
its own pace and answers untracked meanwhile. Each package is downloaded to a temporary file, its SHA-512 checked
against the pin, unpacked to a temporary folder and renamed into place: a failure leaves nothing half-used, and
the next launch tries again. Later launches find everything in build/fetched/ and need no network.
"""
from __future__ import annotations

import os
import shutil
import time

from . import core_files, fetched_core, nuget_feed, paths
from .late_start import AFTER_FAILURE, PreparationFailed
from .log import log
from .package_fetch import FeedUnavailable, download
from .package_hash import PackageRefused, verify
from .package_manifest import NotPinned, Package
from .published_hash import published_sha512
from .package_unpack import PackageUnusable, unpack

# Packages at least this big get their own progress lines; the small ones are summed up.
LARGE_PACKAGE = 1 << 20
PERCENT_STEP = 20


def wanted() -> bool:
    """Whether tracking has to wait for a fetch: no SDK build, no complete earlier fetch, but a prebuilt core."""
    return core_files.sdk_build() is None and core_files.prebuilt_present() and fetched_core.ready() is None


def prepare() -> None:
    """fetch(), for late_start: a failure that is expected (no network, a refused package) is one line."""
    try:
        fetch()
    except (NotPinned, FeedUnavailable, PackageRefused, PackageUnusable, OSError) as error:
        raise PreparationFailed(f"{error}. {AFTER_FAILURE}") from error


def fetch() -> None:
    """Download, verify and unpack every missing package for this machine."""
    fetch_plan = fetched_core.plan()
    missing = fetch_plan.missing()
    if not missing:
        return
    feed = nuget_feed.feed_url()
    total = sum(package.size for package in missing)
    runtime = "the .NET 10 runtime and " if fetch_plan.runtime in missing else ""
    log(f"fetching {runtime}the core's libraries from {feed}: {len(missing)} packages, {_megabytes(total)}, "
        f"once (kept in {paths.FETCHED_DIR}); requests pass through untracked until tracking is on")
    paths.FETCHED_DIR.mkdir(parents=True, exist_ok=True)
    _remove_leftovers()
    started = time.monotonic()
    for package in missing:
        _fetch_one(package, feed)
    log(f"fetched and verified {_megabytes(total)} in {time.monotonic() - started:.1f} s; starting the core")


def _fetch_one(package: Package, feed: str) -> None:
    url = nuget_feed.package_url(package.id, package.version, feed)
    archive = paths.FETCHED_DIR / f".{package.folder_name}.{os.getpid()}.nupkg.partial"
    # Pinned in prebuilt/packages.json, or else (a package the build machine could not pin) nuget.org's catalog.
    expected = package.sha512 or published_sha512(package.id, package.version)
    progress = _Progress(package)
    try:
        download(url, archive, progress)
        verify(archive, expected, f"{nuget_feed.archive_name(package.id, package.version)} from {url}")
        unpack(archive, package.layout, fetched_core.folder_of(package), package.required_files)
    finally:
        archive.unlink(missing_ok=True)


def _remove_leftovers() -> None:
    """Temporary files and folders of a fetch that was cut short (the WebUI stopped mid-download)."""
    for entry in paths.FETCHED_DIR.glob(".*.partial"):
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


class _Progress:
    """'downloading <id> <version> (<size>)' and a line every PERCENT_STEP percent, for large packages only."""

    def __init__(self, package: Package):
        self.package = package
        self.next_percent = PERCENT_STEP
        self.large = package.size >= LARGE_PACKAGE
        if self.large:
            log(f"downloading {package.id} {package.version} ({_megabytes(package.size)})")

    def __call__(self, received: int, total: int | None) -> None:
        if not self.large:
            return
        percent = received * 100 // (total or self.package.size)
        if percent >= self.next_percent:
            log(f"downloading {self.package.id}: {min(percent, 100)}% "
                f"({_megabytes(received)} of {_megabytes(total or self.package.size)})")
            self.next_percent = (percent // PERCENT_STEP + 1) * PERCENT_STEP


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
