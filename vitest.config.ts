import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@hacluster/source'] },
  ssr: { resolve: { conditions: ['@hacluster/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
