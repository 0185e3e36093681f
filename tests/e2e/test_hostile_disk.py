"""A full disk, then a read-only data folder: generation goes on, each problem is logged once, jobs carry
the error, and tracking recovers by itself (journal and image files) once the disk takes writes again.

Needs a small filesystem of its own: a size-limited tmpfs mounted by the test (root only, as in CI).
"""
import base64
import os
import subprocess
from pathlib import Path

import pytest

from api_client import get_job, payload, txt2img

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a size-limited tmpfs needs root (CI runs as root)")


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); the full-disk test needs one")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass  # ENOSPC: the disk is full, which is the point
    return filler


def _make_read_only(folder: Path) -> None:
    # A read-only view over the folder: every new open fails with EROFS (the journal, already open, goes on).
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)


def _generate(server, prompt):
    response = txt2img(server.base_url, payload(prompt, batch_size=2))
    assert response.status_code == 200
    body = response.json()
    assert len(body["images"]) == 2 and "error" not in body, "the client always gets its images"
    return response.headers["x-job-id"], [base64.b64decode(i) for i in body["images"]]


def test_full_then_read_only_disk_is_logged_once_and_recovers(tracker, small_disk):
    data_dir = small_disk / "data"
    server = tracker(data_dir=data_dir)
    before, _ = _generate(server, "before")

    filler = _fill(small_disk)
    # Prompts of a few KB: the journal's lines must outgrow the free end of its last page of the full tmpfs.
    full = [_generate(server, f"disk full {n} " + "x" * 4096)[0] for n in range(4)]
    for job_id in full:
        job = get_job(server.base_url, job_id).json()
        assert job["status"] == "Failed" and job["error"] == "tracker could not store the images: the disk is full", job
    log = server.log_text()
    assert log.count("cannot write images") == 1, log
    assert log.count("cannot append to") == 1, log

    filler.unlink()
    after_full, images = _generate(server, "space is back")
    job = get_job(server.base_url, after_full).json()
    assert job["status"] == "Completed" and [base64.b64decode(i) for i in job["images"]] == images
    log = server.log_text()
    assert "job journal works again" in log and "storing images" in log and "works again" in log

    _make_read_only(data_dir)
    try:
        read_only = [_generate(server, f"read-only {n}")[0] for n in range(3)]
        job = get_job(server.base_url, read_only[0]).json()
        assert job["status"] == "Failed" and "read-only" in job["error"] and str(data_dir) not in job["error"], job
        assert server.log_text().count("cannot write images") == 2, server.log_text()
    finally:
        subprocess.run(["umount", str(data_dir)], check=True)
    after_ro, images = _generate(server, "writable again")

    # Nothing lived only in memory any more: a crash now loses none of the jobs above.
    server.kill9()
    restarted = tracker(data_dir=data_dir)
    for job_id in [before, *full, after_full, *read_only]:
        job = get_job(restarted.base_url, job_id, params={"images": "false"}).json()
        assert job["status"] == ("Failed" if job_id in full or job_id in read_only else "Completed"), job
    job = get_job(restarted.base_url, after_ro).json()
    assert job["status"] == "Completed" and [base64.b64decode(i) for i in job["images"]] == images
