/**
 * What the reader keeps instead of a phone number (wa_id, recipient_id, from, the send log's `to`):
 * a salted SHA-256, truncated. The hashes are never written; the salt (random per calibration
 * unless given) only keeps them unlinkable between runs. The main thread and the parse workers
 * build the same function from the same salt, so a recipient has one key whichever thread read it.
 */
import * as crypto from 'node:crypto';

/** Characters kept of a phone number's hash (base64url: 96 bits). */
const HASH_CHARS = 16;

/**
 * The hasher of `salt`. One-shot `crypto.hash` (Node ≥ 20.12, about three times faster than a
 * Hash object per number) where the runtime has it.
 * @example phoneHasher(Buffer.from('salt'))('5511900000000').length // 16
 */
export function phoneHasher(salt: Uint8Array): (phone: string) => string {
  const prefix = Buffer.from(salt).toString('base64');
  const sha256: (text: string) => string = typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'base64url')
    : (text) => crypto.createHash('sha256').update(text).digest('base64url');
  // the evidence tally and the accumulator ask for the same status's recipient in turn: remember the last one
  let lastPhone = '';
  let lastHash = '';
  return (phone) => {
    if (phone !== lastPhone) {
      lastHash = sha256(prefix + phone).slice(0, HASH_CHARS);
      lastPhone = phone;
    }
    return lastHash;
  };
}
