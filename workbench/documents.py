"""Reading drafts from disk or standard input, with a clear error for anything that is not a draft."""

from __future__ import annotations

import codecs
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024  # a draft is never this big; refuse before reading it all into memory

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


class DocumentError(ValueError):
    """A draft that cannot be read; the message names the file and says why, in one line."""


class NotUtf8Error(DocumentError):
    """Text in some encoding other than UTF-8: the app may still read it as an older Windows encoding."""


def first_line_title(text: str, limit: int) -> str:
    """A draft's title from its first non-blank line, cut at a word boundary with an ellipsis when too long,
    so a list of drafts never shows half a word."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) <= limit:
        return line
    head = line[:limit]  # the ellipsis takes the place of the space (or last letter) the cut removes
    cut = head.rsplit(" ", 1)[0] if " " in head else head[:-1]
    return cut.rstrip(" ,;:-–—") + "…"


@dataclass(frozen=True)
class Document:
    name: str  # the path as given, or "-" for standard input
    text: str


def _looks_like_utf16(data: bytes) -> bool:
    """Text in UTF-16 has a zero byte beside nearly every ASCII letter, on one side."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    return len(sample) >= 4 and (even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd))


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (or UTF-16/32 with a byte-order mark) to text; anything else is refused, never guessed."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise NotUtf8Error(
            f"{name}: this file is not text saved as UTF-8 (byte {error.start} cannot be read). Save it as UTF-8 "
            "text, a Word (.docx) or a web page (.html), then try again."
        ) from None
    if "\x00" in text:
        if _looks_like_utf16(data):
            raise DocumentError(f"{name}: looks like UTF-16 text without a byte-order mark; save it as UTF-8")
        raise DocumentError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise DocumentError(f"{name}: the draft is empty")
    return text


UPLOAD_TYPES = ("txt", "md", "docx", "html", "htm")


def _docx_text(name: str, data: bytes) -> str:
    """Paragraphs and tables in the order they stand in the document; a table row is one line, cells apart."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DocumentError(f"{name}: not a readable Word (.docx) file ({error.__class__.__name__})") from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(" | ".join(dict.fromkeys(cell.text.strip() for cell in row.cells)) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _html_text(name: str, data: bytes) -> str:
    """The article as a reader sees it (trafilatura's main text, tables kept), without navigation, footer or
    scripts; a page too short for that is read whole."""
    import lxml.html
    import trafilatura

    text = decode_text(name, data)
    main = trafilatura.extract(text, include_tables=True, include_comments=False, include_images=False)
    if main and main.strip():
        return main
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as error:
        raise DocumentError(f"{name}: not readable HTML ({error})") from None
    for hidden in root.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    for block in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//h5|//h6|//tr|//blockquote|//section"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def document_text(name: str, data: bytes) -> str:
    """The text of a draft file: Word and HTML by their extension, anything else read as plain text."""
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else "txt"
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: larger than {MAX_BYTES // 2**20} MB, not a draft")
    text = {"docx": _docx_text, "html": _html_text, "htm": _html_text}.get(kind, decode_text)(name, data)
    if not text.strip():
        raise DocumentError(f"{name}: the draft is empty")
    return text


@dataclass(frozen=True)
class Upload:
    text: str
    notice: str | None = None  # what the reader should know about how the file was read


def read_upload(name: str, data: bytes) -> Upload:
    """A draft uploaded in the app: as document_text, except that text which is not UTF-8 is read as Windows-1252
    (what older Windows editors save), with a notice, instead of being refused."""
    try:
        return Upload(document_text(name, data))
    except DocumentError as error:
        if not isinstance(error, NotUtf8Error):
            raise
        try:
            legacy = data.decode("cp1252")
        except UnicodeDecodeError:
            raise error from None
    return Upload(document_text(name, legacy.encode("utf-8")),
                  f"{name} is not UTF-8: it was read as Windows-1252. Check that accented letters and quotation "
                  "marks look right.")


def read_document(name: str) -> Document:
    """The draft at `name` ("-" is standard input)."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(name)
        try:
            if path.is_dir():
                raise DocumentError(f"{name}: is a folder, not a file")
            if path.stat().st_size > MAX_BYTES:
                raise DocumentError(f"{name}: larger than {MAX_BYTES // 2**20} MB, not a draft")
            data = path.read_bytes()
        except FileNotFoundError:
            raise DocumentError(f"{name}: no such file") from None
        except PermissionError:
            raise DocumentError(f"{name}: permission denied") from None
        except OSError as error:
            raise DocumentError(f"{name}: cannot be read ({error.strerror or error})") from None
    return Document(name, document_text(name, data))
