'use strict';
// Sites published under a sub-path (issue #10): the example sites of sites/
// are built from the sample content (a single CPTS at /pays-de-lunel/, a
// regional directory at /occitanie/) and served under that sub-path, beside
// nothing else. In Chromium, each page must load every sub-resource from the
// sub-path (a link or asset that ignored it would 404), log no error, keep
// its same-origin links under the sub-path, and the regional search must
// fetch its index and offer results under the sub-path too.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serve } = require('./server');

const { REPO, launchChromium } = require('./harness');
const NAV_TIMEOUT = 30_000;

const SITES = [
  { config: 'sites/lunel.toml', sub: '/pays-de-lunel/', pages: ['', 'actualites/', 'communes/', 'communes/34145/', 'accessibilite/'] },
  { config: 'sites/occitanie.toml', sub: '/occitanie/', pages: ['', 'cpts/', 'cpts/pays-de-lunel/', 'departements/34/', 'regions/76/', 'communes/l/'], search: 'lunel' },
];

let root; // served folder: each site is built into root/<sub>
let server;
let browser;
let context;

function build(site) {
  const dest = path.join(root, site.sub);
  const r = spawnSync('go', ['run', './cmd/cpts', 'build', '--config', site.config, '-d', dest], {
    cwd: REPO, encoding: 'utf8', timeout: 10 * 60_000,
  });
  if (r.error || r.status !== 0) {
    throw new Error(`cpts build --config ${site.config} failed:\n${r.stdout}${r.stderr}`);
  }
}

// visit opens a page and records its failed sub-resources and console errors.
async function visit(url) {
  const page = await context.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT);
  const problems = [];
  page.on('requestfailed', (r) => {
    const why = r.failure() ? r.failure().errorText : 'failed';
    // A fetch cut short is no wrong address (that answers 404, below):
    // the search aborts the shards of a query superseded, and a click
    // on a result navigates away from those still in flight.
    if (why !== 'net::ERR_ABORTED') problems.push(`${r.url()}: ${why}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.url()}: HTTP ${r.status()}`); });
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico at the root of the host, outside the site.
    if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url)) problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, response, problems };
}

describe('sites under a sub-path', () => {
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-subpath-'));
    for (const s of SITES) build(s);
    server = await serve(root);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (root && !process.env.KEEP_SITE) fs.rmSync(root, { recursive: true, force: true });
  });

  for (const s of SITES) {
    for (const p of s.pages) {
      it(`${s.sub}${p} loads everything from ${s.sub} and links under it`, async () => {
        const { page, response, problems } = await visit(server.origin + s.sub + p);
        try {
          assert.equal(response.status(), 200);
          const styled = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
          if (!styled) problems.push('the theme stylesheet is not applied (no --accent)');
          // Attributes, resolved: an <a> of an inline SVG map has no string .href.
          const links = await page.evaluate(() => [...document.querySelectorAll('[href], [src], form[action]')]
            .map((e) => new URL(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'), document.baseURI).href));
          for (const l of links) {
            const u = new URL(l);
            if (u.origin === server.origin && !u.pathname.startsWith(s.sub)) problems.push(`link outside ${s.sub}: ${l}`);
          }
          assert.deepEqual(problems, [], `${s.sub}${p}:\n${problems.join('\n')}`);
        } finally {
          await page.close();
        }
      });
    }
    if (s.search) {
      it(`${s.sub}: the search fetches its index under ${s.sub} and links under it`, async () => {
        const { page, problems } = await visit(server.origin + s.sub);
        try {
          await page.locator('input[type="search"]').first().pressSequentially(s.search, { delay: 20 });
          const option = page.locator('.search-option').first();
          await option.waitFor({ state: 'visible' });
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), option.click()]);
          const { pathname } = new URL(page.url());
          assert.ok(pathname.startsWith(s.sub), `the search result led to ${pathname}, not under ${s.sub}`);
          assert.deepEqual(problems, [], problems.join('\n'));
        } finally {
          await page.close();
        }
      });
    }
  }
});
