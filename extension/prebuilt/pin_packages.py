"""Write packages.json: every NuGet package the prebuilt core needs, pinned by the SHA-512 of its .nupkg.

Usage: python3 extension/prebuilt/pin_packages.py OUT_DIR   (OUT_DIR holds the freshly built JobTracker.deps.json)

The hashes are computed from the .nupkg files in the local NuGet cache (~/.nuget/packages, or NUGET_PACKAGES), which
the build just restored. The libraries come from the deps.json the build wrote; the runtime packs and the pythonnet
releases are the ones already listed in extension/prebuilt/packages.json, re-hashed when the cache holds them (the e2e tests
restore the runtime pack for this machine). A release listed with "sha512": null (the cache could not get it) stays
so until the cache holds it; the WebUI then checks it against the SHA-512 nuget.org's catalog publishes.
"""
import base64
import hashlib
import json
import os
import sys
from pathlib import Path

PREBUILT = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("NUGET_PACKAGES") or Path.home() / ".nuget" / "packages")


def nupkg(package_id: str, version: str) -> Path:
    return CACHE / package_id.lower() / version.lower() / f"{package_id.lower()}.{version.lower()}.nupkg"


def pin(package_id: str, version: str, previous: dict | None) -> dict:
    archive = nupkg(package_id, version)
    if not archive.is_file():
        if previous is None:
            sys.exit(f"{archive} is missing: restore {package_id} {version} first (e.g. dotnet restore)")
        return {"sha512": previous["sha512"], "size": previous["size"]}
    digest = base64.b64encode(hashlib.sha512(archive.read_bytes()).digest()).decode("ascii")
    return {"sha512": digest, "size": archive.stat().st_size}


def libraries(deps: dict) -> list[dict]:
    target = deps["targets"][deps["runtimeTarget"]["name"]]
    found = []
    for key, library in deps["libraries"].items():
        package_id, version = key.split("/")
        if library["type"] != "package" or package_id == "pythonnet":  # pythonnet: one pin per release, below
            continue
        files = sorted(target[key].get("runtime", {}))
        found.append({"id": package_id, "version": version, **pin(package_id, version, None), "files": files})
    return found


def main(out_dir: Path) -> None:
    previous = json.loads((PREBUILT / "packages.json").read_text(encoding="utf-8"))
    deps = json.loads((out_dir / "JobTracker.deps.json").read_text(encoding="utf-8"))
    runtime = previous["runtime"]
    manifest = {
        "runtime": {
            "version": runtime["version"],
            "packages": {rid: pin(f"Microsoft.NETCore.App.Runtime.{rid}", runtime["version"], pinned)
                         for rid, pinned in runtime["packages"].items()},
        },
        "pythonnet": {release: {**pin("pythonnet", release, pinned), "files": pinned["files"]}
                      for release, pinned in previous["pythonnet"].items()},
        "libraries": libraries(deps),
    }
    (out_dir / "packages.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
