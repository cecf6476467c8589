import type { Finding } from '@xxgk/core';

/** The key a warning's explanation is filed under: its rule and cells. */
export function findingKey(f: Finding): string {
  return `${f.rule}:${f.cells.join(',')}`;
}
