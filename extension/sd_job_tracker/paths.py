"""Every path the Python side uses, computed once from this file's location."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
EXTENSION_DIR = PACKAGE_DIR.parents[1]
DOTNET_SOURCE_DIR = EXTENSION_DIR / "dotnet"
CORE_PROJECT = DOTNET_SOURCE_DIR / "JobTracker" / "JobTracker.csproj"
BUILD_DIR = EXTENSION_DIR / "build" / "core"  # not ".../dotnet": dotnet publish -o mis-parses such a path
BUILD_STAMP = BUILD_DIR / "build.stamp"
CORE_ASSEMBLY = BUILD_DIR / "JobTracker.dll"
CORE_RUNTIME_CONFIG = BUILD_DIR / "JobTracker.runtimeconfig.json"
PYTHON_RUNTIME_ASSEMBLY = BUILD_DIR / "Python.Runtime.dll"
# The route without an SDK: the core committed as IL under prebuilt/, the rest fetched from NuGet into build/fetched/.
PREBUILT_DIR = EXTENSION_DIR / "prebuilt"
PACKAGE_MANIFEST = PREBUILT_DIR / "packages.json"
PREBUILT_FILES = ("JobTracker.dll", "JobTracker.deps.json", "JobTracker.runtimeconfig.json")
FETCHED_DIR = EXTENSION_DIR / "build" / "fetched"
