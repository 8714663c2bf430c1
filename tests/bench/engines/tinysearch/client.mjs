// tinysearch in the browser: the wasm module its `--mode wasm` build produces
// (index embedded) driven by its own JS loader class. One change: the loader
// has no allocator export and grows wasm memory by a fresh 64 KiB page for every
// query string it passes in, so a few thousand keystrokes exhaust memory; this
// subclass reuses one such region, which is what a site typing-as-you-go needs.
export async function open(env) {
  const { TinySearch } = await env.importModule('tinysearch_engine.js');
  const { instance } = await WebAssembly.instantiate(await env.fetchBytes('tinysearch_engine.wasm'));

  class ReusingTinySearch extends TinySearch {
    allocString(len) {
      if (!this.scratch || this.scratchLength < len) {
        this.scratch = super.allocString(len);
        this.scratchLength = len;
      }
      return this.scratch;
    }
  }

  const engine = new ReusingTinySearch(instance);
  return { search: (q, limit) => engine.search(q, limit).map((post) => post.url) };
}
