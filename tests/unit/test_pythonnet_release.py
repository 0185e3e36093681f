"""The pythonnet release chosen for each CPython the WebUIs run on."""
import pytest

from sd_job_tracker.pythonnet_release import pythonnet_version, unsupported_message


@pytest.mark.parametrize("minor, release", [(10, "3.1.0"), (11, "3.2.1"), (12, "3.2.1"), (13, "3.2.1"),
                                            (14, "3.2.1"), (15, "3.2.1")])
def test_each_supported_python_gets_the_newest_release_that_covers_it(minor, release):
    assert pythonnet_version((3, minor, 0)) == release


@pytest.mark.parametrize("version", [(3, 9, 18), (3, 16, 0), (2, 7, 18)])
def test_a_python_no_release_covers_gets_none(version):
    assert pythonnet_version(version) is None


def test_the_unsupported_line_names_the_python_and_the_supported_range():
    message = unsupported_message((3, 9, 18, "final", 0))
    assert "Python 3.9.18" in message and "3.10 to 3.15" in message
