import { portalGeneration, type Executor } from '@xxgk/db';

/**
 * Rendered portal pages, kept in memory and keyed on the portal generation: a number the database
 * raises in the same transaction as every change the public can see (publication, revision,
 * 撤稿, catalog and agency edits). Each request reads the generation (one primary-key lookup), so
 * a page is never served stale — not even by another server process over the same database.
 */
export class PageCache {
  readonly #max: number;
  #generation = -1;
  readonly #pages = new Map<string, { status: number; body: string; type: string }>();

  constructor(max = 2000) {
    this.#max = max;
  }

  /** The current generation; clears the pages when it has moved on. */
  async generation(ex: Executor): Promise<number> {
    const generation = await portalGeneration(ex);
    if (generation !== this.#generation) {
      this.#pages.clear();
      this.#generation = generation;
    }
    return generation;
  }

  get(key: string): { status: number; body: string; type: string } | undefined {
    const hit = this.#pages.get(key);
    if (hit !== undefined) {
      // Least recently used goes first: re-insert on use.
      this.#pages.delete(key);
      this.#pages.set(key, hit);
    }
    return hit;
  }

  set(key: string, generation: number, page: { status: number; body: string; type: string }): void {
    if (generation !== this.#generation) {
      return;
    }
    this.#pages.set(key, page);
    if (this.#pages.size > this.#max) {
      const oldest = this.#pages.keys().next().value;
      if (oldest !== undefined) {
        this.#pages.delete(oldest);
      }
    }
  }
}
