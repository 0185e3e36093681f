"""Where NuGet packages are downloaded from: the NuGet v3 flat container (PackageBaseAddress).

TRACKER_NUGET_URL replaces the default, for a mirror inside a firewall or a local feed in tests; it is the base
address that holds <id>/<version>/<id>.<version>.nupkg, as api.nuget.org/v3-flatcontainer/ does.
"""
from __future__ import annotations

import os

DEFAULT_FEED = "https://api.nuget.org/v3-flatcontainer/"
FEED_VARIABLE = "TRACKER_NUGET_URL"


def feed_url() -> str:
    """The flat container's base address, ending in '/'."""
    url = os.environ.get(FEED_VARIABLE, "").strip() or DEFAULT_FEED
    return url if url.endswith("/") else url + "/"


def archive_name(package_id: str, version: str) -> str:
    """The .nupkg file name the flat container serves (ID and version lower-cased)."""
    return f"{package_id.lower()}.{version.lower()}.nupkg"


def package_url(package_id: str, version: str, feed: str | None = None) -> str:
    """The download address of one package version."""
    base = feed or feed_url()
    return f"{base}{package_id.lower()}/{version.lower()}/{archive_name(package_id, version)}"
