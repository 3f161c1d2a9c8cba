import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The server serves target/dist from the jar's static/ folder; in development Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // ECharts in its own chunk, loaded by the first chart (sign-in and lists never need it).
        manualChunks: { echarts: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'] },
      },
    },
  },
  server: {
    // STRATA_API points the dev server at a server on another port, e.g. STRATA_API=http://localhost:18080.
    proxy: { '/api': process.env.STRATA_API ?? 'http://localhost:8080' },
  },
  test: {
    include: ['src/**/*.test.ts', 'e2e/*.test.mjs'],
    environment: 'node',
  },
});
