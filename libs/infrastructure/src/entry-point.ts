import { AppConfig, ConfigError, loadConfig, redactUrl } from '@app/config';

/**
 * The configuration, or exit 1 with its one-line message on stderr: a person fixing an
 * environment variable needs the variable's name, not a stack trace.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Ends a process whose start-up failed with one line on stderr. */
export function exitOnStartupFailure(program: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(`${program} failed to start: ${describeFailure(error)}\n`);
    process.exit(1);
  };
}

/** The error's name and first message line, with any URL password hidden. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const line = error.message.split('\n')[0] ?? '';
  return `${error.name}: ${line.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) => redactUrl(url))}`;
}
