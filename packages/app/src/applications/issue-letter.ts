import {
  DomainError,
  emptyLetterFields,
  LETTER_LABELS,
  outcomeOf,
  REPLY_LETTER,
  shanghaiDate,
  type Actor,
} from '@xxgk/core';
import { insertApplicationEvent, insertApplicationFile } from '@xxgk/db';
import { renderLetterDocx, renderLetterPdf } from '@xxgk/documents';
import { z } from 'zod';
import { audit } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { parseInput } from '../validation.ts';
import { putSealed } from './application-files.ts';
import { Kind, loadForLetter } from './letter-access.ts';
import { letterTemplate } from './letter-template.ts';
import { letterValues } from './letter-values.ts';
import { lettersAvailable } from './letters-available.ts';
import { letterContent } from './letter-content.ts';

export const IssueLetterInput = z.object({
  values: z.record(z.string(), z.string().max(5000, '单项内容不能超过5000字')).default({}),
});

/**
 * Issues a letter: the agency's template filled with the handler's checked values, rendered as DOCX and
 * PDF with the agency's 专用章, stored (sealed) with the application and recorded in its ledger.
 * Refused while any field the template uses is empty, or when a reply does not match the outcome.
 *
 * Over 80 lines, kept whole: the refusals, the rendering and the sealed storage come before the one
 * transaction that records both files, the ledger event and the audit line together.
 */
export async function issueLetter(
  ctx: AppContext,
  {
    actor,
    applicationId,
    kind,
    input,
    meta,
  }: { actor: Actor; applicationId: number; kind: string; input: unknown; meta: RequestMeta },
): Promise<{ files: { id: number; fileName: string }[] }> {
  const k = parseInput(Kind, kind);
  const { values: given } = parseInput(IssueLetterInput, input);
  const { application, agency, rows, deadline } = await loadForLetter(ctx, {
    actor,
    meta,
    applicationId,
    action: 'application.letter_issued',
  });
  if (application.archived_on !== null) {
    throw new DomainError('CONFLICT', '该申请已归档，不能再出具文书');
  }
  if (!lettersAvailable(application).includes(k)) {
    throw new DomainError(
      'CONFLICT',
      application.outcome_code === null
        ? '尚未登记办理结果，不能出具答复告知书'
        : `办理结果为“${outcomeOf(application.outcome_code).label}”，应出具《${LETTER_LABELS[REPLY_LETTER[outcomeOf(application.outcome_code).letter]]}》`,
    );
  }
  const today = shanghaiDate(ctx.now());
  const template = await letterTemplate(ctx.db, agency.id, k);
  const values = { ...letterValues(application, agency, rows, deadline, today), ...given };
  const empty = emptyLetterFields(template, values);
  if (empty.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `${LETTER_LABELS[k]}缺少：${empty.join('、')}，请填写后再出具`, {
      issues: empty.map((name) => ({ path: `values.${name}`, message: `请填写${name}` })),
    });
  }
  const content = await letterContent(ctx, agency, template, values, today);
  const [docx, pdf] = await Promise.all([renderLetterDocx(content), renderLetterPdf(content)]);
  const base = `${LETTER_LABELS[k]}-${application.tracking_code}`;
  const stored = await Promise.all([putSealed(ctx, docx), putSealed(ctx, pdf)]);
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const files = [];
    for (const [i, [bytes, ext, type]] of (
      [
        [docx, 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        [pdf, 'pdf', 'application/pdf'],
      ] as const
    ).entries()) {
      const s = stored[i] as { key: string; sha256: string };
      const row = await insertApplicationFile(trx, {
        application_id: application.id,
        kind: 'letter',
        letter_kind: k,
        file_name: `${base}.${ext}`,
        media_type: type,
        size: bytes.length,
        sha256: s.sha256,
        storage_key: s.key,
        encrypted: 1,
        created_at: now,
      });
      files.push({ id: row.id, fileName: row.file_name });
    }
    await insertApplicationEvent(trx, {
      application_id: application.id,
      type: 'letter_issued',
      on_date: today,
      payload: JSON.stringify({ kind: k, fileIds: files.map((f) => f.id) }),
      note: LETTER_LABELS[k],
      user_id: actor.userId === 0 ? null : actor.userId,
      user_name: actor.displayName,
      created_at: now,
    });
    await audit(trx, ctx, actor, meta, {
      action: 'application.letter_issued',
      agencyId: agency.id,
      targetType: 'application',
      targetId: application.id,
      note: `出具《${LETTER_LABELS[k]}》`,
    });
    return { files };
  });
}
