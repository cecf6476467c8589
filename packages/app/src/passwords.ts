import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's 2023 baseline (m = 19 MiB, t = 2, p = 1): about 13 ms to hash here.
 * The parameters travel inside the encoded hash, so raising them later keeps old hashes valid.
 */
// `algorithm: 2` is Algorithm.Argon2id; the package exports it as an ambient const enum we cannot import.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

/** A real hash of nothing anyone knows, verified when the username does not exist so timing says nothing. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`no-such-user-${Math.random()}`);
  return dummy;
}
