/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const backend = 'http://localhost:8080'

// Spring Boot serves everything under META-INF/resources at "/", so the build
// writes straight into Maven's target/classes and ends up inside the jar.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      // GET /login is the SPA route; only the form POST goes to the server.
      '/login': {
        target: backend,
        changeOrigin: false,
        bypass: (req) => (req.method === 'POST' ? undefined : '/index.html'),
      },
      '/logout': { target: backend, changeOrigin: false },
      '/v3': { target: backend, changeOrigin: false },
      '/actuator': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'target/classes/META-INF/resources',
    assetsDir: 'assets',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.spec.ts'],
    css: false,
    server: {
      deps: {
        inline: ['element-plus'],
      },
    },
  },
})
