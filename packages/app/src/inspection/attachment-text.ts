import { findAttachmentText, insertAttachmentText, type AttachmentTextStatus, type Executor } from '@xxgk/db';
import { readFileText } from '@xxgk/documents';
import { iso, type AppContext } from '../context.ts';

export interface AttachmentText {
  readonly status: AttachmentTextStatus;
  readonly text: string;
  readonly message: string;
}

/**
 * The text of a stored attachment, read once per file (files are content-addressed and never change,
 * so the reading is kept by storage key).
 */
export async function attachmentText(
  ctx: AppContext,
  ex: Executor,
  attachment: { readonly storage_key: string; readonly file_name: string; readonly media_type: string },
): Promise<AttachmentText> {
  const kept = await findAttachmentText(ex, attachment.storage_key);
  if (kept !== undefined) {
    return { status: kept.status, text: kept.text, message: kept.message };
  }
  let read: AttachmentText;
  try {
    const bytes = await ctx.files.get(attachment.storage_key);
    read = await readFileText(bytes, attachment.file_name, attachment.media_type);
  } catch (error) {
    read = {
      status: 'unreadable',
      text: '',
      message: `附件文件缺失：${error instanceof Error ? error.message.slice(0, 80) : String(error)}`,
    };
  }
  await insertAttachmentText(ex, { storage_key: attachment.storage_key, ...read, read_at: iso(ctx.now()) });
  return read;
}
