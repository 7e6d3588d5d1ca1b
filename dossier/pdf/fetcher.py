"""A WeasyPrint URL fetcher that reads only local files under allowed folders and never the network."""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

# Where Debian and local installs keep fonts, in case a stylesheet names a font file by url().
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


class LocalOnlyFetcher(URLFetcher):
    """Serve `file:` URLs inside `roots`; refuse everything else.

    Dossier text is untrusted. It is escaped before it reaches the HTML, so it should never
    make WeasyPrint fetch anything; this fetcher is the second wall if escaping ever fails:
    no http(s), no data:, no file outside the print template and font folders.
    """

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"file"})
        self.roots = tuple(Path(root).resolve() for root in roots)

    def allows(self, url: str) -> Path | None:
        """The local path `url` names if it may be read, else None."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            return None
        return path if path.is_file() else None

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self.allows(url)
        if path is None:
            # WeasyPrint logs this and renders without the resource.
            raise ValueError(f"refused to fetch {url[:200]!r}: only local template and font files")
        # WeasyPrint ignores a stylesheet not served as text/css, so say what each file is.
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": kind}
        )
