import { ensureChromium } from './chromium.js';

/** First step of `pnpm test`: stop at once, before the long suites, when the browser tests cannot run. */
try {
  console.log(`Browser tests will use ${ensureChromium()}`);
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}
