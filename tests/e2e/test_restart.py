"""kill -9 loses nothing: every job answered before the crash is there after a restart."""
from api_client import decoded, get_job, payload, txt2img


def test_twenty_jobs_survive_kill_9(tracker):
    data_dir = None
    server = tracker()
    data_dir = server.data_dir
    answered = {}
    for n in range(20):
        response = txt2img(server.base_url, payload(f"survivor {n}", seed=n, batch_size=1 + n % 2))
        answered[response.headers["x-job-id"]] = decoded(response.json()["images"])
    server.kill9()

    restarted = tracker(data_dir=data_dir)
    for job_id, images in answered.items():
        job = get_job(restarted.base_url, job_id).json()
        assert job["status"] == "Completed"
        assert decoded(job["images"]) == images
