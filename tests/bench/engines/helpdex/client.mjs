// helpdex in the browser through its npm package as a site serves it (www/dist, files side by
// side) and its public API with the package defaults: createSearch({ base }) runs the engine in
// the package's Web Worker, which fetches the manifest, the wasm module and the index files a
// query needs. Ids only; the package also builds each result's excerpt.
export async function open(env) {
  const { createSearch } = await import(`${env.libraryUrl}helpdex.js`);
  const hx = await createSearch({ base: env.baseUrl });
  return { search: async (q, limit) => (await hx.search(q, { limit })).map((r) => r.id) };
}
