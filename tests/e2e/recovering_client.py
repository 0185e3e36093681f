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


def generate(base_url, payload, attempts=5, on_event=None, give_up_after=3600):
    """Submit once (a retry with the same X-Job-ID never generates twice), wait, download the images.

    With on_event (called with each event's name and data), it follows the job's event stream and polls only
    if the stream cannot be used; without, it polls."""
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

    job = follow(base_url, job_id, on_event) if on_event else None
    if job is None:
        job = poll(base_url, job_id, give_up_after)
    images = [call(base_url + url)[2] for url in job["image_urls"]]
    return job, images


def poll(base_url, job_id, give_up_after=3600):
    """Ask for the job as Retry-After says, until it has finished."""
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
                return job
        time.sleep(float(reply_headers.get("Retry-After", 2)))


def follow(base_url, job_id, on_event, attempts=5):
    """Follow GET /sdapi/v1/job/{id}/events to the final event and return its job; after a dropped connection,
    resume from the last event seen (Last-Event-ID). None when the stream cannot be used: then poll."""
    last_id = None
    for attempt in range(attempts):
        headers = {"Accept": "text/event-stream", **({"Last-Event-ID": last_id} if last_id else {})}
        request = urllib.request.Request(f"{base_url}/sdapi/v1/job/{job_id}/events", headers=headers)
        try:
            # Heartbeats come every 15 s by default; no byte for 60 s means the connection is dead.
            with urllib.request.urlopen(request, timeout=60) as response:
                name, data = "message", []
                for raw in response:
                    line = raw.decode("utf-8").rstrip("\r\n")
                    if line.startswith("id: "):
                        last_id = line[4:]
                    elif line.startswith("event: "):
                        name = line[7:]
                    elif line.startswith("data: "):
                        data.append(line[6:])
                    elif not line and data:
                        event = json.loads("\n".join(data))
                        if name in ("completed", "failed"):
                            return event if "status" in event else None
                        on_event(name, event)
                        name, data = "message", []
        except urllib.error.HTTPError:  # e.g. 404 from a tracker without the route: poll instead
            return None
        except OSError:
            pass
        time.sleep(min(2 ** attempt, 10))  # dropped or cut short: carry on from the last event after a pause
    return None


if __name__ == "__main__":
    job, images = generate("http://127.0.0.1:7861", {"prompt": "a lighthouse at dusk", "steps": 20},
                           on_event=lambda name, event: print(name, event.get("queue_position"), event.get("progress")))
    print(job["id"], job["status"], job["error"] or "", [len(image) for image in images])
