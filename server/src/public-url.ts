// The site's address in mail links when PUBLIC_URL is not set: where this process actually
// listens. Reading it from the socket (not the PORT setting) keeps links right with PORT=0.
import type { AddressInfo } from 'node:net';

const LOCAL_HOSTS = new Set(['0.0.0.0', '::', '::1', 'localhost']);

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
