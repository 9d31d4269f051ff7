import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { SCREENSHOTS_DIR } from './paths';

/**
 * Before any browser starts: yesterday's screenshots go (each run shows only what this build drew), and a missing
 * browser or an unreachable system fails at once with a sentence saying which, instead of in every test.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });

  const project = config.projects[0];
  const executable = project?.use.launchOptions?.executablePath;
  if (executable && !existsSync(executable)) {
    throw new Error(
      `No browser at ${executable}: install Debian's chromium (apt-get install chromium; .ci/run does) ` +
        'or point HITTER_E2E_CHROMIUM at a Chromium binary.',
    );
  }
  if (!hasAKoreanFont()) {
    throw new Error(
      'No Korean font for Chromium: the Korean screenshots would show empty boxes. ' +
        'Install one (apt-get install fonts-nanum; .ci/run does).',
    );
  }
  const baseURL = project?.use.baseURL;
  if (!baseURL) throw new Error('No baseURL: set HITTER_E2E_BASE_URL to the gateway, e.g. http://127.0.0.1:8080');
  let health: Response;
  try {
    health = await fetch(new URL('/actuator/health', baseURL), { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new Error(`The system at ${baseURL} does not answer (${String(error)}): start it with ./hitter run first.`);
  }
  if (health.status !== 200) {
    throw new Error(`The system at ${baseURL} is not ready (health ${health.status}): wait for ./hitter run.`);
  }
}

/** Chromium draws with fontconfig's fonts; where there is no fontconfig to ask, assume the system has its own. */
function hasAKoreanFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return true;
  }
}
