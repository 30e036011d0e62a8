import { expect } from '@open-wc/testing';
import { lazyReceiptQueue } from '../../src/core/lazy-receipts.js';
import { receiptQueue, type Scheduler } from '../../src/core/receipts.js';
import type { ConsentReceipt } from '../../src/core/types.js';
import type { ReceiptQueueFactory } from '../../src/core/writer.js';
import { waitUntil } from '../wait.js';

const KEY = 'privacy-kit:receipts:lazy-test';

const receipt = (n: number): ConsentReceipt => ({
  receiptId: `00000000-0000-4000-8000-00000000000${n}`,
  consentId: '00000000-0000-4000-8000-0000000000aa',
  revision: 'r1',
  granted: ['necessary'],
  denied: ['analytics'],
  method: 'banner',
  at: new Date(0).toISOString(),
});

/** A loader of the real sender that resolves only when the test says so. */
function deferredLoad() {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const load = () => {
    calls++;
    return gate.then((): ReceiptQueueFactory => receiptQueue);
  };
  return { load, release, calls: () => calls };
}

const sent: ConsentReceipt[] = [];
const fetcher = (async (_url: RequestInfo | URL, init?: RequestInit) => {
  sent.push(JSON.parse(String(init?.body)) as ConsentReceipt);
  return new Response('{}', { status: 201 });
}) as typeof fetch;
const schedule: Scheduler = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? '[]') as ConsentReceipt[];

describe('lazy receipt queue (the loader sends receipts without shipping the sender)', () => {
  beforeEach(() => {
    localStorage.removeItem(KEY);
    sent.length = 0;
  });

  it('loads nothing while there is nothing to send', () => {
    const { load, calls } = deferredLoad();
    lazyReceiptQueue(load)('/r', KEY, localStorage, fetcher, schedule, () => {});
    expect(calls()).to.equal(0);
  });

  it('stores a new receipt before the sender has loaded, then sends it once loaded', async () => {
    const { load, release, calls } = deferredLoad();
    const queue = lazyReceiptQueue(load)('/r', KEY, localStorage, fetcher, schedule, () => {});
    queue.add(receipt(1));
    expect(calls()).to.equal(1);
    expect(stored().map((r) => r.receiptId)).to.deep.equal([receipt(1).receiptId]);
    queue.flush(true); // pagehide before the sender arrived: the receipt stays stored for the next page
    expect(sent).to.deep.equal([]);
    release();
    await waitUntil(() => sent.length === 1 && stored().length === 0);
    expect(sent[0]!.receiptId).to.equal(receipt(1).receiptId);
  });

  it('loads the sender at once for receipts an earlier page left, and sends each once', async () => {
    localStorage.setItem(KEY, JSON.stringify([receipt(2)]));
    const { load, release, calls } = deferredLoad();
    const queue = lazyReceiptQueue(load)('/r', KEY, localStorage, fetcher, schedule, () => {});
    expect(calls()).to.equal(1);
    queue.add(receipt(3));
    release();
    await waitUntil(() => stored().length === 0 && sent.length >= 2);
    expect(new Set(sent.map((r) => r.receiptId))).to.deep.equal(
      new Set([receipt(2).receiptId, receipt(3).receiptId]),
    );
  });

  it('starts no sender once destroyed: a receipt added before waits in storage for the next page', async () => {
    const { load, release } = deferredLoad();
    const queue = lazyReceiptQueue(load)('/r', KEY, localStorage, fetcher, schedule, () => {});
    queue.add(receipt(8));
    queue.destroy();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).to.deep.equal([]);
    expect(stored().map((r) => r.receiptId)).to.deep.equal([receipt(8).receiptId]);
  });

  it('keeps receipts queued and warns when the sender cannot be loaded', async () => {
    const warnings: string[] = [];
    const queue = lazyReceiptQueue(() => Promise.reject(new Error('offline')))(
      '/r',
      KEY,
      localStorage,
      fetcher,
      schedule,
      (m) => warnings.push(m),
    );
    queue.add(receipt(4));
    await waitUntil(() => warnings.length === 1);
    expect(stored().map((r) => r.receiptId)).to.deep.equal([receipt(4).receiptId]);
  });

  it('asks for the sender again after a failed load (offline at the decision): on reconnecting, and with the next receipt', async () => {
    let calls = 0;
    const flaky = (): Promise<ReceiptQueueFactory> =>
      ++calls === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(receiptQueue);
    const page = new EventTarget();
    const queue = lazyReceiptQueue(flaky)('/r', KEY, localStorage, fetcher, schedule, () => {}, page);
    queue.add(receipt(5));
    await waitUntil(() => calls === 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    page.dispatchEvent(new Event('online'));
    await waitUntil(() => sent.length === 1 && stored().length === 0);
    expect(calls).to.equal(2);
    queue.add(receipt(6));
    await waitUntil(() => sent.length === 2);
    expect(sent.map((r) => r.receiptId)).to.deep.equal([receipt(5).receiptId, receipt(6).receiptId]);
    queue.destroy();
  });

  it('keeps a receipt in memory through a failed load when storage is blocked, and sends it on the next try', async () => {
    let calls = 0;
    const flaky = (): Promise<ReceiptQueueFactory> =>
      ++calls === 1 ? Promise.reject(new TypeError('offline')) : Promise.resolve(receiptQueue);
    const queue = lazyReceiptQueue(flaky)('/r', KEY, null, fetcher, schedule, () => {});
    queue.add(receipt(7));
    await waitUntil(() => calls === 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    queue.flush(true); // pagehide of a single-page app's view: asks again
    await waitUntil(() => sent.length === 1);
    expect(sent[0]!.receiptId).to.equal(receipt(7).receiptId);
    queue.destroy();
  });
});
