import { useEffect, useState } from 'react';

/** What the gateway says about the platform's health, as far as the browser can tell. */
export type SystemStatus = 'checking' | 'up' | 'down' | 'unreachable';

export const HEALTH_URL = '/actuator/health';

/** Reads a Spring Boot health answer: `{"status":"UP"}` with 200, anything else (503 DOWN, …) means down. */
export async function fetchSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  let response: Response;
  try {
    response = await fetch(HEALTH_URL, { headers: { Accept: 'application/json' }, signal });
  } catch {
    return 'unreachable';
  }
  const body: unknown = await response.json().catch(() => undefined);
  const reported =
    typeof body === 'object' && body !== null && 'status' in body && typeof body.status === 'string'
      ? body.status
      : undefined;
  if (response.ok && reported === 'UP') return 'up';
  // A dev-server proxy error or an HTML page is not a health report: the gateway itself did not answer.
  if (reported !== undefined || response.status === 503) return 'down';
  return 'unreachable';
}

/** Asks the gateway once when the component mounts. */
export function useSystemStatus(): SystemStatus {
  const [status, setStatus] = useState<SystemStatus>('checking');
  useEffect(() => {
    const controller = new AbortController();
    fetchSystemStatus(controller.signal).then((next) => {
      if (!controller.signal.aborted) setStatus(next);
    });
    return () => controller.abort();
  }, []);
  return status;
}
