"""install.py prints in any console code page (A1111 reads it through a pipe in the ANSI code page on Windows)."""
import importlib.util
import io
from pathlib import Path

INSTALL = Path(__file__).resolve().parents[2] / "install.py"


def load_install():
    spec = importlib.util.spec_from_file_location("job_tracker_install", INSTALL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_character_outside_the_code_page_is_escaped_not_raised():
    install = load_install()
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp1252")  # errors="strict", as Python opens a pipe there
    install.safe_console([console])
    install.say(r"built into C:\Users\Łukasz\sd-job-tracker\build\core-1", stream=console)
    assert raw.getvalue().decode("cp1252") == "[Job Tracker] built into C:\\Users\\\\u0141ukasz\\sd-job-tracker\\build\\core-1\n"


def test_the_nuget_failure_is_recognised_only_for_pythonnet_and_the_release_asked():
    install = load_install()
    output = ("/x/JobTracker.csproj : error NU1102: Unable to find package pythonnet with version (= 3.1.0)\n"
              "/x/JobTracker.csproj : error NU1102:   - Found 1 version(s) in nuget.org [ Nearest version: 3.2.1 ]\n")
    assert install.pythonnet_unavailable(output, "3.1.0")
    assert not install.pythonnet_unavailable(output.replace("pythonnet", "Microsoft.Extensions.Configuration"), "3.1.0")
    assert not install.pythonnet_unavailable("error CS1002: ; expected\n", "3.1.0")
