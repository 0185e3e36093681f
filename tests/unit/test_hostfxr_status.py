"""Every hostfxr status code of dotnet/runtime's error_codes.h gets plain words; a missing .NET 10 says what to do."""
import pytest

from sd_job_tracker.hostfxr_status import FAILURE_CODES, SUCCESS_CODES, describe, is_success

# enum StatusCode in src/native/corehost/error_codes.h (dotnet/runtime), failures; the unused values are left out.
HEADER_FAILURES = [0x80008081, 0x80008082, 0x80008083, 0x80008084, 0x80008085, 0x80008087, 0x80008088, 0x80008089,
                   0x8000808A, 0x8000808B, 0x8000808C, 0x8000808E, 0x80008092, 0x80008093, 0x80008094, 0x80008095,
                   0x80008096, 0x80008097, 0x80008098, 0x8000809A, 0x8000809B, 0x8000809C, 0x8000809D, 0x8000809F,
                   0x800080A0, 0x800080A1, 0x800080A2, 0x800080A3, 0x800080A4, 0x800080A5, 0x800080A6, 0x800080A7]


def test_the_table_holds_exactly_the_headers_codes():
    assert sorted(FAILURE_CODES) == HEADER_FAILURES
    assert sorted(SUCCESS_CODES) == [0, 1, 2]


def test_a_missing_dotnet_10_says_so_and_how_to_install_it():
    text = describe(0x80008096)
    assert ".NET 10 is missing" in text and "install the .NET 10 runtime" in text and "(0x80008096)" in text


@pytest.mark.parametrize("code, words", [
    (0x80008083, "hostpolicy) is missing"),  # was mislabelled as "the .NET runtime version ... is not installed"
    (0x8000808C, "a file listed in its .deps.json is missing"),  # was "could not read the runtimeconfig.json"
    (0x80008081, "invalid argument"),  # was "failed to load a component"
    (0x800080A5, "incompatible with the core's is already running"),
])
def test_codes_are_described_by_what_they_mean(code, words):
    assert words in describe(code)


def test_a_negative_int32_from_ctypes_is_the_same_code():
    assert describe(0x80008096 - (1 << 32)) == describe(0x80008096)


def test_an_unknown_code_is_shown_in_hex():
    assert describe(0x80008099) == "an unknown .NET host error (0x80008099)"


@pytest.mark.parametrize("code, succeeded", [(0, True), (1, True), (2, True), (0x80008096, False),
                                             (0x80008096 - (1 << 32), False)])
def test_success_is_a_non_negative_status(code, succeeded):
    assert is_success(code) is succeeded
