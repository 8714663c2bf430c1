// GitHub-style heading anchors, the same rules as crates/ingest/src/slug.rs (github-slugger),
// so the anchors in search results exist on the demo's pages.

/** The slug of a heading's text, without de-duplication. */
function slugify(text) {
  let out = '';
  for (const c of text.trim()) {
    if (c === ' ') out += '-';
    else if (c === '-' || c === '_' || /[\p{Alphabetic}\p{N}]/u.test(c)) out += c.toLowerCase();
  }
  return out;
}

/** Hands out anchors for one page, never the same one twice. */
export class Slugger {
  #seen = new Map();

  slug(text) {
    const base = slugify(text);
    let anchor = base;
    while (this.#seen.has(anchor)) {
      const count = (this.#seen.get(base) ?? 0) + 1;
      this.#seen.set(base, count);
      anchor = `${base}-${count}`;
    }
    this.#seen.set(anchor, 0);
    return anchor;
  }

  /** An explicit `{#id}`: later slugs must not collide with it. */
  claim(id) {
    if (!this.#seen.has(id)) this.#seen.set(id, 0);
  }
}
