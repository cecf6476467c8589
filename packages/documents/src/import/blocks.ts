/**
 * Every input form (text, HTML, DOCX, PDF) is first read into the same thing: the document's blocks in
 * reading order — paragraphs, and table rows as lists of cell texts. The mapper (map-report.ts) turns
 * blocks into the report-json shape, so label matching and number reading are written once.
 */
export type Block =
  { readonly kind: 'para'; readonly text: string } | { readonly kind: 'row'; readonly cells: readonly string[] };

export type SourceKind = 'docx' | 'pdf' | 'html' | 'text';
