// Recent searches, kept in localStorage per index. Storage can be disabled or full (private
// windows, sandboxed frames): then there simply are no recent searches.

const KEEP = 5;

export class RecentSearches {
  /** @param {string} base the index folder: each index keeps its own list */
  constructor(base) {
    this.key = `helpdex:recent:${base}`;
  }

  /** @returns {string[]} */
  list() {
    try {
      const v = JSON.parse(localStorage.getItem(this.key) ?? '[]');
      return Array.isArray(v) ? v.filter((q) => typeof q === 'string').slice(0, KEEP) : [];
    } catch {
      return [];
    }
  }

  add(query) {
    const q = query.trim();
    if (q) this.#save([q, ...this.list().filter((x) => x !== q)].slice(0, KEEP));
  }

  clear() {
    this.#save([]);
  }

  #save(list) {
    try {
      if (list.length) localStorage.setItem(this.key, JSON.stringify(list));
      else localStorage.removeItem(this.key);
    } catch {
      // Not stored: the list is a convenience.
    }
  }
}
