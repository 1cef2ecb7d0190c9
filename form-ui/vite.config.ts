import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Two pages: the public form and the back office. The back office is its own entry, so none of its code
    // (or the facilitators' screens) ever reaches a patient's phone.
    rollupOptions: {
      input: {
        form: fileURLToPath(new URL('./index.html', import.meta.url)),
        backoffice: fileURLToPath(new URL('./backoffice.html', import.meta.url)),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
