import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    // `npm run dev -w web` next to a running api: the browser talks to one origin.
    proxy: { '/api': `http://localhost:${process.env.PORT ?? '3000'}` },
  },
  build: {
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor|es-toolkit)/ },
          ],
        },
      },
    },
  },
});
