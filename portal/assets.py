"""Static files for phones on little data: fingerprinted URLs cached for a year, and CSS and
JavaScript compressed (brotli or gzip).

HTML is deliberately not compressed: pages carry the CSRF token next to text an attacker can
put in the URL, which is what a BREACH attack needs. A page is a few kilobytes anyway.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache

from flask import Flask, Response, current_app, url_for
from flask_compress import Compress

compress = Compress()



@lru_cache(maxsize=64)
def _fingerprint(path: str, modified: float) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    """The URL of a static file, with its content's fingerprint so a change is fetched anew."""
    path = os.path.join(current_app.static_folder or "", filename)
    return url_for("static", filename=filename, v=_fingerprint(path, os.path.getmtime(path)))


def _read_and_close_static_file(response: Response) -> Response:
    """Flask-Compress swaps a file response's body without closing the file: read it here,
    close it, and hand Flask-Compress the bytes."""
    compressible = response.mimetype in current_app.config["COMPRESS_MIMETYPES"]
    if response.direct_passthrough and compressible:
        response.direct_passthrough = False
        data = response.get_data()
        response.close()
        response.set_data(data)
    return response


def init_app(app: Flask) -> None:
    compress.init_app(app)
    # Registered after Flask-Compress's own hook, so it runs before it.
    app.after_request(_read_and_close_static_file)
    app.add_template_global(asset_url)
