/** `<privacy-statement src>` whose server accepts the request and then never answers. */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { StatementErrorDetail } from '../../src/elements/privacy-statement/index.js';
import { STATEMENT_TIMEOUT_MS, fetchStatement } from '../../src/elements/privacy-statement/load.js';
import {
  AXE_TEST_TIMEOUT_MS,
  cleanUp,
  mountStatement,
  shadowOne,
  squash,
  type SuiteContext,
} from './helpers.js';

/**
 * Stands in for a server that never answers: each call is recorded and its promise settles only
 * when its signal aborts (as the real `fetch` does), or never when `ignoreSignal`.
 */
function hangingFetch(ignoreSignal = false): { calls: { url: string; signal: AbortSignal | undefined }[] } {
  const calls: { url: string; signal: AbortSignal | undefined }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const signal = init?.signal ?? undefined;
    calls.push({ url: String(input), signal });
    return new Promise<Response>((_, reject) => {
      if (!ignoreSignal)
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  };
  return { calls };
}

const { fetch: realFetch, setTimeout: realSetTimeout } = window;

describe('fetchStatement when the server never answers', function (this: SuiteContext) {
  // The time allowed here is 50 ms: a request still open after seconds will never end.
  this.timeout(5_000);
  afterEach(() => (window.fetch = realFetch));

  it('gives up with `timeout` after the time allowed, and stops the request', async () => {
    const { calls } = hangingFetch();
    const started = performance.now();
    const result = await fetchStatement('/statements/slow.json', undefined, 50);
    expect(performance.now() - started).to.be.at.least(45);
    expect(result).to.deep.equal({ ok: false, error: { reason: 'timeout', src: '/statements/slow.json' } });
    expect(calls[0]?.signal?.aborted).to.equal(true);
  });

  it('also gives up when the answer starts but its body never ends', async () => {
    window.fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"format":')) }), {
        headers: { 'content-type': 'application/json' },
      });
    const result = await fetchStatement('/statements/slow.json', undefined, 50);
    expect(result.ok === false && result.error.reason).to.equal('timeout');
  });

  it('also ends a request whose fetch ignores the abort', async () => {
    hangingFetch(true);
    const result = await fetchStatement('/statements/slow.json', undefined, 50);
    expect(result.ok === false && result.error.reason).to.equal('timeout');
  });

  it('stops at once for a caller that has already given up (a signal aborted beforehand)', async () => {
    const seen: (boolean | undefined)[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init?.signal?.aborted);
      return realFetch(input, init);
    };
    const src = URL.createObjectURL(new Blob(['{}'], { type: 'application/json' }));
    const result = await fetchStatement(src, AbortSignal.abort(), 1_000);
    expect(seen).to.deep.equal([true]);
    expect(result.ok).to.equal(false);
  });

  it('allows a statement about fifteen seconds', () => {
    expect(STATEMENT_TIMEOUT_MS).to.equal(15_000);
  });
});

describe('<privacy-statement> when the server never answers', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => {
    window.fetch = realFetch;
    window.setTimeout = realSetTimeout;
    cleanUp();
    document.body.replaceChildren();
  });

  it('replaces "loading" with the error and fires privacy-error (reason timeout), accessibly', async () => {
    const { calls } = hangingFetch();
    // Waiting the real fifteen seconds would prove nothing more: only that one timer is shortened.
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) =>
      realSetTimeout(handler, ms === STATEMENT_TIMEOUT_MS ? 30 : ms, ...args)) as typeof window.setTimeout;
    const { el, event } = await mountStatement((s) => {
      s.setAttribute('lang', 'en');
      s.src = '/statements/slow.json';
    });
    expect(event.type).to.equal('privacy-error');
    expect(event.detail as StatementErrorDetail).to.deep.equal({
      reason: 'timeout',
      src: '/statements/slow.json',
    });
    expect(el.shadowRoot?.querySelector('[part="loading"]') === null).to.equal(true);
    const alert = squash(shadowOne(el, '[role="alert"]').textContent);
    expect(alert).to.contain('The privacy statement cannot be shown.');
    expect(alert).to.contain(
      'The document /statements/slow.json could not be fetched: the server did not answer in time.',
    );
    expect(calls[0]?.signal?.aborted).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
