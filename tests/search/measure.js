'use strict';
// Measures the search of a site with a page for every commune (the sample
// content with [communes] pages = "all"): bytes fetched, gzip-compressed,
// before the first results of a query, cold cache; the same for Pagefind
// (npm package pagefind) run on the same built site; and the time from a
// keystroke to the results in the page, in Chromium, shards cached and
// cold from localhost. See README.md, section Search.
//
//   node measure.js [--json] [--runs N] [--no-pagefind] [query ...]
//
// --no-pagefind measures ours only (Pagefind takes minutes to index).
//
// Environment: MEASURE_SITE_DIR reuses a built site (with its pagefind/
// folder if there is one); PAGEFIND names a pagefind binary (otherwise
// npm installs pagefind@PAGEFIND_VERSION into a temporary folder);
// CHROMIUM names the browser.

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { chromium } = require('playwright-core');
const { serve } = require('./server');
const { CHROMIUM, CHROMIUM_ARGS, run, tmpdir, buildSite, allCommunesSite } = require('./lib');

const PAGEFIND_VERSION = '1.6.0';
const DEFAULT_QUERIES = ['lunel', 'st laurent aigouze', 'montpellier', 'lion d angers', '34400', 'saint martin'];
const SHOWN = 10; // results search.js shows; Pagefind is asked for as many

function parseArgs(argv) {
  const out = { json: false, runs: 15, pagefind: true, queries: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') out.json = true;
    else if (argv[i] === '--no-pagefind') out.pagefind = false;
    else if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else out.queries.push(argv[i]);
  }
  if (out.queries.length === 0) out.queries = DEFAULT_QUERIES;
  return out;
}

function log(...args) { console.error('#', ...args); }

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

// folderSize returns the raw and gzip (level 9) size of a folder's files.
function folderSize(dir) {
  let raw = 0;
  let gz = 0;
  let files = 0;
  for (const f of walk(dir)) {
    const data = fs.readFileSync(f);
    raw += data.length;
    gz += /\.(json|js|css|html)$/.test(f) ? zlib.gzipSync(data, { level: 9 }).length : data.length;
    files++;
  }
  return { files, raw, gz };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function pagefindBinary() {
  if (process.env.PAGEFIND) return process.env.PAGEFIND;
  const prefix = tmpdir('cpts-pagefind-');
  run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `pagefind@${PAGEFIND_VERSION}`]);
  return path.join(prefix, 'node_modules', '.bin', 'pagefind');
}

// sentSince sums the bytes the server sent for paths matching re (and in
// only, if given) since a snapshot of its counters.
function sentSince(sent, before, re, only) {
  let n = 0;
  const files = [];
  for (const [p, bytes] of sent) {
    const d = bytes - (before.get(p) || 0);
    if (d > 0 && re.test(p) && (!only || only.includes(p))) { n += d; files.push(p); }
  }
  return { bytes: n, files };
}

// In the page: set the input to q as one input event and resolve to the
// milliseconds until the first results shown (first: true) or the final
// ones, with the index files received by then.
async function timeQuery(page, q, { first = false } = {}) {
  return page.evaluate(({ q, first }) => new Promise((resolve) => {
    const form = document.querySelector('form[data-index]');
    const input = form.querySelector('input');
    const t0 = performance.now();
    form.addEventListener('cpts-search', function on(e) {
      if (e.detail.query !== q || !(e.detail.final || (first && e.detail.count > 0))) return;
      form.removeEventListener('cpts-search', on);
      const now = performance.now();
      // The index files received before these results.
      const files = performance.getEntriesByType('resource')
        .filter((r) => r.responseEnd > 0 && r.responseEnd <= now)
        .map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/search/'));
      resolve({ ms: now - t0, count: e.detail.count, files });
    });
    input.focus();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }), { q, first });
}

async function newPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(url, { waitUntil: 'load' });
  return { context, page };
}

async function ours(browser, site, q, runs) {
  // Cold: a fresh browser context, the home page loaded, then the query
  // pasted (one input event).
  let before = new Map(site.sent);
  let { context, page } = await newPage(browser, site.origin + '/');
  const client = sentSince(site.sent, before, /^\/js\/search\./);
  before = new Map(site.sent);
  const cold = await timeQuery(page, q, { first: true });
  const coldBytes = sentSince(site.sent, before, /^\/search\//, cold.files);
  const top = await page.$eval('#recherche-resultats [role="option"]', (e) => e.textContent).catch(() => '');
  // Cached: the shards are in memory; the time from the last keystroke.
  const warm = [];
  for (let i = 0; i < runs; i++) {
    await timeQuery(page, q.slice(0, -1));
    warm.push((await timeQuery(page, q)).ms);
  }
  await context.close();
  // Typed letter by letter, cold: every prefix fetches what it needs.
  ({ context, page } = await newPage(browser, site.origin + '/'));
  before = new Map(site.sent);
  const done = page.evaluate((q) => new Promise((resolve) => {
    const form = document.querySelector('form[data-index]');
    form.addEventListener('cpts-search', (e) => { if (e.detail.final && e.detail.query === q) resolve(); });
  }), q);
  await page.click('#recherche');
  await page.keyboard.type(q, { delay: 120 });
  await done;
  const typedBytes = sentSince(site.sent, before, /^\/search\//);
  await context.close();
  // Cold latency, repeated in fresh contexts.
  const colds = [cold.ms];
  for (let i = 1; i < Math.min(runs, 5); i++) {
    ({ context, page } = await newPage(browser, site.origin + '/'));
    colds.push((await timeQuery(page, q, { first: true })).ms);
    await context.close();
  }
  return {
    indexBytes: coldBytes.bytes, files: coldBytes.files, clientBytes: client.bytes, typedBytes: typedBytes.bytes,
    typedFiles: typedBytes.files.length, coldMs: median(colds), coldMaxMs: Math.max(...colds),
    warmMs: median(warm), warmMaxMs: Math.max(...warm), count: cold.count, top: top.replace(/\s+/g, ' ').trim(),
  };
}

async function pagefind(browser, site, q, runs) {
  const url = site.origin + '/__pagefind-probe.html';
  const { context, page } = await newPage(browser, url);
  const before = new Map(site.sent);
  const search = (q, n) => page.evaluate(async ({ q, n }) => {
    const t0 = performance.now();
    window.pf = window.pf || await import('/pagefind/pagefind.js');
    const s = await window.pf.search(q);
    const data = await Promise.all(s.results.slice(0, n).map((r) => r.data()));
    return { ms: performance.now() - t0, count: s.results.length, top: data.length ? data[0].meta.title : '' };
  }, { q, n });
  const cold = await search(q, SHOWN);
  const coldBytes = sentSince(site.sent, before, /^\/pagefind\//);
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push((await search(q, SHOWN)).ms);
  await context.close();
  // The first five results only, as Pagefind's own UI shows first.
  const five = await newPage(browser, url);
  const before5 = new Map(site.sent);
  await five.page.evaluate(async (q) => {
    const pf = await import('/pagefind/pagefind.js');
    const s = await pf.search(q);
    await Promise.all(s.results.slice(0, 5).map((r) => r.data()));
  }, q);
  const fiveBytes = sentSince(site.sent, before5, /^\/pagefind\//);
  await five.context.close();
  return {
    bytes: coldBytes.bytes, files: coldBytes.files, bytes5: fiveBytes.bytes, coldMs: cold.ms,
    warmMs: median(warm), count: cold.count, top: cold.top,
  };
}

function kb(n) { return (n / 1024).toFixed(1) + ' KB'; }

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let dist = process.env.MEASURE_SITE_DIR && path.resolve(process.env.MEASURE_SITE_DIR);
  if (!dist) {
    const src = allCommunesSite();
    dist = tmpdir('cpts-search-measure-');
    log(`building ${src} (pages = "all") into ${dist}`);
    const t0 = Date.now();
    buildSite(src, dist);
    log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  let pagefindSeconds = null;
  if (args.pagefind && !fs.existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
    const bin = pagefindBinary();
    log(`running ${bin} --site ${dist}`);
    const t0 = Date.now();
    run(bin, ['--site', dist]);
    pagefindSeconds = (Date.now() - t0) / 1000;
    log(`pagefind indexed the site in ${pagefindSeconds.toFixed(1)} s`);
  }
  const probe = path.join(tmpdir('cpts-pagefind-probe-'), 'probe.html');
  fs.writeFileSync(probe, '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>probe</title></head><body></body></html>');
  const site = await serve(dist, { extra: { '/__pagefind-probe.html': probe } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS });
  const rows = [];
  try {
    for (const q of args.queries) {
      log(`query ${JSON.stringify(q)}`);
      rows.push({ q, ours: await ours(browser, site, q, args.runs), pagefind: args.pagefind ? await pagefind(browser, site, q, args.runs) : null });
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const report = {
    site: dist,
    pages: walk(dist).filter((f) => f.endsWith('.html')).length,
    index: folderSize(path.join(dist, 'search')),
    pagefindIndex: args.pagefind ? folderSize(path.join(dist, 'pagefind')) : null,
    pagefindSeconds,
    queries: rows,
  };
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`Site: ${report.pages} pages (${dist})`);
  console.log(`Our index: ${report.index.files} files, ${kb(report.index.raw)} (${kb(report.index.gz)} gzip)`);
  if (args.pagefind) {
    console.log(`Pagefind index: ${report.pagefindIndex.files} files, ${kb(report.pagefindIndex.raw)}` +
      (pagefindSeconds ? `, built in ${pagefindSeconds.toFixed(1)} s` : ''));
  }
  console.log('');
  console.log('| query | ours: index bytes, cold | + search.js | typed letter by letter | Pagefind, 10 results (5) | ratio ours/Pagefind | ours: cold / cached ms | Pagefind: cold / cached ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const o = r.ours;
    const p = r.pagefind || { bytes: NaN, bytes5: NaN, coldMs: NaN, warmMs: NaN, count: 0, top: '' };
    console.log(`| ${r.q} | ${kb(o.indexBytes)} (${o.files.length} files) | ${kb(o.indexBytes + o.clientBytes)} | ${kb(o.typedBytes)} (${o.typedFiles} files) ` +
      `| ${kb(p.bytes)} (${kb(p.bytes5)}) | ${(o.indexBytes / p.bytes).toFixed(2)} (${((o.indexBytes + o.clientBytes) / p.bytes).toFixed(2)} with search.js) ` +
      `| ${o.coldMs.toFixed(0)} (max ${o.coldMaxMs.toFixed(0)}) / ${o.warmMs.toFixed(1)} (max ${o.warmMaxMs.toFixed(1)}) | ${p.coldMs.toFixed(0)} / ${p.warmMs.toFixed(1)} |`);
  }
  console.log('');
  for (const r of rows) console.log(`${r.q}: ours "${r.ours.top}" (${r.ours.count})` + (r.pagefind ? `; Pagefind "${r.pagefind.top}" (${r.pagefind.count})` : ''));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
