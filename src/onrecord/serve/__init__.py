"""Serve: the HTTP API and the web page over a corpus database (``onrecord serve``).

``create_app(db_path)`` builds the FastAPI app; ``serve(db_path, host, port)`` runs it with
uvicorn. The page is static (one HTML, one JS module, one CSS file) and talks to the API.
"""

from __future__ import annotations

from onrecord.serve.app import create_app, serve

__all__ = ["create_app", "serve"]
