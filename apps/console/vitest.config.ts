import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Component tests (Vitest + Testing Library) of the console's screens, in a simulated DOM (happy-dom). They run
// with the root's `npm test` (`test:console`); the browser suites under test/console drive the real Chromium.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      root: new URL('.', import.meta.url).pathname,
      include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
      environment: 'happy-dom',
      setupFiles: ['src/test-support/setup.ts'],
      restoreMocks: true,
    },
  }),
);
