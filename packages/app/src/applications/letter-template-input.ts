import { z } from 'zod';
import { text } from '../validation.ts';

export const LetterTemplateInput = z.object({
  title: text('文书标题', { min: 1, max: 100 }),
  body: text('文书正文', { min: 1, max: 10_000 }),
});
export type LetterTemplateInput = z.input<typeof LetterTemplateInput>;
