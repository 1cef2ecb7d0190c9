import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** JSON logs. Bodies, headers and addresses are never logged; the redact list is a second line of defence. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'medskapa' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers', 'req.body', 'body', '*.story', '*.followUp', '*.email', '*.phone', '*.name', 'ip', '*.ip'],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
