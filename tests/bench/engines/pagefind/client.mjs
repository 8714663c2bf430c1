// Pagefind through its own browser bundle (pagefind.js + its wasm), default
// ranking. A result is usable once its fragment (url, title, excerpt) has loaded,
// so the top `limit` fragments are part of every search, as in Pagefind's UI.
export async function open(env) {
  const pagefind = await env.importModule('pagefind.js');
  await pagefind.init();
  return {
    async search(q, limit) {
      const response = await pagefind.search(q);
      if (!response?.results) return [];
      const data = await Promise.all(response.results.slice(0, limit).map((r) => r.data()));
      // Pagefind prefixes the record URL with the bundle's base path; the
      // record URL itself is the encoded article id (one path segment).
      return data.map((d) => decodeURIComponent(d.url.split('/').pop()));
    },
  };
}
