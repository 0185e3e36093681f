"""Job Tracker's Python side: the shim between A1111 (ASGI, callbacks) and the .NET core.

Importing this package has no side effects; `lifecycle.on_app_started` does the work.
"""
