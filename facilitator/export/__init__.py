"""Exports of the SIP: pure functions from the models to text or files."""

from facilitator.export.jsondoc import CaseDocument, DocumentError, document_schema, read_document, to_json
from facilitator.export.markdown import to_markdown

__all__ = [
    "CaseDocument",
    "DocumentError",
    "document_schema",
    "read_document",
    "to_json",
    "to_markdown",
]
