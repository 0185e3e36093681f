"""A test extension loaded after Job Tracker: it adds a middleware in its own on_app_started, as
extensions such as auto-sd-paint-ext do, and stamps every response it sees."""
from modules import script_callbacks

STAMP = "x-late-middleware"


class LateMiddleware:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def stamped(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (STAMP.encode(), b"1")]}
            await send(message)

        await self.app(scope, receive, stamped)


def on_app_started(demo, app):
    app.add_middleware(LateMiddleware)
    print("[late-middleware] added", flush=True)


script_callbacks.on_app_started(on_app_started)
