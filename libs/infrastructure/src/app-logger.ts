import { ConsoleLogger, LogLevel as NestLogLevel } from '@nestjs/common';
import { LogLevel } from '@app/config';

const NEST_LEVELS: Record<LogLevel, NestLogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/**
 * Nest's own start-up narration: one line per module and per route (about 200 lines), which
 * buried the URL and the first admin's set-up link. It is detail for debugging, so it is
 * printed at LOG_LEVEL=debug only.
 */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
  'NestMicroservice',
]);

/** Our processes' logger: LOG_LEVEL decides what is printed; the framework's chatter is debug. */
export class AppLogger extends ConsoleLogger {
  constructor(private readonly level: LogLevel) {
    super({ logLevels: NEST_LEVELS[level] });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (this.level !== 'debug' && typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) {
      return;
    }
    super.log(message, ...rest);
  }
}
