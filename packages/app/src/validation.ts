import { DomainError } from '@xxgk/core';
import { z } from 'zod';

// Zod's own messages in Chinese for whatever a schema does not word itself.
z.config(z.locales.zhCN());

/** Parses input against a schema, or throws VALIDATION_FAILED listing every problem in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new DomainError(
    'VALIDATION_FAILED',
    issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；'),
    {
      issues,
    },
  );
}

/** Trimmed text with a Chinese label in its messages. */
export function text(label: string, options: { min?: number; max: number }): z.ZodString {
  const min = options.min ?? 0;
  let schema = z.string({ error: `请填写${label}` }).trim();
  if (min > 0) {
    schema = schema.min(min, min === 1 ? `请填写${label}` : `${label}至少${min}个字`);
  }
  return schema.max(options.max, `${label}不能超过${options.max}个字`);
}
