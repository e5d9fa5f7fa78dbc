/** One dependency's answer to a health check. */
export type ProbeResult =
  { status: 'up'; latencyMs: number } | { status: 'down'; latencyMs: number; error: string };

export const PROBE_TIMEOUT_MS = 2_000;

/** Runs `check` with a deadline; a failure becomes a short generic reason. */
export async function probe(
  check: () => Promise<unknown>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    await withDeadline(check, timeoutMs);
    return { status: 'up', latencyMs: latency() };
  } catch (error) {
    return { status: 'down', latencyMs: latency(), error: reasonOf(error) };
  }
}

/** `work`'s result, or a rejection once `timeoutMs` has passed. */
export async function withDeadline<T>(
  work: () => Promise<T>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

class ProbeTimeout extends Error {
  override readonly name = 'ProbeTimeout';
}

// Node's socket codes and PostgreSQL's SQLSTATEs. Driver messages are not passed on: they
// name hosts and users, and /health is public.
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ETIMEDOUT: 'timeout',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'host unreachable',
  '28P01': 'authentication failed',
  '28000': 'authentication failed',
  '3D000': 'database does not exist',
  '42P01': 'schema missing',
  '53300': 'too many connections',
  '57P01': 'server shutting down',
  '57P03': 'server starting up',
};

export function reasonOf(error: unknown): string {
  if (error instanceof ProbeTimeout) return 'timeout';
  const code = codeOf(error);
  if (code !== undefined && code in REASONS) return REASONS[code] as string;
  const message = error instanceof Error ? error.message : '';
  // ioredis gives these as reply messages, without a code.
  if (/^(NOAUTH|WRONGPASS)\b/.test(message)) return 'authentication failed';
  if (/timeout|timed out/i.test(message)) return 'timeout';
  if (/Connection is closed|Stream isn't writeable|connection terminated/i.test(message)) {
    return 'connection closed';
  }
  return 'unavailable';
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors } = error as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  // Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError.
  if (Array.isArray(errors)) return codeOf(errors[0]);
  return undefined;
}
