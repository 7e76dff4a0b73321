#!/usr/bin/env python3
"""Serialized moto server launcher for local development and tests.

moto's backends are not concurrency-safe: conditional writes race and a
cancelled DynamoDB transaction can roll back writes made by other threads in
the meantime.  The stock ``moto_server`` serves requests on many threads at
once, which makes concurrency tests against it flaky or outright wrong.

This launcher builds moto's WSGI application exactly as ``moto.server`` does
(``DomainDispatcherApplication(create_backend_app)``), wraps it in a
middleware that holds one global lock for the complete request (including
producing/consuming the response body), and serves it with werkzeug's
threaded server.  Connections are still accepted concurrently, but moto only
ever processes one request at a time -- which is what real AWS's per-item
atomicity looks like to a client.

All of moto's routes keep working (``/moto-api/reset``, the Cognito JWKS at
``/<userPoolId>/.well-known/jwks.json``, ...).

Usage: python moto_server.py [--host 127.0.0.1] [--port 5055]
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import signal
import sys
import threading
from typing import Any, Callable, Iterable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import signup_codes  # noqa: E402  (next to this file)

DEFAULT_PORT = 5055

# Read request bodies up to this size before taking the lock, so that a slow
# client cannot stall every other request while it is still uploading.
_MAX_PREREAD = 64 * 1024 * 1024


class SerializingMiddleware:
    """WSGI middleware running every request under one global lock."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.lock = threading.Lock()

    @staticmethod
    def _preread_body(environ: dict[str, Any]) -> None:
        stream = environ.get("wsgi.input")
        if stream is None:
            return
        length_header = environ.get("CONTENT_LENGTH") or ""
        try:
            length = int(length_header) if length_header else None
        except ValueError:
            return
        if length is not None:
            if length <= 0 or length > _MAX_PREREAD:
                return
            data = stream.read(length)
        elif environ.get("wsgi.input_terminated"):
            # chunked transfer encoding: werkzeug gives us a terminated stream
            data = stream.read()
            environ["CONTENT_LENGTH"] = str(len(data))
        else:
            return
        environ["wsgi.input"] = io.BytesIO(data)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        self._preread_body(environ)
        with self.lock:
            local = signup_codes.control(environ, start_response)
            if local is not None:
                return list(local)
            result = self.app(environ, start_response)
            try:
                # Materialise the whole body while still holding the lock:
                # moto may generate the body lazily from live backend state.
                body = [chunk for chunk in result]
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
        return body


def build_app() -> SerializingMiddleware:
    # Same construction as moto.server.main()
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    # Same transaction semantics without moto's whole-table deepcopy per transaction (see the module).
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import fast_transactions

    fast_transactions.install()
    # Sign-up codes generated, printed, checked and expiring as in Cognito (see the module).
    signup_codes.install()

    main_app = DomainDispatcherApplication(create_backend_app)
    main_app.debug = True  # type: ignore[attr-defined]
    return SerializingMiddleware(main_app)


def _configure_logging() -> None:
    logging.basicConfig(
        level=logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # werkzeug logs one INFO line per request; moto and botocore can be chatty too.
    for name in ("werkzeug", "moto", "botocore", "boto3", "urllib3", "flask_cors"):
        logging.getLogger(name).setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serialized moto server")
    parser.add_argument("-H", "--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    parser.add_argument(
        "-p", "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    args = parser.parse_args(argv)

    # moto uses MOTO_PORT when it builds URLs pointing back at itself.
    os.environ["MOTO_PORT"] = str(args.port)

    _configure_logging()

    from moto.moto_server.werkzeug_app import MotoRequestHandler
    from werkzeug.serving import make_server

    app = build_app()
    server = make_server(
        args.host,
        args.port,
        app,
        threaded=True,
        request_handler=MotoRequestHandler,
    )
    server.daemon_threads = True

    def _stop(signum: int, _frame: Any) -> None:
        # shutdown() waits for serve_forever() to return, so it must run on another thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    print(
        f"moto (serialized) listening on http://{args.host}:{args.port} pid={os.getpid()}",
        flush=True,
    )
    try:
        server.serve_forever()
    except (SystemExit, KeyboardInterrupt):
        pass
    finally:
        server.server_close()
        print("moto stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
