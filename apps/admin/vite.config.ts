import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // antd changes less often than our screens: a chunk of its own stays in the browser cache.
        codeSplitting: {
          groups: [{ name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component)/ }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
