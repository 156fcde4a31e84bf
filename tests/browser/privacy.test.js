'use strict';
// Privacy test (issue #8): no cookie, no storage, no request to any host but
// the site's own, on every page type and through the search box.
//
// The site is built once (or taken from CPTS_SITE_DIR) and served on
// 127.0.0.1. Chromium opens each page in a context that ignores the CSP, so
// that a reference to another host becomes a request this test sees instead
// of one the policy silently blocks; every request is recorded, and any to
// another origin is aborted before it leaves the machine. At the end the
// context must hold no cookie, and the pages no localStorage, sessionStorage
// or IndexedDB database.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { serve } = require('./server');

const { launchChromium, buildSample } = require('./harness');

// One path of each page type, and files a visitor may open in the browser
// (a CSV would be downloaded, not shown).
const PATHS = [
  '/', '/cpts/', '/cpts/pays-de-lunel/', '/actualites/', '/communes/', '/communes/l/',
  '/communes/34145/', '/communes/30189/', '/departements/', '/departements/34/', '/regions/76/',
  '/pages/qu-est-ce-qu-une-cpts/', '/accessibilite/', '/glossaire/', '/rejoindre/', '/donnees/', '/donnees/cpts.json',
  '/cette-page-n-existe-pas/', '/sitemap.xml', '/actualites/atom.xml',
];

let sample; // { dist, cleanup }
let site;
let browser;
let context;
const requests = []; // every URL asked for, in order
const foreign = []; // those outside the site's origin

describe('privacy', () => {
  before(async () => {
    sample = buildSample('cpts-privacy-');
    site = await serve(sample.dist);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'fr-FR', bypassCSP: true, serviceWorkers: 'block' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      if (new URL(url).origin !== site.origin && !url.startsWith('data:')) {
        foreign.push(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
  });

  after(async () => {
    if (browser) await browser.close();
    if (site) await site.close();
    if (sample) sample.cleanup();
  });

  for (const p of PATHS) {
    it(`${p} requests only the site's origin and stores nothing`, async () => {
      const page = await context.newPage();
      const before = requests.length;
      await page.goto(site.origin + p, { waitUntil: 'networkidle' });
      const storage = await page.evaluate(async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
      }));
      await page.close();
      assert.ok(requests.length > before, `no request recorded for ${p}`);
      assert.deepEqual(storage, { cookie: '', local: 0, session: 0, idb: 0 });
    });
  }

  it('the search box fetches only the site\'s index', async () => {
    const page = await context.newPage();
    await page.goto(site.origin + '/', { waitUntil: 'networkidle' });
    const before = requests.length;
    await page.locator('input[type="search"]').first().pressSequentially('lunel', { delay: 20 });
    await page.locator('[role="listbox"] [role="option"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.close();
    assert.ok(requests.slice(before).some((u) => u.includes('/search/')), 'the search fetched no index file');
  });

  it('no cookie was set and no request left the origin', async () => {
    assert.deepEqual(await context.cookies(), []);
    assert.deepEqual(foreign, [], `requests to other hosts:\n${foreign.join('\n')}`);
    const origins = new Set(requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).origin));
    assert.deepEqual([...origins], [site.origin]);
  });
});
