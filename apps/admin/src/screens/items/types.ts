/** The 信息发布 screens' shapes, from the server's answers (api/schema.ts). */
import type { Json } from '../../api/types.ts';

export type SubmissionCheck = Json<'/api/items/{id}/check', 'post'>;

/** A scanner finding (core/scan/scan.ts). */
export type Finding = SubmissionCheck['findings'][number];

export type ItemDetail = Json<'/api/items/{id}'>;

export type ItemContent = ItemDetail['content'];

export type ItemRow = Json<'/api/agencies/{id}/items'>['rows'][number];

export type Column = Json<'/api/agencies/{id}/catalog'>['columns'][number];

export function flatColumns(columns: Column[]): Column[] {
  return columns.flatMap((c) => [c, ...flatColumns(c.children)]);
}
