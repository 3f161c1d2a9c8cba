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
        // antd and echarts change rarely; separate chunks keep the app's own chunk small and cacheable.
        manualChunks: { antd: ['antd', '@ant-design/icons'], echarts: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
