// The rules of a consent receipt that a JSON schema cannot say: one spelling per UUID, a name
// decided once, and a decision time that can be true. Pure, so the route and tests share them.
import type { ReceiptInput } from './storage/types.js';

/**
 * Decisions before this are not from this library (nor from the web as consent law knows it):
 * such a time comes from a visitor's clock that was reset (a dead battery: 1970). Refusing the
 * receipt would lose the proof, as the client drops what is refused, so it is stored as the time
 * the receipt arrived.
 */
export const EARLIEST_DECISION = '2000-01-01T00:00:00.000Z';
/**
 * How far ahead of the server's clock a decision time is believed. A later one comes from a
 * visitor's clock running fast (the library dates each decision after the last, so one such
 * decision dates the next ones too): refusing it would lose the proof, so it is stored as the
 * time the receipt arrived.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/** A receipt ready to store, or the fields that break a rule (`{ field: problem }`). */
export type ReceiptCheck =
  | { readonly ok: true; readonly value: ReceiptInput }
  | { readonly ok: false; readonly fields: Readonly<Record<string, string>> };

/**
 * Normalises a schema-valid receipt: UUIDs in lower case (the same receipt in another spelling
 * must meet the primary key, not make a second row), `at` in UTC. Refuses a name both granted
 * and denied (the proof would contradict itself); an `at` before 2000 or more than a day ahead
 * becomes `now`.
 */
export function checkReceipt(receipt: ReceiptInput, now: Date): ReceiptCheck {
  const fields: Record<string, string> = {};
  let at = new Date(receipt.at);
  if (Number.isNaN(at.getTime())) {
    fields.at = 'must be a valid date-time';
  } else if (at.toISOString() < EARLIEST_DECISION || at.getTime() > now.getTime() + MAX_CLOCK_AHEAD_MS) {
    at = now;
  }
  const granted = new Set(receipt.granted);
  const both = receipt.denied.filter((name) => granted.has(name));
  if (both.length > 0) fields.denied = `must not repeat a name from granted (${both.join(', ')})`;
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    value: {
      ...receipt,
      receiptId: receipt.receiptId.toLowerCase(),
      consentId: receipt.consentId.toLowerCase(),
      at: at.toISOString(),
    },
  };
}
