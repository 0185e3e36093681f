"""The original extension's jobs.json is imported: its images stay retrievable, purge never deletes them."""
import base64
import io
import json
import shutil
import time
import uuid
from pathlib import Path

from PIL import Image

from api_client import get_job, list_jobs
from support.standin_server import STANDIN_ROOT

DAY = 24 * 3600


def _png(color) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, format="PNG")
    return buffer.getvalue()


def test_original_jobs_are_served_then_purged_without_touching_their_files(tracker, tmp_path):
    # A1111 saved into outputs/... relative to its own folder (the stand-in's root here); the original
    # extension recorded those paths as they were, relative or absolute.
    relative_dir = Path("outputs") / f"job-tracker-test-{uuid.uuid4().hex}"
    (STANDIN_ROOT / relative_dir).mkdir(parents=True)
    try:
        relative_image = relative_dir / "00001-1234.png"
        (STANDIN_ROOT / relative_image).write_bytes(_png("red"))
        absolute_image = tmp_path / "elsewhere" / "00002-5678.png"
        absolute_image.parent.mkdir()
        absolute_image.write_bytes(_png("blue"))
        old = int(time.time() - 10 * DAY)
        original = [
            {"id": "Leg4cy01", "prompt": "old red", "ip": "192.168.1.100", "timestamp": old, "status": "Completed",
             "output_paths": [str(relative_image), str(absolute_image)]},
            {"id": "Leg4cy02", "prompt": "old failure", "ip": "192.168.1.101", "timestamp": old + 1,
             "status": "Failed", "output_paths": []},
        ]
        data_dir = tmp_path / "data"
        data_dir.mkdir()
        original_text = json.dumps(original, indent=2)
        (data_dir / "jobs.json").write_text(original_text)

        server = tracker(data_dir=data_dir, env={"TRACKER_RETENTION": "0"})
        job = get_job(server.base_url, "Leg4cy01").json()
        assert job["status"] == "Completed"
        assert [base64.b64decode(i) for i in job["images"]] == [_png("red"), _png("blue")]
        assert job["image_count"] == 2
        listed = list_jobs(server.base_url, ip="192.168.1.101").json()
        assert [j["id"] for j in listed] == ["Leg4cy02"]
        assert "output_paths" not in json.dumps(listed) and str(absolute_image) not in json.dumps(listed)
        assert (data_dir / "jobs.json.original").read_text() == original_text
        server.stop()

        purging = tracker(data_dir=data_dir, env={"TRACKER_RETENTION": "1"})
        assert get_job(purging.base_url, "Leg4cy01").status_code == 404
        assert get_job(purging.base_url, "Leg4cy02").status_code == 404
        assert (STANDIN_ROOT / relative_image).read_bytes() == _png("red")
        assert absolute_image.read_bytes() == _png("blue")
        assert "purged 2 job(s)" in purging.log_text()
        purging.assert_no_tracker_errors()
    finally:
        shutil.rmtree(STANDIN_ROOT / relative_dir)
        if not any((STANDIN_ROOT / "outputs").iterdir()):
            (STANDIN_ROOT / "outputs").rmdir()
