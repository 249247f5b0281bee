import { isMethodName, parseInput, type Envelope, type FolioApi } from './contract';
import { fromErrorPayload, toErrorPayload } from './errors';

/**
 * Runs one untrusted call against a service: checks the method name, validates the input with
 * the contract's schema, and wraps the outcome in an {@link Envelope}. Both transports (IPC and
 * HTTP) call this, so validation and error shaping happen in exactly one place.
 */
export async function dispatch(api: FolioApi, method: string, input: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No such method: ${method}` } };
  }
  const parsed = parseInput(method, input);
  if (!parsed.ok) {
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: parsed.message } };
  }
  try {
    const call = api[method] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await call.call(api, parsed.value) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}

/** Unwraps an {@link Envelope} on the client side, rethrowing errors as `FolioError`. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw fromErrorPayload(envelope.error);
}
