// What makes a run incomplete: an engine that failed, or a metric that is
// missing or not a finite number; for helpdex also a hostile query it could not
// finish or that made it throw. Smoke runs fail on any of these.

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

function check(found, where, value, path) {
  const v = path.split('.').reduce((o, key) => o?.[key], value);
  if (!isNumber(v)) found.push(`${where}: ${path} is ${v === undefined ? 'missing' : v}`);
}

export function problems(results) {
  const found = [];
  const engines = new Map(results.engines.map((e) => [e.name, e]));
  for (const run of results.runs) {
    const where = `${run.corpus}/${run.engine}`;
    if (run.status === 'not attempted') continue;
    if (run.status !== 'ok') {
      found.push(`${where}: ${run.reason}`);
      continue;
    }
    const engine = engines.get(run.engine);
    if (run.browserUnavailable) found.push(`${where}: no browser measurements: ${run.browserUnavailable}`);
    for (const path of ['build.wallMs.median', 'build.peakRss.median', 'index.raw', 'index.gzip', 'index.brotli']) check(found, where, run, path);
    for (const kind of Object.keys(run.relevance?.byKind ?? {})) {
      for (const metric of ['mrr', 'recall', 'ndcg']) check(found, where, run, `relevance.byKind.${kind}.${metric}`);
    }
    if (!run.relevance?.byKind?.all) found.push(`${where}: no relevance results`);
    const inBrowser = engine.browser && !run.browserUnavailable;
    const envs = [engine.node && 'node', inBrowser && 'browser'].filter(Boolean);
    for (const env of envs) {
      for (const path of ['latency.p50.median', 'latency.p95.median']) check(found, where, run, `${env}.${path}`);
      if (run[env]?.errors?.count) found.push(`${where}: ${run[env].errors.count} search errors in ${env}, e.g. ${run[env].errors.samples[0]}`);
    }
    if (inBrowser) {
      for (const path of ['firstResultMs', 'transfer.library.sent', 'transfer.index.sent']) check(found, where, run, `browser.${path}`);
      if (run.browser?.pageErrors?.length) found.push(`${where}: page errors: ${run.browser.pageErrors[0]}`);
    }
    if (run.engine === 'helpdex') {
      for (const env of envs) {
        const h = run.hostile?.[env];
        if (h?.failed) found.push(`${where}: hostile queries in ${env}: ${h.failed}`);
        else check(found, where, run, `hostile.${env}.worstMs`);
        for (const name of h?.unfinished ?? []) found.push(`${where}: hostile query ${name} still running in ${env} after ${h.capMs} ms`);
        for (const e of h?.errors ?? []) found.push(`${where}: hostile query threw in ${env}: ${e}`);
      }
    }
  }
  return found;
}
