"""The pythonnet release chosen for each CPython the WebUIs run on."""
import pytest

from sd_job_tracker.pythonnet_release import (nuget_missing_message, pythonnet_version, release_serves, start_refusal,
                                             unsupported_message)


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


@pytest.mark.parametrize("release, minor, serves", [("3.2.1", 10, False), ("3.2.1", 11, True), ("3.2.1", 15, True),
                                                   ("3.1.0", 10, True), ("3.1.0", 14, True), ("3.1.0", 15, False),
                                                   ("2.5.2", 11, None)])
def test_which_release_serves_which_python(release, minor, serves):
    assert release_serves(release, (3, minor, 0)) is serves


def test_a_core_built_for_another_python_is_refused_with_what_to_do():
    message = start_refusal("3.2.1", (3, 10, 13, "final", 0))
    assert message.startswith("Python 3.10.13 needs pythonnet 3.1.0, but the core was built with pythonnet 3.2.1")
    assert "restart the WebUI" in message


@pytest.mark.parametrize("built, version", [("3.2.1", (3, 11, 2)), ("3.2.1", (3, 13, 0)), ("3.1.0", (3, 12, 1)),
                                            (None, (3, 10, 13)), ("9.9.9", (3, 12, 1))])
def test_a_core_that_serves_this_python_or_cannot_be_read_is_started(built, version):
    assert start_refusal(built, version) is None


def test_an_unsupported_python_is_refused_whatever_was_built():
    assert start_refusal("3.2.1", (3, 9, 18, "final", 0)) == unsupported_message((3, 9, 18, "final", 0))


def test_the_nuget_line_names_python_release_and_the_way_out():
    message = nuget_missing_message("3.1.0", (3, 10, 13, "final", 0))
    assert message.startswith("Python 3.10.13 needs pythonnet 3.1.0, which NuGet could not supply")
    assert "nuget.org" in message and "Python 3.11 to 3.15 (pythonnet 3.2.1)" in message
