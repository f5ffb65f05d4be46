"""The text a reader sees in a PDF, read back with pypdf (the fonts' ligatures spelled out)."""
import io

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return text.replace("\ufb01", "fi").replace("\ufb02", "fl")
