/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves everything on :8080; in development Vite serves the SPA and forwards the rest there.
const gateway = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    // Straight into the jar's classpath:/static/, which the gateway serves at "/".
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': gateway,
      '/actuator': gateway,
      '/v3': gateway,
      '/swagger-ui': gateway,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
