import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./free-port.js";

/**
 * A real SMTP receiver on 127.0.0.1 (the `smtp-server` package) for tests that read what the app
 * delivered. `refuse` makes it answer every recipient with that code: 4xx (try later) or 5xx (no
 * such mailbox).
 */
export interface SmtpReceiver {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** recipients refused so far (each refused attempt counts) */
  refusals: number;
  refuse(code: number | null): void;
  /** the delivered messages to this address */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const port = await freePort();
  let refuseWith: number | null = null;
  const receiver: SmtpReceiver = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages: [],
    refusals: 0,
    refuse(code) {
      refuseWith = code;
    },
    to(address) {
      const a = address.toLowerCase();
      return receiver.messages.filter((m) =>
        (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((t) => t.value.some((v) => v.address?.toLowerCase() === a)),
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuseWith !== null) {
        receiver.refusals++;
        const error = new Error(refuseWith >= 500 ? "No such mailbox here" : "Try again later") as Error & { responseCode: number };
        error.responseCode = refuseWith;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          receiver.messages.push(mail);
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return receiver;
}
