// The site's address in mail links when PUBLIC_URL is not set: where this process actually
// listens. Reading it from the socket (not the PORT setting) keeps links right with PORT=0.
import type { AddressInfo } from 'node:net';

const LOCAL_HOSTS = new Set(['0.0.0.0', '::', '::1', 'localhost']);
/** Addresses that listen on every interface: the server is meant to be reached from elsewhere. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

/**
 * The start-up warning when mail links cannot be right: listening on every interface (a
 * container, behind a proxy) without PUBLIC_URL, links say `http://localhost:<port>`, which works
 * only on this machine. (With SMTP_URL the configuration refuses this outright.)
 */
export function publicUrlWarning(config: {
  host: string;
  publicUrl: string | undefined;
}): string | undefined {
  if (config.publicUrl !== undefined || !WILDCARD_HOSTS.has(config.host)) return undefined;
  return `HOST=${config.host} without PUBLIC_URL: links in newsletter mails point to http://localhost, which works only on this machine; set PUBLIC_URL to the site's address (e.g. https://www.example.org).`;
}

/**
 * `http://localhost:<port>` for a loopback or wildcard address — browsers treat localhost as a
 * secure context, and the demo's visitor opens that name, so its cookies apply to the link —
 * else `http://<host>:<port>`. `address` is `server.address()`; null (not listening yet) falls
 * back to the configured port.
 */
export function listeningUrl(address: AddressInfo | string | null, host: string, port: number): string {
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const local = LOCAL_HOSTS.has(host) || /^127\./.test(host);
  const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${actualPort}`;
}
