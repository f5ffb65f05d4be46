"""Printed documents: every one on the same A4 page (core/document.html) under the company's header."""
from __future__ import annotations

from flask import Response, render_template

from core.company import company_of


def render_document(template, *, plant, title, number, date, back=None, pdf=None, **context):
    return render_template(template, doc_company=company_of(plant), doc_title=title, doc_number=number,
                           doc_date=date, doc_back=back, doc_pdf=pdf, **context)


def pdf_response(filename, data: bytes) -> Response:
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
