import { defineConfig } from '@playwright/test';
import { DESKTOP, PHONE } from './e2e/support/sizes';

/**
 * Browser tests against the real system: the gateway at HITTER_E2E_BASE_URL (BrowserEndToEndIT in the gateway
 * starts `./hitter run` and sets it; by hand, point it at your own run). Debian's Chromium drives them — Playwright
 * never downloads a browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 *
 * Two projects, but not everything twice: the two cores also run the whole system. `desktop` runs every spec;
 * `phone` runs only tests tagged `@phone` (what only a touch screen at phone width shows, such as a menu that
 * folds away). Screenshots at both widths come from `screenshotEveryLocale` (e2e/support), which shoots each
 * screen at desktop and phone width in Korean and English from the desktop journey.
 */
const baseURL = process.env.HITTER_E2E_BASE_URL ?? 'http://localhost:8080';

// Flags that let Debian's Chromium run headless as root in a container without a GPU, and keep it off the network
// (see FACTS.md).
const chromium = {
  executablePath: process.env.HITTER_E2E_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'target/playwright-results',
  globalSetup: './e2e/support/global-setup.ts',
  // One system shared by every test, on two cores: one browser at a time keeps timings honest.
  workers: Number(process.env.HITTER_E2E_WORKERS ?? 1),
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // A real analysis runs inside some tests; the system under test shares the machine.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: 'target/playwright-report', open: 'never' }]],
  use: {
    baseURL,
    launchOptions: chromium,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'desktop',
      use: { browserName: 'chromium', viewport: DESKTOP },
    },
    {
      name: 'phone',
      grep: /@phone/,
      use: {
        browserName: 'chromium',
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
});
