import { expect } from '@open-wc/testing';
import { memoryStorage, type ConsentOptions, type ConsentReceipt } from '../../src/core/index.js';
import { captureWarnings, destroyStores, isolatedStore, minimalConfig } from './fixtures.js';

type Mode = 'ok' | 'fail500' | 'hang' | 'storeThenHang' | 'offline' | 'refuse' | 'notFound404' | 'busy503';

/** A fake receipts endpoint with the reference server's dedup by receiptId. */
function fakeServer() {
  const stored = new Map<string, ConsentReceipt>();
  const requests: { receipt: ConsentReceipt; keepalive: boolean }[] = [];
  const server = {
    mode: 'ok' as Mode,
    /** The status of a `refuse` answer, and the `Retry-After` of a `busy503` one. */
    refusal: 400,
    retryAfter: '30',
    stored,
    requests,
    fetch: (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const receipt = JSON.parse(String(init?.body)) as ConsentReceipt;
      requests.push({ receipt, keepalive: init?.keepalive === true });
      const hang = () =>
        new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'AbortError'))),
        );
      switch (server.mode) {
        case 'fail500':
          return new Response('{"error":"internal"}', { status: 500 });
        case 'refuse':
          return new Response('{"error":"validation"}', { status: server.refusal });
        case 'notFound404':
          return new Response('not found', { status: 404 });
        case 'busy503':
          return new Response('{"error":"unavailable"}', {
            status: 503,
            headers: { 'retry-after': server.retryAfter },
          });
        case 'offline':
          throw new TypeError('Failed to fetch');
        case 'hang':
          return hang();
        case 'storeThenHang':
          stored.set(receipt.receiptId, receipt);
          return hang();
        default: {
          const fresh = !stored.has(receipt.receiptId);
          stored.set(receipt.receiptId, receipt);
          return new Response(JSON.stringify({ receiptId: receipt.receiptId, stored: fresh }), {
            status: fresh ? 201 : 200,
          });
        }
      }
    }) as typeof fetch,
  };
  return server;
}

/** A scheduler the test runs by hand: timers are listed with their delay. */
function manualClock() {
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    timers,
    schedule: (fn: () => void, ms: number) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    pending: () => timers.filter((t) => !t.cancelled),
    /** Runs the pending timers that are at least `ms` long (retries) or exactly `ms`. */
    run(filter: (ms: number) => boolean) {
      for (const t of timers.filter((t) => !t.cancelled && filter(t.ms))) {
        t.cancelled = true;
        t.fn();
      }
    },
  };
}

const TIMEOUT = 10_000;
const settle = async (until: () => boolean) => {
  for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(until(), 'condition not reached').to.equal(true);
};

let cookieName = '';
const queueKey = () => 'privacy-kit:receipts:' + cookieName;
const queued = (): ConsentReceipt[] => JSON.parse(localStorage.getItem(queueKey()) ?? '[]');

describe('consent receipts', () => {
  let counter = 0;
  beforeEach(() => {
    cookieName = `receipts_${Date.now()}_${counter++}`;
  });
  afterEach(() => {
    destroyStores();
    localStorage.removeItem(queueKey());
  });

  function store(
    server: ReturnType<typeof fakeServer>,
    clock: ReturnType<typeof manualClock>,
    extra: ConsentOptions = {},
  ) {
    return isolatedStore(
      { ...minimalConfig, cookie: { name: cookieName }, sync: { endpoint: '/api/consent/receipts' } },
      {
        fetch: server.fetch,
        schedule: clock.schedule,
        localStorage,
        navigator: { userAgent: 'TestAgent/1.0' },
        ...extra,
      },
    );
  }

  it("sends one receipt per decision with the decision's grants", async () => {
    const server = fakeServer();
    const kit = store(server, manualClock());
    const state = kit.update(
      { categories: { analytics: true }, services: { 'adobe-analytics': false } },
      { method: 'preferences' },
    );
    // Queued before the request is answered, so a crash or reload cannot lose it.
    expect(queued().map((r) => r.consentId)).to.deep.equal([state.id]);
    await settle(() => server.stored.size === 1 && queued().length === 0);
    const [receipt] = [...server.stored.values()];
    expect(receipt).to.include({
      consentId: state.id,
      revision: '2018-06-18',
      method: 'preferences',
      userAgent: 'TestAgent/1.0',
    });
    expect(receipt?.receiptId).to.match(/^[0-9a-f-]{36}$/);
    expect(receipt?.granted).to.deep.equal(['necessary', 'analytics', 'google-analytics']);
    expect(receipt?.denied).to.deep.equal(['marketing', 'adobe-analytics']);
    expect(Date.parse(receipt!.at)).to.equal(state.updatedAt);
    expect(queued()).to.deep.equal([]);
  });

  it('sends a "gpc" receipt when Global Privacy Control refused marketing before any decision', async () => {
    const server = fakeServer();
    store(server, manualClock(), { navigator: { globalPrivacyControl: true, userAgent: 'TestAgent/1.0' } });
    await settle(() => server.stored.size === 1);
    const [receipt] = [...server.stored.values()];
    expect(receipt?.method).to.equal('gpc');
    expect(receipt?.denied).to.include('marketing');
    expect(receipt?.granted).to.deep.equal(['necessary']);
  });

  it('loses and duplicates nothing through a 500, a timeout and a recovery', async () => {
    const server = fakeServer();
    const clock = manualClock();
    const kit = store(server, clock);
    server.mode = 'fail500';
    kit.rejectAll({ method: 'banner' });
    await settle(() => clock.pending().some((t) => t.ms !== TIMEOUT));
    expect(queued().length).to.equal(1);
    // The retry reaches a server that stores the receipt but never answers.
    server.mode = 'storeThenHang';
    clock.run((ms) => ms !== TIMEOUT);
    await settle(() => server.requests.length === 2);
    kit.update({ categories: { analytics: true } });
    clock.run((ms) => ms === TIMEOUT);
    await settle(() => clock.pending().some((t) => t.ms !== TIMEOUT));
    expect(queued().length).to.equal(2);
    server.mode = 'ok';
    clock.run((ms) => ms !== TIMEOUT);
    await settle(() => queued().length === 0);
    expect(server.stored.size).to.equal(2);
    expect([...server.stored.values()].map((r) => r.method)).to.deep.equal(['banner', 'api']);
  });

  it('backs off exponentially with jitter, capped', async () => {
    const server = fakeServer();
    const clock = manualClock();
    server.mode = 'offline';
    store(server, clock).acceptAll();
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      await settle(() => clock.pending().some((t) => t.ms !== TIMEOUT));
      delays.push(clock.pending().find((t) => t.ms !== TIMEOUT)!.ms);
      clock.run((ms) => ms !== TIMEOUT);
    }
    // Window 1 s, 2 s, 4 s … capped at 5 minutes; the jitter picks a delay in its upper half.
    delays.forEach((delay, i) => {
      const window = Math.min(300_000, 1000 * 2 ** i);
      expect(delay, `retry ${i}`).to.be.within(window / 2, window);
    });
    expect(Math.max(...delays)).to.be.within(150_000, 300_000);
    expect(new Set(delays).size, 'jittered').to.be.above(6);
  });

  it('keeps the queue across a reload and sends it from the next page', async () => {
    const server = fakeServer();
    server.mode = 'fail500';
    const first = store(server, manualClock());
    first.acceptAll();
    await settle(() => server.requests.length === 1);
    first.destroy();
    expect(queued().length).to.equal(1);
    server.mode = 'ok';
    store(server, manualClock());
    await settle(() => server.stored.size === 1 && queued().length === 0);
  });

  it('skips entries of the queue that are no receipts (another script, an old format) and sends the rest', async () => {
    const server = fakeServer();
    localStorage.setItem(queueKey(), JSON.stringify([null, 7, { receiptId: 3 }]));
    store(server, manualClock()).acceptAll();
    await settle(() => server.stored.size === 1 && queued().length === 0);
  });

  it('never turns a stored refusal into a grant while the server fails and recovers', async () => {
    const server = fakeServer();
    const cookies = memoryStorage();
    server.mode = 'fail500';
    const clock = manualClock();
    const kit = store(server, clock, { cookies });
    kit.rejectAll();
    for (const mode of ['fail500', 'offline', 'ok'] as const) {
      server.mode = mode;
      clock.run((ms) => ms !== TIMEOUT);
      await settle(() => server.requests.length > 0);
      for (const name of ['analytics', 'marketing', 'google-analytics'])
        expect(kit.isGranted(name)).to.equal(false);
      const reloaded = store(server, manualClock(), { cookies });
      expect(reloaded.isGranted('analytics')).to.equal(false);
      expect(reloaded.needsDecision()).to.equal(false);
    }
  });

  it('keeps a receipt through a 404 (an endpoint being deployed) and sends it once the server answers', async () => {
    const server = fakeServer();
    const clock = manualClock();
    server.mode = 'notFound404';
    store(server, clock).acceptAll();
    await settle(() => server.requests.length === 1 && clock.pending().some((t) => t.ms !== TIMEOUT));
    expect(queued().length).to.equal(1);
    server.mode = 'ok';
    clock.run((ms) => ms !== TIMEOUT);
    await settle(() => server.stored.size === 1 && queued().length === 0);
  });

  it("waits at least the server's Retry-After before trying again", async () => {
    const server = fakeServer();
    const clock = manualClock();
    server.mode = 'busy503';
    store(server, clock).acceptAll();
    await settle(() => clock.pending().some((t) => t.ms !== TIMEOUT));
    // The first back-off would be 0.5–1 s; the server asked for 30 s.
    expect(clock.pending().find((t) => t.ms !== TIMEOUT)!.ms).to.equal(30_000);
  });

  it('waits at most an hour, whatever Retry-After says', async () => {
    const server = fakeServer();
    const clock = manualClock();
    server.mode = 'busy503';
    server.retryAfter = '86400';
    store(server, clock).acceptAll();
    await settle(() => clock.pending().some((t) => t.ms !== TIMEOUT));
    expect(clock.pending().find((t) => t.ms !== TIMEOUT)!.ms).to.equal(3_600_000);
  });

  it('starts the back-off again from 1 s once a receipt got through', async () => {
    const server = fakeServer();
    const clock = manualClock();
    const nextRetry = async () => {
      await settle(() => clock.pending().some((t) => t.ms !== TIMEOUT));
      return clock.pending().find((t) => t.ms !== TIMEOUT)!.ms;
    };
    server.mode = 'offline';
    const kit = store(server, clock);
    kit.acceptAll();
    for (let i = 0; i < 4; i++) {
      await nextRetry();
      clock.run((ms) => ms !== TIMEOUT);
    }
    expect(await nextRetry()).to.be.above(8_000);
    server.mode = 'ok';
    clock.run((ms) => ms !== TIMEOUT);
    await settle(() => server.stored.size === 1 && queued().length === 0);
    server.mode = 'offline';
    kit.rejectAll();
    expect(await nextRetry()).to.be.within(500, 1000);
  });

  it("puts a receipt back in storage when another tab's write raced it away", async () => {
    const server = fakeServer();
    const clock = manualClock();
    server.mode = 'fail500';
    store(server, clock).acceptAll();
    await settle(() => clock.pending().some((t) => t.ms !== TIMEOUT));
    localStorage.setItem(queueKey(), '[]'); // another tab saved the queue as it read it, without ours
    clock.run((ms) => ms !== TIMEOUT);
    await settle(() => server.requests.length === 2 && clock.pending().some((t) => t.ms !== TIMEOUT));
    expect(queued().length).to.equal(1);
  });

  it('records at most 512 characters of the user agent (the server refuses longer)', async () => {
    const server = fakeServer();
    store(server, manualClock(), { navigator: { userAgent: 'A'.repeat(600) } }).acceptAll();
    await settle(() => server.stored.size === 1);
    expect([...server.stored.values()][0]?.userAgent).to.equal('A'.repeat(512));
  });

  it('sends nothing once the store is destroyed: the receipt waits in storage for the next page', async () => {
    const server = fakeServer();
    const page = new EventTarget();
    server.mode = 'offline';
    const kit = store(server, manualClock(), { window: page });
    kit.acceptAll();
    await settle(() => server.requests.length === 1);
    kit.destroy();
    server.mode = 'ok';
    page.dispatchEvent(new Event('online'));
    page.dispatchEvent(new Event('pagehide'));
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests.length).to.equal(1);
    expect(queued().length).to.equal(1);
  });

  it('drops a receipt the server says can never be stored (400, 413, 422) with a warning', async () => {
    const warnings = captureWarnings();
    try {
      const server = fakeServer();
      server.mode = 'refuse';
      const kit = store(server, manualClock());
      for (const [i, status] of [400, 413, 422].entries()) {
        server.refusal = status;
        kit.update({ categories: { analytics: i % 2 === 0 } });
        await settle(() => queued().length === 0 && warnings.messages.length === i + 1);
        expect(warnings.messages[i]).to.contain(`refused consent receipt`).and.contain(`(${status})`);
      }
    } finally {
      warnings.restore();
    }
  });

  it('flushes with keepalive on pagehide and retries on online', async () => {
    const server = fakeServer();
    const page = new EventTarget();
    server.mode = 'offline';
    store(server, manualClock(), { window: page }).acceptAll();
    await settle(() => server.requests.length === 1);
    server.mode = 'ok';
    page.dispatchEvent(new Event('pagehide'));
    await settle(() => server.stored.size === 1 && queued().length === 0);
    expect(server.requests.at(-1)?.keepalive).to.equal(true);
    server.mode = 'offline';
    store(server, manualClock(), { window: page }).rejectAll();
    await settle(() => server.requests.length === 3);
    server.mode = 'ok';
    page.dispatchEvent(new Event('online'));
    await settle(() => server.stored.size === 2 && queued().length === 0);
  });

  it('loses nothing when two tabs share the queue (sending twice is fine)', async () => {
    const server = fakeServer();
    server.mode = 'fail500';
    const clockA = manualClock();
    const clockB = manualClock();
    const a = store(server, clockA, { cookies: memoryStorage() });
    const b = store(server, clockB, { cookies: memoryStorage() });
    a.acceptAll();
    b.rejectAll();
    a.update({ categories: { marketing: false } });
    const retrying = (clock: ReturnType<typeof manualClock>) => clock.pending().some((t) => t.ms !== TIMEOUT);
    await settle(() => queued().length === 3 && retrying(clockA) && retrying(clockB));
    server.mode = 'ok';
    clockA.run(() => true);
    clockB.run(() => true);
    await settle(() => queued().length === 0 && server.stored.size === 3);
  });
});
