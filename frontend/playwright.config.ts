import { defineConfig } from '@playwright/test';

/**
 * Chromium end-to-end tests against the real local stack (moto + local API serving dist/), started by
 * FrontendE2EIT during `./dev test`, which passes the URL in PRACTICECAL_BASE_URL. Debian's chromium, no
 * browser download. Artifacts (screenshots, traces of failures) go to ../target/e2e (gitignored).
 */
const baseURL = process.env.PRACTICECAL_BASE_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../target/e2e/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['junit', { outputFile: '../target/e2e/junit.xml' }]],
  use: {
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1366, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=de-DE'],
    },
  },
});
