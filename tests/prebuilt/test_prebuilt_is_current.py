"""The core committed under extension/prebuilt/ is exactly what the sources build to (deterministic build, pinned compiler)."""
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FILES = ("JobTracker.dll", "JobTracker.deps.json", "JobTracker.runtimeconfig.json", "packages.json")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("prebuilt")
    result = subprocess.run(["bash", str(REPO / "extension" / "prebuilt" / "regenerate.sh"), str(out)], capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, f"extension/prebuilt/regenerate.sh failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.mark.parametrize("name", FILES)
def test_the_committed_file_is_byte_identical_to_a_build_of_the_sources(rebuilt, name):
    committed, built = (REPO / "extension" / "prebuilt" / name).read_bytes(), (rebuilt / name).read_bytes()
    assert committed == built, (f"extension/prebuilt/{name} is not what the sources in dotnet/JobTracker build to: "
                                f"run `bash extension/prebuilt/regenerate.sh` and commit extension/prebuilt/")
