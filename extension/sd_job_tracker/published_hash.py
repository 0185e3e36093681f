"""The SHA-512 nuget.org publishes for a package, for a package with no pin in extension/prebuilt/packages.json.

NuGet's registration leaf (<registrations>/<id>/<version>.json) names the package's catalog entry, and that entry
carries packageHash (base64) with packageHashAlgorithm "SHA512": the hash of the very .nupkg the flat container
serves. Used only where the build machine's NuGet could not deliver the package to pin (pythonnet 3.1.0).
TRACKER_NUGET_REGISTRATION_URL replaces the default registration hive (tests point it at their local feed).
"""
from __future__ import annotations

import gzip
import json
import os
import urllib.error
import urllib.request

from .package_fetch import TIMEOUT_SECONDS, FeedUnavailable

DEFAULT_REGISTRATIONS = "https://api.nuget.org/v3/registration5-gz-semver2/"
REGISTRATION_VARIABLE = "TRACKER_NUGET_REGISTRATION_URL"
_GZIP_MAGIC = b"\x1f\x8b"


def registrations_url() -> str:
    url = os.environ.get(REGISTRATION_VARIABLE, "").strip() or DEFAULT_REGISTRATIONS
    return url if url.endswith("/") else url + "/"


def published_sha512(package_id: str, version: str) -> str:
    """The base64 SHA-512 nuget.org's catalog gives for package_id version; FeedUnavailable if there is none."""
    leaf = _get_json(f"{registrations_url()}{package_id.lower()}/{version.lower()}.json")
    entry = leaf.get("catalogEntry")
    if isinstance(entry, dict):  # a leaf inside a registration page inlines the entry's URL as @id
        entry = entry.get("@id")
    if not isinstance(entry, str):
        raise FeedUnavailable(f"the registration of {package_id} {version} names no catalog entry")
    catalog = _get_json(entry)
    digest, algorithm = catalog.get("packageHash"), str(catalog.get("packageHashAlgorithm", ""))
    if not isinstance(digest, str) or algorithm.upper() != "SHA512":
        raise FeedUnavailable(f"the catalog publishes no SHA-512 for {package_id} {version}")
    return digest


def _get_json(url: str) -> dict:
    request = urllib.request.Request(url, headers={"User-Agent": "sd-job-tracker", "Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise FeedUnavailable(f"{url} answered HTTP {error.code}") from error
    except (urllib.error.URLError, OSError) as error:
        raise FeedUnavailable(f"cannot reach {url}: {getattr(error, 'reason', error)}") from error
    try:
        if body.startswith(_GZIP_MAGIC):  # the registration hives nuget.org advertises are gzip-encoded
            body = gzip.decompress(body)
        document = json.loads(body)
    except (OSError, ValueError) as error:
        raise FeedUnavailable(f"{url} did not answer NuGet JSON: {error}") from error
    if not isinstance(document, dict):
        raise FeedUnavailable(f"{url} did not answer a NuGet JSON object")
    return document
