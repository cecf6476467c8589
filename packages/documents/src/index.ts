/**
 * @xxgk/documents: bytes in, bytes out. Report import (DOCX/PDF/HTML/text → the report-json model),
 * renderers (model → DOCX/PDF/HTML/XLSX) and reply letters arrive with the annual-report issue;
 * this package depends on @xxgk/core only.
 */
export {};
