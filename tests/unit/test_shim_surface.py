"""Every .NET member the Python shim touches exists in the core's approved public API.

dotnet/JobTracker.Tests/JobTracker.approved.txt is the whole public API of the core (pinned by ApiApprovalTests).
A .NET member is recognised in the shim's sources as a PascalCase attribute (`_host.BeginRequest`, `plan.JobId`,
`native_buffer.Dispose`) on anything that is not an imported Python module or class; Python names are snake_case.
"""
import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APPROVED = REPO / "dotnet" / "JobTracker.Tests" / "JobTracker.approved.txt"
SHIM = REPO / "extension" / "sd_job_tracker"
PASCAL_CASE = re.compile(r"[A-Z][a-z]\w*")


def dotnet_uses(source: str) -> dict[str, int]:
    """The .NET names a shim module uses (member or imported type) and a line of each."""
    tree = ast.parse(source)
    python_names, dotnet_names = set(), {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            python_names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            # `from JobTracker.Interop import TrackerHost` imports a .NET type (pythonnet); anything else is Python.
            if (node.module or "").split(".")[0] == "JobTracker":
                dotnet_names.update({alias.name: node.lineno for alias in node.names})
            else:
                python_names |= {alias.asname or alias.name for alias in node.names}
    # A name bound to a ctypes library (`kernel32 = ctypes.WinDLL("kernel32")`) calls native functions, not .NET.
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _root_name(node.value) in python_names & {"ctypes"}:
            python_names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and PASCAL_CASE.fullmatch(node.attr):
            receiver = node.value
            while isinstance(receiver, ast.Attribute):
                receiver = receiver.value
            if isinstance(receiver, ast.Name) and receiver.id in python_names and receiver.id not in dotnet_names:
                continue
            dotnet_names.setdefault(node.attr, node.lineno)
    return dotnet_names


def _root_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def approved_names(api: str) -> set[str]:
    """Type and member names declared in a PublicApiGenerator listing."""
    types = re.findall(r"\b(?:class|struct|interface|enum|record)\s+(\w+)", api)
    members = re.findall(r"\b(\w+)\s*(?:\(|\{ get|\{ set|=)", api)
    return set(types) | set(members)


def test_every_member_the_shim_calls_is_in_the_approved_public_api():
    known = approved_names(APPROVED.read_text(encoding="utf-8"))
    used = {}
    for module in sorted(SHIM.glob("*.py")):
        for name, line in dotnet_uses(module.read_text(encoding="utf-8")).items():
            used.setdefault(name, f"{module.name}:{line}")
    # The parse finds the facade at all: the type the shim imports and the call that starts the core.
    assert {"TrackerHost", "Start"} <= used.keys(), used
    missing = {name: where for name, where in used.items() if name not in known}
    assert not missing, (f"the shim uses .NET members the core's public API lacks (see {APPROVED.name}): {missing}; "
                         "make them public in dotnet/JobTracker/Interop/ and approve the API (README, Development)")


def test_a_member_the_api_lacks_is_reported():
    source = "from JobTracker.Interop import TrackerHost\nimport json\nTrackerHost.Start('x')\nTrackerHost.Vanished()\njson.JSONDecodeError\n"
    used = dotnet_uses(source)
    known = approved_names("public static class TrackerHost\n{\n    public static string Start(string dir) { }\n}\n")
    assert set(used) == {"TrackerHost", "Start", "Vanished"}
    assert {name for name in used if name not in known} == {"Vanished"}


def test_python_modules_and_classes_are_not_taken_for_dotnet():
    source = "import threading\nfrom PIL import Image\nimport http.client\nthreading.Lock()\nImage.DecompressionBombError\nhttp.client.IncompleteRead\n"
    assert dotnet_uses(source) == {}
