"""The data folder is private and never followed out of: modes 0700/0600, no symbolic link written through or served,
and a job whose images could not be stored says why in words, never with a server path."""
import base64
import os
import shutil
import stat
import sys

import pytest

from api_client import get_job, list_jobs, payload, txt2img

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix modes and symbolic links")

OWN_ID = "Link0Tmp"


def _mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_data_folder_is_created_private_and_files_are_0600(tracker, tmp_path):
    data_dir = tmp_path / "fresh" / "data"
    server = tracker(data_dir=data_dir)
    job_id = txt2img(server.base_url, payload("private")).headers["x-job-id"]
    server.get("/sdapi/v1/jobs")  # the journal and the files are written before the answer leaves

    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "output") == 0o700
    files = [data_dir / "jobs.journal", *sorted((data_dir / "output").glob(f"{job_id}-*"))]
    assert len(files) >= 4, files  # journal, image, info, stored answer
    assert {path.name: _mode(path) for path in files} == {path.name: 0o600 for path in files}

    server.stop()  # a clean stop writes jobs.json
    assert _mode(data_dir / "jobs.json") == 0o600


def test_an_existing_folder_keeps_the_mode_its_owner_gave_it(tracker, tmp_path):
    data_dir = tmp_path / "shared"
    data_dir.mkdir()
    os.chmod(data_dir, 0o750)
    server = tracker(data_dir=data_dir)
    job_id = txt2img(server.base_url, payload("kept")).headers["x-job-id"]
    assert _mode(data_dir) == 0o750
    assert _mode(next((data_dir / "output").glob(f"{job_id}-0.*"))) == 0o600


def test_a_stale_temporary_link_is_replaced_not_written_through(tracker, tmp_path):
    data_dir = tmp_path / "data"
    server = tracker(data_dir=data_dir)
    victim = tmp_path / "victim.txt"
    victim.write_text("must stay")
    output = data_dir / "output"
    for name in (f"{OWN_ID}-0.png.tmp", f"{OWN_ID}-info.json.tmp", f"{OWN_ID}-reply.bin.tmp"):
        os.symlink(victim, output / name)

    response = txt2img(server.base_url, payload("through a link?"), headers={"X-Job-ID": OWN_ID})
    assert response.status_code == 200
    assert victim.read_text() == "must stay"
    job = get_job(server.base_url, OWN_ID).json()
    assert job["status"] == "Completed", job
    assert base64.b64decode(job["images"][0]) == base64.b64decode(response.json()["images"][0])
    image = output / f"{OWN_ID}-0.png"
    assert stat.S_ISREG(os.lstat(image).st_mode)


def test_an_image_replaced_by_a_link_is_never_served(tracker, tmp_path):
    data_dir = tmp_path / "data"
    server = tracker(data_dir=data_dir)
    job_id = txt2img(server.base_url, payload("to be swapped", batch_size=2)).headers["x-job-id"]
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n outside the data folder")
    output = data_dir / "output"
    for name in (f"{job_id}-0.png", f"{job_id}-info.json"):
        (output / name).unlink()
        os.symlink(secret, output / name)

    by_url = server.get(f"/sdapi/v1/job/{job_id}/images/0")
    assert by_url.status_code == 404 and by_url.json()["error"] == "NotFound"
    job = get_job(server.base_url, job_id).json()
    assert len(job["images"]) == 1, "only the regular file is served"
    assert base64.b64encode(secret.read_bytes()).decode() not in job["images"]
    assert job["info"] is None
    assert server.get(f"/sdapi/v1/job/{job_id}/images/1").status_code == 200


def test_a_storage_error_says_what_failed_without_a_path(tracker, tmp_path):
    data_dir = tmp_path / "data"
    server = tracker(data_dir=data_dir)
    shutil.rmtree(data_dir / "output")
    (data_dir / "output").write_text("a file where the folder was")

    response = txt2img(server.base_url, payload("nowhere to go"))
    assert response.status_code == 200 and len(response.json()["images"]) == 1, "the client still gets its images"
    job_id = response.headers["x-job-id"]
    job = get_job(server.base_url, job_id).json()
    listed = next(j for j in list_jobs(server.base_url).json() if j["id"] == job_id)
    for error in (job["error"], listed["error"]):
        assert error.startswith("tracker could not store the images: "), error
        assert str(tmp_path) not in error and "/" not in error and "output" not in error, error
    assert str(data_dir / "output") in server.log_text(), "the log keeps the path"
