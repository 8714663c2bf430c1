// A React search of its own over the index, with createSearch: each keystroke aborts the
// search before it, and results are rendered as text by React.
import { createSearch } from 'helpdex';
import { useEffect, useMemo, useState } from 'react';

export function Answers() {
  const search = useMemo(() => createSearch({ base: '/search/' }), []);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState([]);

  useEffect(() => {
    if (!query.trim()) return setResults([]);
    const controller = new AbortController();
    search
      .then((hx) => hx.search(query, { limit: 3, signal: controller.signal }))
      .then(setResults, (error) => error.name === 'AbortError' || console.error(error));
    return () => controller.abort();
  }, [search, query]);

  return (
    <section aria-label="Quick answers">
      <h2>Quick answers</h2>
      <input aria-label="Ask a question" value={query} onChange={(event) => setQuery(event.target.value)} />
      <ol className="answers">
        {results.map((r) => (
          <li key={r.id}>
            <a href={r.anchor ? `${r.url}#${r.anchor}` : r.url}>{r.title}</a>
            <p>{r.excerpt.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
