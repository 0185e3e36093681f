"""The WebUI's "Job Tracker" tab, registered through on_ui_tabs (gradio is imported only here, lazily)."""
from .log import log


def on_ui_tabs():
    try:
        from . import tab_layout  # imports gradio, which exists only when the WebUI builds its UI
    except ImportError as error:
        log(f"the Job Tracker tab is not available: {error}")
        return []
    return [(tab_layout.build(), "Job Tracker", "job_tracker")]
