"""Drive the stand-in's recorded gradio UI over HTTP, as Gradio's front end would.

    ui = GradioStandin(webui.base_url, auth=("user", "pass"))   # auth only with --gradio-auth
    ui.load()                                                    # what opening the page runs
    result = ui.run("jt_refresh", inputs=["failed"])             # {"outputs", "error", "events"}
    ui.component("jt_jobs")["value"]["data"]
    assert ui.config()["portability_warnings"] == []
"""
import httpx


class GradioEventFailed(AssertionError):
    """The stand-in answered with an error status: 500 (the handler crashed) or 400 (bad request)."""

    def __init__(self, response):
        self.status_code = response.status_code
        try:
            self.body = response.json()
        except ValueError:
            self.body = response.text
        details = self.body
        if isinstance(self.body, dict) and self.body.get("traceback"):
            details = self.body["traceback"]
        super().__init__(f"HTTP {self.status_code}: {details}")


class GradioStandin:
    def __init__(self, base_url, auth=None, timeout=30.0):
        self._http = httpx.Client(base_url=base_url, auth=auth, timeout=timeout, trust_env=False)

    def _checked(self, response):
        if response.status_code != 200:
            raise GradioEventFailed(response)
        return response.json()

    def config(self) -> dict:
        """The component tree, the dependencies, "portability_warnings" and "value_errors"."""
        return self._checked(self._http.get("/standin/gradio/config"))

    def component(self, elem_id) -> dict:
        """The config entry of the one component with this elem_id (value, props, visible...)."""
        matches = [c for c in self.config()["components"] if c["elem_id"] == elem_id]
        if len(matches) != 1:
            raise KeyError(f"{len(matches)} components with elem_id {elem_id!r}")
        return matches[0]

    def run(self, trigger, event="click", inputs=None, event_data=None) -> dict:
        """Trigger `event` on the component (elem_id or id); inputs default to the current values."""
        body = {"trigger": trigger, "event": event}
        if inputs is not None:
            body["inputs"] = list(inputs)
        if event_data is not None:
            body["event_data"] = event_data
        return self._checked(self._http.post("/standin/gradio/run", json=body))

    def load(self) -> dict:
        """Run every page-load event; {"events": [...]}."""
        return self._checked(self._http.post("/standin/gradio/load"))

    def close(self):
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
