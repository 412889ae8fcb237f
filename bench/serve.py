"""A static file server on loopback that gzips text, as a production host does."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from tests.browser import QuietHandler

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class GzipHandler(QuietHandler):
    """Serves files; text is sent gzip-encoded when the client accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if (
            path.suffix not in COMPRESSIBLE
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)
