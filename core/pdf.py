"""PDF documents made on the server (to download or attach to an e-mail), in the layout the printed pages
have: the company's header, the title, number and date, facts, a table of lines, notes, signatures.

ReportLab with its built-in Adobe CID font for Chinese (STSong-Light): nothing to install beside the package,
and PDF readers carry the font."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from flask_babel import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
TITLE = ParagraphStyle("title", parent=BODY, fontSize=16, leading=20, alignment=2)
COMPANY = ParagraphStyle("company", parent=BODY, fontSize=13, leading=17)
RIGHT = ParagraphStyle("right", parent=BODY, alignment=2)


@dataclass
class Document:
    company: object                 # core.models.Company
    title: str
    number: str
    date: str                       # as the reader writes dates
    facts: list = field(default_factory=list)        # [(label, value)]
    header: list = field(default_factory=list)       # the table's column titles
    rows: list = field(default_factory=list)         # [[cell text]]
    numeric: set = field(default_factory=set)        # indexes of right-aligned columns
    footer: list | None = None                       # the table's total row
    notes: list = field(default_factory=list)        # paragraphs after the table
    signatures: list = field(default_factory=list)   # the labels of the signature boxes
    widths: list | None = None                       # the table's column widths in mm (None: even)


def _p(text, style=BODY):
    """A paragraph of `text`; a list of texts is one line each."""
    if isinstance(text, (list, tuple)):
        return Paragraph("<br/>".join(escape(str(t)) for t in text), style)
    return Paragraph(escape(str(text if text is not None else "")), style)


def _head(doc: Document):
    c = doc.company
    left = [_p(c.name, COMPANY),
            _p(" · ".join(x for x in (c.address, f"{_('Phone')} {c.phone}" if c.phone else "") if x), SMALL),
            _p(" · ".join(x for x in (f"{_('Tax id')} {c.tax_id}" if c.tax_id else "",
                                      f"{c.bank_name} {c.bank_account}".strip()) if x), SMALL)]
    right = [_p(doc.title, TITLE), _p(f"{_('No.')} {doc.number}", RIGHT), _p(f"{_('Date')} {doc.date}", RIGHT)]
    table = Table([[left, right]], colWidths=[110 * mm, 76 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.5, colors.black)]))
    return table


def _facts(doc: Document):
    cells = [[_p(label, BODY), _p(value, BODY)] for label, value in doc.facts]
    rows = [cells[i] + (cells[i + 1] if i + 1 < len(cells) else ["", ""]) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[22 * mm, 71 * mm, 22 * mm, 71 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _lines(doc: Document):
    def cell(n, text, bold=False):
        style = RIGHT if n in doc.numeric else BODY
        return _p(text, style)
    data = [[cell(n, h) for n, h in enumerate(doc.header)]]
    data += [[cell(n, v) for n, v in enumerate(row)] for row in doc.rows]
    if doc.footer:
        data.append([cell(n, v) for n, v in enumerate(doc.footer)])
    table = Table(data, repeatRows=1, colWidths=[w * mm for w in doc.widths] if doc.widths else None)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    table.setStyle(TableStyle(style))
    return table


def render(doc: Document) -> bytes:
    out = io.BytesIO()
    pages = SimpleDocTemplate(out, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=14 * mm,
                              bottomMargin=14 * mm, title=f"{doc.title} {doc.number}", author=doc.company.name)
    story = [_head(doc), Spacer(1, 4 * mm)]
    if doc.facts:
        story += [_facts(doc), Spacer(1, 3 * mm)]
    if doc.header:
        story += [_lines(doc), Spacer(1, 3 * mm)]
    story += [_p(text) for text in doc.notes]
    if doc.signatures:
        boxes = Table([[_p(label) for label in doc.signatures]], colWidths=[186 * mm / len(doc.signatures)] *
                      len(doc.signatures), rowHeights=[18 * mm])
        boxes.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [Spacer(1, 10 * mm), boxes]
    pages.build(story)
    return out.getvalue()
