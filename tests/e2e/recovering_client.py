"""Generate through A1111 + Job Tracker so that a dropped connection loses nothing (standard library only)."""
import json
import secrets
import string
import time
import urllib.error
import urllib.request


def new_job_id() -> str:
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(8))


def call(url, body=None, headers=None, timeout=30):
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:  # 4xx/5xx: still headers and a JSON body
        return error.code, error.headers, error.read()


def generate(base_url, payload, attempts=5, give_up_after=3600):
    """Submit once (a retry with the same X-Job-ID never generates twice), poll, download the images."""
    job_id = new_job_id()
    headers = {"Content-Type": "application/json", "Prefer": "respond-async", "X-Job-ID": job_id}
    for attempt in range(attempts):
        try:
            status, _, body = call(f"{base_url}/sdapi/v1/txt2img", json.dumps(payload).encode(), headers)
        except OSError:  # the connection dropped: send the very same request again
            time.sleep(2 ** attempt)
            continue
        if status in (200, 202, 409):  # accepted, already finished, or still running
            break
        raise RuntimeError(f"the WebUI refused the request: {status} {body[:300]!r}")
    else:
        raise RuntimeError("the WebUI could not be reached")

    deadline = time.monotonic() + give_up_after
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError(f"job {job_id} did not finish within {give_up_after} s")
        try:
            status, reply_headers, body = call(f"{base_url}/sdapi/v1/job/{job_id}?images=false")
        except OSError:
            status, reply_headers = None, {}
        if status == 200:
            job = json.loads(body)
            if job["status"] in ("Completed", "Failed"):
                break
        time.sleep(float(reply_headers.get("Retry-After", 2)))

    images = [call(base_url + url)[2] for url in job["image_urls"]]
    return job, images


if __name__ == "__main__":
    job, images = generate("http://127.0.0.1:7861", {"prompt": "a lighthouse at dusk", "steps": 20})
    print(job["id"], job["status"], job["error"] or "", [len(image) for image in images])
