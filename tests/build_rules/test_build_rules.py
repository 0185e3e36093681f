"""The build has teeth: a copy of the core with one deliberately bad file per rule fails `dotnet build`, naming each rule.

The rules are STYLE.md's, set in the root .editorconfig and dotnet/JobTracker/BannedSymbols.txt: file-scoped namespaces
(IDE0161), one type per file (SA1402) named after it (SA1649), no system clock and no sleeping in the core (RS0030).
One build of the copy (about a minute on a busy machine) proves all of them.
"""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD_FILES = ("Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "stylecop.json")

BAD_FILES = {
    "BlockNamespace.cs": "namespace JobTracker.Bad\n{\n    internal static class BlockNamespace\n    {\n    }\n}\n",
    "TwoTypes.cs": "namespace JobTracker.Bad;\n\ninternal static class TwoTypes\n{\n}\n\ninternal static class SecondType\n{\n}\n",
    "WrongName.cs": "namespace JobTracker.Bad;\n\ninternal static class NotTheFileName\n{\n}\n",
    "SystemClock.cs": """namespace JobTracker.Bad;

internal static class SystemClock
{
    public static DateTime Local() => DateTime.Now;

    public static DateTime Utc() => DateTime.UtcNow;

    public static DateTimeOffset LocalOffset() => DateTimeOffset.Now;

    public static DateTimeOffset UtcOffset() => DateTimeOffset.UtcNow;

    public static Task Wait() => Task.Delay(10);

    public static Task WaitSpan(CancellationToken cancel) => Task.Delay(TimeSpan.FromSeconds(1), cancel);

    public static void Sleep() => Thread.Sleep(10);
}
""",
}

# (rule, bad file, what the message must name)
EXPECTED = [
    ("IDE0161", "BlockNamespace.cs", "file-scoped"),
    ("SA1402", "TwoTypes.cs", ""),
    ("SA1649", "WrongName.cs", ""),
    ("RS0030", "SystemClock.cs", "DateTime.Now"),
    ("RS0030", "SystemClock.cs", "DateTime.UtcNow"),
    ("RS0030", "SystemClock.cs", "DateTimeOffset.Now"),
    ("RS0030", "SystemClock.cs", "DateTimeOffset.UtcNow"),
    ("RS0030", "SystemClock.cs", "Task.Delay(int)"),
    ("RS0030", "SystemClock.cs", "Task.Delay(TimeSpan, CancellationToken)"),
    ("RS0030", "SystemClock.cs", "Thread.Sleep(int)"),
]


@pytest.fixture(scope="module")
def build_output(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("bad_core")
    shutil.copy(REPO / ".editorconfig", root / ".editorconfig")
    dotnet = root / "dotnet"
    dotnet.mkdir()
    for name in BUILD_FILES:
        if (REPO / "dotnet" / name).exists():
            shutil.copy(REPO / "dotnet" / name, dotnet / name)
    shutil.copytree(REPO / "dotnet" / "JobTracker", dotnet / "JobTracker", ignore=shutil.ignore_patterns("bin", "obj"))
    bad = dotnet / "JobTracker" / "Bad"
    bad.mkdir()
    for name, text in BAD_FILES.items():
        (bad / name).write_text(text, encoding="utf-8")
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    result = subprocess.run(["dotnet", "build", str(dotnet / "JobTracker" / "JobTracker.csproj"), "--nologo", "-v", "quiet"],
                            capture_output=True, text=True, env=env, timeout=540)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build of a core with bad files succeeded:\n{output}"
    return output


@pytest.mark.parametrize(("rule", "file", "names"), EXPECTED, ids=[f"{rule}-{names or file}" for rule, file, names in EXPECTED])
def test_a_bad_file_fails_the_build_naming_the_rule(build_output, rule, file, names):
    errors = [line for line in build_output.splitlines() if re.search(rf"{re.escape(file)}\(\d+,\d+\): error {rule}\b", line)]
    assert errors, f"no error {rule} for {file}:\n{build_output}"
    assert any(names in line for line in errors), f"no error {rule} for {file} names {names!r}:\n" + "\n".join(errors)


def test_the_good_files_raise_none_of_these_rules(build_output):
    # Only the bad files break the rules: the core's own sources build clean (run-all.sh builds them too).
    offenders = [line for line in build_output.splitlines()
                 if re.search(r"error (IDE0161|SA1402|SA1649|RS0030)\b", line) and "/Bad/" not in line]
    assert not offenders, "\n".join(offenders)
