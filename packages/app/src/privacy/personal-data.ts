import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Applicants' personal data at rest (issue 6 §9): identity numbers and every file of an application
 * (identity proof, scans, letters, released information) are sealed with AES-256-GCM under the key
 * from config (XXGK_DATA_KEY); a database dump or the file store alone gives neither. A keyed hash
 * (HMAC-SHA256 under a key derived from the same secret) finds the same applicant's other
 * applications without the number in clear.
 */
export class PersonalDataCipher {
  readonly #key: Buffer;
  readonly #hashKey: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== 32) {
      throw new Error('个人信息加密密钥应为32字节 / the personal-data key must be 32 bytes');
    }
    this.#key = Buffer.from(key);
    this.#hashKey = createHmac('sha256', this.#key).update('xxgk applicant key').digest();
  }

  /** A text sealed as `v1.<iv>.<tag>.<ciphertext>` (base64url). '' stays ''. */
  sealText(plain: string): string {
    if (plain === '') {
      return '';
    }
    return `v1.${this.#seal(Buffer.from(plain, 'utf8'))}`;
  }

  openText(sealed: string): string {
    if (sealed === '') {
      return '';
    }
    if (!sealed.startsWith('v1.')) {
      throw new Error('not sealed personal data');
    }
    const [iv, tag, data] = sealed.slice(3).split('.');
    return this.#open(
      Buffer.from(iv ?? '', 'base64url'),
      Buffer.from(tag ?? '', 'base64url'),
      Buffer.from(data ?? '', 'base64url'),
    ).toString('utf8');
  }

  /** Bytes sealed as iv (12) ‖ tag (16) ‖ ciphertext. */
  sealBytes(plain: Uint8Array): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]);
  }

  openBytes(sealed: Uint8Array): Buffer {
    const buffer = Buffer.from(sealed);
    return this.#open(buffer.subarray(0, 12), buffer.subarray(12, 28), buffer.subarray(28));
  }

  /** The same for the same identity document, different across deployments (keyed). */
  applicantKey(idType: string, idNumber: string): string {
    return createHmac('sha256', this.#hashKey).update(`${idType}:${idNumber.toUpperCase()}`).digest('base64url');
  }

  #seal(plain: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
  }

  #open(iv: Buffer, tag: Buffer, data: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  }
}

/** `110105********1234`: enough for staff to tell applicants apart, never the whole number. */
export function maskIdNumber(last4: string, length = 18): string {
  if (last4 === '') {
    return '';
  }
  return `${'*'.repeat(Math.max(4, length - 4))}${last4}`;
}

/** `138****5678`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/gu, '');
  return digits.length < 7 ? '****' : `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
