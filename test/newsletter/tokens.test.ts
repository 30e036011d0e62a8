/**
 * Which token `<privacy-newsletter>` acts on when more than one is offered, and what it forgets
 * when a link stops working: only the token that failed, never another kept one or a page's own
 * storage.
 */
import { expect } from '@open-wc/testing';
import { FakeNewsletterServer } from './fake-server.js';
import { $, confirmLink, mount, reach, restoreAddressAndTabAfterEach, text } from './helpers.js';

const TAB_KEY = 'privacy-newsletter-token';

restoreAddressAndTabAfterEach();

describe('<privacy-newsletter> with a token both as an attribute and in the page address', () => {
  it("acts on the attribute's token and action, not the address's", async () => {
    const server = new FakeNewsletterServer();
    const fromAttribute = server.addSubscriber('jan@example.org');
    const fromAddress = server.addSubscriber('piet@example.org');
    history.replaceState(null, '', `?token=${fromAddress}&action=unsubscribe`);
    const { el } = await mount({ server, token: fromAttribute, action: 'manage' });
    await reach(el, 'manage');
    expect(server.requestsTo('/preferences').map((r) => r.body.token)).to.deep.equal([fromAttribute]);
    expect(text(el, '[part="subscriber"]')).to.equal('Aangemeld met j***@example.org');
    // Neither address was unsubscribed: the address's action did not win either.
    expect(server.requestsTo('/unsubscribe')).to.have.length(0);
    expect(server.subscriber('piet@example.org')?.status).to.equal('confirmed');
    expect(server.subscriber('jan@example.org')?.status).to.equal('confirmed');
  });
});

describe('<privacy-newsletter> with the address token copied into the attribute', () => {
  it('still takes the token out of the address bar, as a page template that copies it there would expect', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    history.replaceState(null, '', `?page=2&token=${token}&action=manage#top`);
    const { el } = await mount({ server, token, action: 'manage' });
    await reach(el, 'manage');
    expect(location.search).to.equal('?page=2');
    expect(location.hash).to.equal('#top');
    // Out of the address, the tab keeps it (a reload finds it nowhere else).
    expect(sessionStorage.getItem(TAB_KEY)).to.equal(token);
  });
});

describe('<privacy-newsletter> reloaded after the address token was copied into the attribute', () => {
  it('still shows the settings: the token left the address, so the template has none to copy again', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    history.replaceState(null, '', `?token=${token}&action=manage`);
    const { el } = await mount({ server, token, action: 'manage' });
    await reach(el, 'manage');
    // The reload: the template reads the address again, which no longer holds the token.
    el.remove();
    expect(new URLSearchParams(location.search).get('token')).to.equal(null);
    const { el: reloaded } = await mount({ server });
    await reach(reloaded, 'manage');
    expect(text(reloaded, '[part="subscriber"]')).to.equal('Aangemeld met j***@example.org');
  });
});

describe('<privacy-newsletter> forgetting a token', () => {
  it("keeps this tab's manage token when a different token, given as an attribute, has expired", async () => {
    const server = new FakeNewsletterServer();
    const kept = server.addSubscriber('piet@example.org');
    sessionStorage.setItem(TAB_KEY, kept);
    sessionStorage.setItem('another-app', 'its own');
    const dead = server.addSubscriber('jan@example.org');
    server.expiredTokens.add(dead);
    const { el } = await mount({ server, token: dead });
    await reach(el, 'invalid-link');
    expect(sessionStorage.getItem(TAB_KEY)).to.equal(kept);
    expect(sessionStorage.getItem('another-app')).to.equal('its own');
    // A reload without the attribute still shows the kept subscription.
    el.remove();
    const { el: reloaded } = await mount({ server });
    await reach(reloaded, 'manage');
    expect(text(reloaded, '[part="subscriber"]')).to.equal('Aangemeld met p***@example.org');
  });

  it("keeps this tab's manage token when an old confirmation link from the address turns out dead", async () => {
    const server = new FakeNewsletterServer();
    const kept = server.addSubscriber('piet@example.org');
    sessionStorage.setItem(TAB_KEY, kept);
    const stale = server.addPending('jan@example.org');
    server.expiredTokens.add(stale);
    history.replaceState(null, '', `?token=${stale}&action=confirm`);
    const { el } = await mount({ server });
    await confirmLink(el);
    await reach(el, 'invalid-link');
    expect(sessionStorage.getItem(TAB_KEY)).to.equal(kept);
  });

  it('forgets a kept token that stopped working, and nothing else the page stored', async () => {
    const server = new FakeNewsletterServer();
    sessionStorage.setItem(TAB_KEY, 'manage-revoked');
    sessionStorage.setItem('another-app', 'its own');
    const { el } = await mount({ server });
    await reach(el, 'invalid-link');
    expect(sessionStorage.getItem(TAB_KEY)).to.equal(null);
    expect(sessionStorage.getItem('another-app')).to.equal('its own');
  });

  it('"subscribe again" forgets the kept token and nothing else the page stored', async () => {
    const server = new FakeNewsletterServer();
    const kept = server.addSubscriber('jan@example.org', { status: 'unsubscribed' });
    sessionStorage.setItem(TAB_KEY, kept);
    sessionStorage.setItem('another-app', 'its own');
    const { el } = await mount({ server });
    await reach(el, 'unsubscribed');
    $(el, '[part="resubscribe-button"]').click();
    await reach(el, 'subscribe');
    expect(sessionStorage.getItem(TAB_KEY)).to.equal(null);
    expect(sessionStorage.getItem('another-app')).to.equal('its own');
  });
});
