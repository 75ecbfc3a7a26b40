#!/usr/bin/env node
/**
 * Turns `wabasim events` output (stdin) into a webhook log as a team would have it (stdout): only
 * the `"kind":"webhook"` lines, each as the bare Meta payload, with every id altered so it looks
 * like a real log and matches no simulator id: wa_id / recipient_id / from → Brazilian-looking
 * mobile numbers (a keyed hash of the original), wamid → wamid.HBgM… (a hash), the business's
 * display number, phone_number_id and WABA id → fixed made-up values, contact names → "Cliente".
 * Deterministic (fixed key), so the sample is reproducible:
 *   node bin/wabasim.js events examples/truth-weekly-promo.json --strategy tier-aware --seed 1 \
 *     | node examples/anonymise-log.mjs > examples/webhooks-sample.jsonl
 */
import { createHmac } from 'node:crypto';
import { createInterface } from 'node:readline';

const KEY = 'wabasim example log';
const hash = (s) => createHmac('sha256', KEY).update(s).digest();
const phone = (id) => `55119${String(hash(`phone:${id}`).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
const wamid = (id) => `wamid.HBgM${hash(`wamid:${id}`).toString('base64url').slice(0, 40)}`;
const BUSINESS = { display_phone_number: '551140040000', phone_number_id: '318642979000001' };
const WABA = '412907733000001';

function alter(v) {
  if (Array.isArray(v)) return v.map(alter);
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    if ((k === 'wa_id' || k === 'recipient_id' || k === 'from') && typeof x === 'string' && /^\d+$/.test(x)) out[k] = phone(x);
    else if (k === 'from' && typeof x === 'string') out[k] = BUSINESS.display_phone_number; // context.from: the business number
    else if (k === 'id' && typeof x === 'string' && x.startsWith('wamid.')) out[k] = wamid(x);
    else if (k === 'display_phone_number') out[k] = BUSINESS.display_phone_number;
    else if (k === 'phone_number_id') out[k] = BUSINESS.phone_number_id;
    else if (k === 'name' && typeof x === 'string' && x.startsWith('User ')) out[k] = 'Cliente';
    else out[k] = alter(x);
  }
  return out;
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.includes('"kind":"webhook"')) continue;
  const r = JSON.parse(line);
  if (r.kind !== 'webhook') continue;
  const payload = alter(r.payload);
  for (const e of payload.entry ?? []) e.id = WABA;
  process.stdout.write(`${JSON.stringify(payload)}\n`);
}
