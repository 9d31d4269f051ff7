import { createHmac } from 'node:crypto';

/** RFC 4648 Base32 (no padding) to bytes: how the account page shows the two-factor secret. */
function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not Base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The 30-second step a moment falls in. */
export function totpStep(atMs = Date.now()): number {
  return Math.floor(atMs / 30_000);
}

/** The six-digit code an authenticator app shows for `secret` in `step` (RFC 6238, HMAC-SHA1). */
export function totpCode(secret: string, step = totpStep()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = (hash[hash.length - 1] ?? 0) & 0x0f;
  const binary = hash.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** Milliseconds until the next step starts: a code once used is refused until then. */
export function untilNextStep(nowMs = Date.now()): number {
  return 30_000 - (nowMs % 30_000) + 250;
}
