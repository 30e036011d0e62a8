// Outgoing mail: `.eml` files in an outbox directory by default (nothing leaves the machine), or
// SMTP when SMTP_URL is set. Both go through nodemailer, so the outbox holds exactly the message
// that SMTP would have sent.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** A message to send: plain text, optional simple HTML, optional extra headers. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends mail; rejects when the message could not be handed over. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** How long the SMTP client waits, in milliseconds. */
export interface SmtpTimeouts {
  /** To connect (DNS lookup included). */
  readonly connectionMs: number;
  /** For the server's greeting once connected. */
  readonly greetingMs: number;
  /** For any answer on an open connection. */
  readonly socketMs: number;
}

/**
 * nodemailer's own defaults are 2 minutes to connect, 30 s for the greeting and 10 minutes of
 * silence, and a subscribe request waits for its mail: a hanging SMTP server would hold requests
 * (and their sockets) for minutes. These bound a send to well under a minute; a failed send
 * answers 503 with Retry-After, so the visitor can try again.
 */
export const SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 20_000 };

/** Where mail goes. */
export interface MailerOptions {
  readonly from: string;
  readonly smtpUrl?: string | undefined;
  readonly outboxDir: string;
  /** Defaults to SMTP_TIMEOUTS. */
  readonly timeouts?: Partial<SmtpTimeouts>;
}

/** Creates the SMTP mailer when `smtpUrl` is set, else the outbox mailer. */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl !== undefined) {
    const timeouts = { ...SMTP_TIMEOUTS, ...options.timeouts };
    const transport = nodemailer.createTransport({
      url: options.smtpUrl,
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
    });
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      await mkdir(options.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      // Written under a temporary name, then renamed: a reader never sees half a message.
      const partial = join(options.outboxDir, `.${name}.partial`);
      await writeFile(partial, info.message as Buffer);
      await rename(partial, join(options.outboxDir, name));
    },
    close: () => transport.close(),
  };
}
