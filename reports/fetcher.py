"""The only door between WeasyPrint and the outside world, and it barely opens.

The scorecard shows text and pictures that an audited site produced. Even though every piece of page
text is escaped, WeasyPrint is given this fetcher so that a resource reference that slipped through
still cannot reach the network or read files elsewhere on the machine: it serves `data:` URLs and
files inside the run folder and the package's own static folder, and refuses everything else.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_DIR = Path(__file__).with_name("static")


class RefusedResource(ValueError):
    """A resource outside what the scorecard may load."""


class RunFolderFetcher(URLFetcher):
    """A WeasyPrint URL fetcher confined to `data:` URLs and files under the given folders."""

    def __init__(self, *folders: Path):
        super().__init__(timeout=5, allowed_protocols={"file", "data"}, allow_redirects=False)
        self.folders = tuple(Path(f).resolve() for f in (*folders, STATIC_DIR))
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        """Serve `url` if it is a data URL or a file inside the allowed folders; raise otherwise."""
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            self.served.append(url[:40])
            return super().fetch(url, headers)
        path = self.local_file(url) if scheme == "file" else None
        if path is None:
            self.refused.append(url)
            raise RefusedResource(f"the scorecard loads nothing from outside the run folder: {url[:200]}")
        self.served.append(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})

    def local_file(self, url: str) -> Path | None:
        """The file a `file:` URL names, if it exists inside an allowed folder (symlinks resolved)."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        try:
            path = Path(url2pathname(unquote(parts.path))).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        if not path.is_file():
            return None
        return path if any(path.is_relative_to(folder) for folder in self.folders) else None
