"""Concurrent requests never mix their jobs' prompts or images."""
from concurrent.futures import ThreadPoolExecutor

from api_client import decoded, get_job, payload, txt2img


def test_four_concurrent_requests_keep_their_own_images(tracker):
    server = tracker("--standin-step-seconds", "0.02")
    prompts = [f"concurrent prompt {n}" for n in range(4)]

    def generate(prompt):
        return prompt, txt2img(server.base_url, payload(prompt, seed=100, batch_size=2))

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(generate, prompts))

    seen_images = set()
    for prompt, response in results:
        assert response.status_code == 200
        job = get_job(server.base_url, response.headers["x-job-id"]).json()
        assert job["prompt"] == prompt
        assert decoded(job["images"]) == decoded(response.json()["images"])
        seen_images.update(decoded(job["images"]))
    # Same seed, different prompts: every image differs, so no job holds another's.
    assert len(seen_images) == 8
