import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Mailer } from '../mail/mailer.js';

export interface LazyMailer extends Mailer {
  /** Closes whatever the first mail started, once the mail written to the folder is on disk. */
  stop(): Promise<void>;
}

/**
 * The command line's mailer: most commands send nothing, so nothing is started until the first mail.
 * Then it is the server's: the SMTP server of SMTP_URL or, without one, the development sink that
 * writes each mail to a file under the data folder (as src/bootstrap.ts does for the server).
 */
export function lazyMailer(config: Config, logger: Logger): LazyMailer {
  let started: Promise<{ mailer: Mailer; stop(): Promise<void> }> | null = null;
  const start = async () => {
    const { createSmtpMailer } = await import('../mail/mailer.js');
    if (config.smtpUrl) {
      const mailer = createSmtpMailer(config.smtpUrl, config.mailFrom);
      return { mailer, stop: async () => mailer.close() };
    }
    const [{ startSmtpSink }, { mailFolderWriter }] = await Promise.all([import('../mail/smtp-sink.js'), import('../mail/mail-folder.js')]);
    // The log says only that a mail was written, never to whom or what.
    const folder = mailFolderWriter(config.dataDir);
    const writing = new Set<Promise<void>>();
    const sink = await startSmtpSink((mail) => {
      const write = folder.write(mail).then(
        () => logger.info({ folder: folder.folder }, 'mail written to the development mail folder'),
        () => logger.warn('the development mail sink could not write a mail'),
      );
      writing.add(write);
      void write.finally(() => writing.delete(write));
    });
    const mailer = createSmtpMailer(sink.url, config.mailFrom);
    return {
      mailer,
      async stop() {
        mailer.close();
        await Promise.all(writing);
        await sink.close();
      },
    };
  };
  return {
    async send(mail) {
      await (await (started ??= start())).mailer.send(mail);
    },
    // boot()'s close calls this; stop() does the closing.
    close() {},
    async stop() {
      await started?.then(
        (running) => running.stop(),
        () => undefined,
      );
    },
  };
}
