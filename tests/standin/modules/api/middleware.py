"""A1111's api_middleware(): X-Process-Time, --api-log lines, and the {"error","detail","body","errors"} JSON.

Installed by Api(); exceptions escaping the handlers become that JSON with the exception's
status code (500 when it has none), and all but HTTPExceptions get a traceback on stderr.
"""
import datetime
import time

from fastapi import FastAPI, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import HTTPException
from fastapi.responses import JSONResponse

from modules import errors, shared


def api_middleware(app: FastAPI):
    @app.middleware("http")
    async def log_and_time(req: Request, call_next):
        ts = time.time()
        res: Response = await call_next(req)
        duration = str(round(time.time() - ts, 4))
        res.headers["X-Process-Time"] = duration
        endpoint = req.scope.get("path", "err")
        if shared.cmd_opts.api_log and endpoint.startswith("/sdapi"):
            print("API {t} {code} {prot}/{ver} {method} {endpoint} {cli} {duration}".format(
                t=datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f"),
                code=res.status_code,
                ver=req.scope.get("http_version", "0.0"),
                cli=req.scope.get("client", ("0:0.0.0", 0))[0],
                prot=req.scope.get("scheme", "err"),
                method=req.scope.get("method", "err"),
                endpoint=endpoint,
                duration=duration,
            ), flush=True)
        return res

    def handle_exception(request: Request, e: Exception):
        err = {
            "error": type(e).__name__,
            "detail": vars(e).get("detail", ""),
            "body": vars(e).get("body", ""),
            "errors": str(e),
        }
        if not isinstance(e, HTTPException):  # known HTTPExceptions get no traceback
            errors.report(f"API error: {request.method}: {request.url} {err}", exc_info=True)
        return JSONResponse(status_code=vars(e).get("status_code", 500), content=jsonable_encoder(err))

    @app.middleware("http")
    async def exception_handling(request: Request, call_next):
        try:
            return await call_next(request)
        except Exception as e:
            return handle_exception(request, e)

    @app.exception_handler(Exception)
    async def fastapi_exception_handler(request: Request, e: Exception):
        return handle_exception(request, e)

    @app.exception_handler(HTTPException)
    async def http_exception_handler(request: Request, e: HTTPException):
        return handle_exception(request, e)
