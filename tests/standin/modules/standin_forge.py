"""What Forge's UI mode adds on top of A1111 (Forge main @ dfdcbab6, gradio 4.40.0)."""
import asyncio

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, StreamingResponse

SSE_PATH = "/standin/sse"
SSE_EVENTS = 4
SSE_INTERVAL_SECONDS = 0.5


def handle_exception(request: Request, e: Exception):
    """Forge webui.py:30-38, the app's Exception handler (:53 and :116): A1111's shape, but "message"
    where A1111 says "errors". Forge's Api never installs A1111's error middleware (api.py:210)."""
    error_information = vars(e)
    content = {
        "error": type(e).__name__,
        "detail": error_information.get("detail", ""),
        "body": error_information.get("body", ""),
        "message": str(e),
    }
    return JSONResponse(status_code=int(error_information.get("status_code", 500)), content=jsonable_encoder(content))


def add_sse_route(app):
    """A server-sent-events stream like gradio 4.40's queue and heartbeat routes (gradio routes.py:640-706,
    862-960: a StreamingResponse of "text/event-stream"): one event every SSE_INTERVAL_SECONDS."""
    async def events():
        for number in range(SSE_EVENTS):
            if number:
                await asyncio.sleep(SSE_INTERVAL_SECONDS)
            yield f"event: heartbeat\ndata: {{\"n\": {number}}}\n\n"

    async def sse():
        return StreamingResponse(events(), media_type="text/event-stream")

    app.add_api_route(SSE_PATH, sse, methods=["GET"], include_in_schema=False)
