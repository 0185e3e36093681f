"""The tracker's three routes are listed in the WebUI's /docs (its /openapi.json) under "Job Tracker", each with
the schema of its answer (job, job list, image, errors) -- and real answers fit those schemas."""
import httpx
import pytest

from api_client import get_job, list_jobs, payload, txt2img, wait_for_status

ROUTES = {"/sdapi/v1/job/{job_id}": "Job", "/sdapi/v1/jobs": "JobList", "/sdapi/v1/job/{job_id}/images/{index}": None}
JSON_TYPES = {"string": str, "integer": int, "number": (int, float), "array": list, "object": dict, "boolean": bool}


def fits(value, schema: dict, where: str = "$") -> list[str]:
    """What in value breaks schema (the few JSON-schema words the tracker's schemas use); [] when it fits."""
    if value is None:
        return [] if schema.get("nullable") or "type" not in schema else [f"{where} is null"]
    expected = schema.get("type")
    if expected and (not isinstance(value, JSON_TYPES[expected]) or (expected != "boolean" and isinstance(value, bool))):
        return [f"{where} is {type(value).__name__}, not {expected}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where} = {value!r} is not one of {schema['enum']}"]
    problems = []
    if expected == "object" and "properties" in schema:
        problems += [f"{where}.{name} is missing" for name in schema.get("required", []) if name not in value]
        problems += [f"{where}.{name} is not in the schema" for name in value if name not in schema["properties"]]
        for name, item in value.items():
            if name in schema["properties"]:
                problems += fits(item, schema["properties"][name], f"{where}.{name}")
    if expected == "array" and "items" in schema:
        for index, item in enumerate(value):
            problems += fits(item, schema["items"], f"{where}[{index}]")
    return problems


def schema(spec, path: str, status: str = "200") -> dict:
    return spec["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]


@pytest.mark.parametrize("nowebui", [True, False], ids=["nowebui", "ui"])
def test_the_three_routes_are_documented_and_real_answers_fit(tracker, nowebui):
    server = tracker(nowebui=nowebui)
    spec = httpx.get(server.base_url + "/openapi.json", timeout=30).json()
    for path, title in ROUTES.items():
        operation = spec["paths"][path]["get"]
        assert operation["tags"] == ["Job Tracker"]
        assert {"200", "401", "404"} <= set(operation["responses"])
        assert schema(spec, path, "404")["title"] == "TrackerError"
        if title is not None:
            assert schema(spec, path)["title"] == title
    image = spec["paths"]["/sdapi/v1/job/{job_id}/images/{index}"]["get"]["responses"]["200"]["content"]
    assert {"image/png", "image/jpeg", "image/webp"} <= set(image)

    job_id = txt2img(server.base_url, payload("a documented harbour")).headers["x-job-id"]
    wait_for_status(server.base_url, job_id, {"Completed"})
    job = get_job(server.base_url, job_id).json()
    listed = list_jobs(server.base_url, limit=5).json()
    missing = get_job(server.base_url, "Zz9Zz9Zz")
    assert job["image_urls"] and listed and missing.status_code == 404
    assert fits(job, schema(spec, "/sdapi/v1/job/{job_id}")) == []
    assert fits(listed, schema(spec, "/sdapi/v1/jobs")) == []
    assert fits(missing.json(), schema(spec, "/sdapi/v1/job/{job_id}", "404")) == []
    # The checker itself sees a field the schema does not have.
    assert fits({**job, "surprise": 1}, schema(spec, "/sdapi/v1/job/{job_id}")) == ["$.surprise is not in the schema"]
