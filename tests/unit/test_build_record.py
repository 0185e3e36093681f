"""The build stamp: what the core was built for, and the product version read from Python.Runtime.dll itself."""
from sd_job_tracker import build_record
from sd_job_tracker.assembly_version import product_version


def test_a_record_round_trips(tmp_path):
    record = build_record.BuildRecord("3.1.0", "3.10", "/opt/homebrew/Cellar/dotnet/10.0.1/libexec")
    build_record.write(tmp_path / "build.stamp", record)
    assert build_record.read(tmp_path / "build.stamp") == record


def test_an_older_plain_text_stamp_or_none_reads_as_none(tmp_path):
    (tmp_path / "build.stamp").write_text("built from the sources in dotnet/\n")
    assert build_record.read(tmp_path / "build.stamp") is None
    assert build_record.read(tmp_path / "missing.stamp") is None


def test_python_tag_is_major_dot_minor():
    assert build_record.python_tag((3, 10, 13, "final", 0)) == "3.10"


def version_resource(key: str, value: str) -> bytes:
    """A StringFileInfo String entry as the SDK writes it: header, UTF-16 key, padding, UTF-16 value."""
    entry = b"\x5c\x00\x0c\x00\x01\x00" + (key + "\0").encode("utf-16-le")
    entry += b"\0" * (-len(entry) % 4)
    return entry + (value + "\0").encode("utf-16-le")


def test_the_product_version_is_read_without_build_metadata(tmp_path):
    dll = tmp_path / "Python.Runtime.dll"
    dll.write_bytes(b"MZ" + b"\x90" * 301 + version_resource("FileVersion", "3.1.0.0")
                    + version_resource("ProductVersion", "3.1.0+5f7ef5e2fd0b3b5c9fb4b6c0c0b8e9f6cb1f1a6b")
                    + version_resource("Assembly Version", "3.1.0.0"))
    assert product_version(dll) == "3.1.0"


def test_a_file_without_a_version_resource_has_none(tmp_path):
    dll = tmp_path / "plain.dll"
    dll.write_bytes(b"MZ" + b"\0" * 64)
    assert product_version(dll) is None
