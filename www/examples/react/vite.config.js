// The help center's pages are index.html (the React app) and the articles in articles/.
// helpdex/vite indexes the articles: on `vite build` from the built site, into dist/search/;
// in `vite dev` from the source pages, served fresh at /search/.
import { readdirSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import helpdex from 'helpdex/vite';
import { defineConfig } from 'vite';

const articles = readdirSync('articles').filter((name) => name.endsWith('.html'));

export default defineConfig({
  plugins: [react(), helpdex({ include: ['articles/**'] })],
  build: {
    rolldownOptions: {
      input: ['index.html', ...articles.map((name) => `articles/${name}`)],
    },
  },
});
