// A reset in one tab and a decision in another can cross on their way: each tab acts before the
// other's message arrives. Both tabs, and the cookie, must end with the later of the two.
import { expect } from '@open-wc/testing';
import { memoryStorage, type PrivacyKit } from '../../src/core/index.js';
import { waitUntil } from '../wait.js';
import { destroyStores, isolatedStore, minimalConfig } from './fixtures.js';

/** Two tabs on one cookie jar and one clock, holding the same earlier refusal. */
async function twoTabsWithRefusal() {
  const clock = { now: 1_700_000_000_000 };
  const cookies = memoryStorage();
  const options = { cookies, BroadcastChannel, now: () => clock.now };
  const a: PrivacyKit = isolatedStore(minimalConfig, options);
  const b: PrivacyKit = isolatedStore(minimalConfig, options);
  a.rejectAll();
  await waitUntil(() => b.getConsent() !== null);
  clock.now += 1000;
  return { a, b, clock, cookies };
}

/** What each tab and the cookie hold once the messages have arrived. */
async function settled(a: PrivacyKit, b: PrivacyKit, cookies: ReturnType<typeof memoryStorage>) {
  // Messages between the two arrive within a few tasks; give them room, then read.
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  return {
    a: a.isGranted('analytics'),
    b: b.isGranted('analytics'),
    aAsks: a.needsDecision(),
    bAsks: b.needsDecision(),
    cookie: cookies.read()?.includes('analytics:1') ?? null,
  };
}

/** Both tabs run analytics and the cookie says so. */
const ACCEPTED_EVERYWHERE = { a: true, b: true, aAsks: false, bAsks: false, cookie: true };
/** Both tabs ask again, and there is no cookie. */
const ASKED_EVERYWHERE = { a: false, b: false, aAsks: true, bAsks: true, cookie: null };

describe('cross-tab sync: a reset and a decision crossing', () => {
  afterEach(destroyStores);

  it('a reset made after an acceptance in the other tab wins in both tabs', async () => {
    const { a, b, clock, cookies } = await twoTabsWithRefusal();
    b.acceptAll();
    clock.now += 5;
    a.reset(); // before the acceptance reached this tab
    expect(await settled(a, b, cookies)).to.deep.equal(ASKED_EVERYWHERE);
  });

  it('an acceptance made after a reset in the other tab wins in both tabs, and stays in the cookie', async () => {
    const { a, b, clock, cookies } = await twoTabsWithRefusal();
    a.reset();
    clock.now += 5;
    b.acceptAll(); // before the reset reached this tab
    expect(await settled(a, b, cookies)).to.deep.equal(ACCEPTED_EVERYWHERE);
  });

  it('a reset and an acceptance in the same millisecond: the acceptance, in both tabs', async () => {
    const { a, b, cookies } = await twoTabsWithRefusal();
    a.reset();
    b.acceptAll();
    expect(await settled(a, b, cookies)).to.deep.equal(ACCEPTED_EVERYWHERE);
  });

  it('a decision after a reset reaches the other tab also when the clock stepped back meanwhile', async () => {
    const { a, b, clock, cookies } = await twoTabsWithRefusal();
    a.reset();
    await waitUntil(() => b.needsDecision());
    clock.now -= 60_000; // the system clock is corrected by a minute
    a.acceptAll();
    expect(await settled(a, b, cookies)).to.deep.equal(ACCEPTED_EVERYWHERE);
  });
});

describe('cross-tab sync: a tab still holding a decision made under a fast clock', () => {
  afterEach(destroyStores);

  it('takes the decision made after the clock was put right, and its own next one is readable', async () => {
    const real = 1_764_500_000_000;
    const clock = { now: real + 3 * 365 * 864e5 }; // three years fast
    const cookies = memoryStorage();
    const options = { cookies, BroadcastChannel, now: () => clock.now };
    const a = isolatedStore(minimalConfig, options);
    a.acceptAll(); // tab A decides while the clock runs fast, and stays open
    clock.now = real;
    const b = isolatedStore(minimalConfig, options);
    expect(b.needsDecisionReason()).to.equal('invalid');
    b.rejectAll(); // the visitor answers the banner in a new tab
    await waitUntil(() => !a.isGranted('analytics'));
    const reload = () => isolatedStore(minimalConfig, { cookies, now: () => clock.now });
    expect(reload().needsDecisionReason()).to.equal(null);
    expect(reload().isGranted('analytics')).to.equal(false);
    // A later choice in tab A is dated now, and reads back.
    clock.now += 1000;
    a.update({ categories: { analytics: true } });
    expect(reload().needsDecisionReason()).to.equal(null);
    expect(reload().isGranted('analytics')).to.equal(true);
  });
});
