'use strict';
// The search box of the built sample site in Chromium: the combobox
// pattern (ARIA 1.2), the keyboard, the live region, the 320-px layout, an
// axe-core check with the list open, the warning on a format version
// mismatch, the path without JavaScript (the form still goes to the A-Z
// index), the ranking on a département's and a CPTS's page. The site is
// built with go run ./cmd/cpts build, or taken from $CPTS_SITE_DIR. Then
// the bytes a query typed letter by letter fetches, on the sample built
// with a page for every commune ($CPTS_ALL_SITE_DIR, or built).

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serve } = require('./server');
const { CHROMIUM, CHROMIUM_ARGS, tmpdir, buildSite, allCommunesSite, REPO } = require('./lib');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT = 20_000;

let dist;
let site;
let browser;

// open loads the home page in a new context and records console messages
// and the hosts it asks.
async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const rec = { page, context, console: [], hosts: new Set() };
  page.on('console', (m) => rec.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => rec.console.push({ type: 'error', text: 'uncaught: ' + e.message }));
  page.on('request', (r) => rec.hosts.add(new URL(r.url()).hostname));
  await page.goto(site.origin + '/', { waitUntil: 'load' });
  return rec;
}

// typeQuery types into the search box and waits for the final results.
async function typeQuery(page, text) {
  const done = page.evaluate((q) => new Promise((resolve) => {
    const form = document.querySelector('form[data-index]');
    form.addEventListener('cpts-search', function on(e) {
      if (e.detail.final && e.detail.query === q) {
        form.removeEventListener('cpts-search', on);
        resolve(e.detail.count);
      }
    });
  }), text);
  await page.fill('#recherche', '');
  await page.click('#recherche');
  await page.keyboard.type(text, { delay: 20 });
  return done;
}

function options(page) {
  return page.$$eval('#recherche-resultats [role="option"]', (els) => els.map((e) => ({
    id: e.id, text: e.textContent, selected: e.getAttribute('aria-selected'),
  })));
}

const attr = (page, name) => page.getAttribute('#recherche', name);

describe('search box in Chromium', () => {
  before(async () => {
    if (process.env.CPTS_SITE_DIR) {
      dist = path.resolve(process.env.CPTS_SITE_DIR);
    } else {
      dist = buildSite(REPO, tmpdir('cpts-search-browser-'));
    }
    site = await serve(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS });
  });

  after(async () => {
    if (browser) await browser.close();
    if (site) await site.close();
    if (!process.env.CPTS_SITE_DIR && dist && !process.env.KEEP_SITE) fs.rmSync(dist, { recursive: true, force: true });
  });

  it('makes the input a combobox that controls a hidden listbox', async () => {
    const { page, context } = await open();
    try {
      assert.equal(await attr(page, 'role'), 'combobox');
      assert.equal(await attr(page, 'aria-expanded'), 'false');
      assert.equal(await attr(page, 'aria-autocomplete'), 'list');
      assert.equal(await attr(page, 'aria-controls'), 'recherche-resultats');
      assert.equal(await page.getAttribute('#recherche-resultats', 'role'), 'listbox');
      assert.equal(await page.isVisible('#recherche-resultats'), false);
      assert.equal(await page.getAttribute('#recherche-statut', 'aria-live'), 'polite');
    } finally {
      await context.close();
    }
  });

  it('lists a commune with its type, département and CPTS, and announces the count', async () => {
    const { page, context, console: logs, hosts } = await open();
    try {
      const n = await typeQuery(page, 'lunel');
      assert.ok(n >= 2, `${n} results`);
      assert.equal(await attr(page, 'aria-expanded'), 'true');
      assert.equal(await page.isVisible('#recherche-resultats'), true);
      const opts = await options(page);
      assert.equal(opts.length, n);
      assert.match(opts[0].text, /^Commune\s*Lunel\s*Hérault \(34\).*34400.*CPTS du Pays de Lunel/);
      assert.ok(opts.some((o) => /^CPTS\s*CPTS du Pays de Lunel/.test(o.text)), 'the CPTS is listed');
      await page.waitForFunction((want) => document.querySelector('#recherche-statut').textContent === want,
        `${n} résultats`);
      const commune = await typeQuery(page, 'st laurent aigouze');
      assert.equal(commune, 1);
      assert.match((await options(page))[0].text, /Saint-Laurent-d'Aigouze\s*Gard \(30\).*aucune CPTS recensée, mais la liste des communes de CPTS E-Rhôny n’est pas publiée en entier/);
      await page.waitForFunction(() => document.querySelector('#recherche-statut').textContent === '1 résultat');
      assert.deepEqual([...hosts], ['127.0.0.1']);
      assert.deepEqual(logs.filter((l) => l.type === 'error' || l.type === 'warning'), []);
    } finally {
      await context.close();
    }
  });

  it('answers a profession and a place with the place, saying whether its CPTS lists the profession', async () => {
    const { page, context, console: logs } = await open();
    try {
      const n = await typeQuery(page, 'infirmier lunel');
      assert.ok(n >= 1, `${n} results`);
      assert.match((await options(page))[0].text,
        /^Commune\s*Lunel\s*Hérault \(34\).*CPTS du Pays de Lunel \(infirmier ou infirmière : pas dans la liste publiée de ses membres\)/);
      assert.deepEqual(logs.filter((l) => l.type === 'error' || l.type === 'warning'), []);
    } finally {
      await context.close();
    }
  });

  it('says, when a profession alone finds nothing, to add the commune where one works', async () => {
    const { page, context } = await open();
    try {
      assert.equal(await typeQuery(page, 'orthoptiste'), 0);
      await page.waitForSelector('.search-profession', { state: 'visible' });
      assert.equal(await page.isVisible('.search-empty'), false);
      assert.match(await page.textContent('.search-profession'), /Ajoutez le nom de la commune où vous exercez/);
    } finally {
      await context.close();
    }
  });

  it('ranks first, on a département\'s page, the communes of that département among equal matches', async () => {
    const { page, context } = await open();
    try {
      await typeQuery(page, 'montfaucon');
      assert.match((await options(page))[0].text, /Montfaucon\s*Doubs \(25\)/, 'the largest first on the home page');
      await page.goto(site.origin + '/departements/46/', { waitUntil: 'load' });
      await typeQuery(page, 'montfaucon');
      assert.match((await options(page))[0].text, /Montfaucon\s*Lot \(46\)/, 'the Lot\'s first on its page');
    } finally {
      await context.close();
    }
  });

  it('has a search form on a CPTS\'s page that ranks first the communes of its départements', async () => {
    const { page, context, console: logs } = await open({ bypassCSP: true });
    try {
      await page.goto(site.origin + '/cpts/quercy-bouriane/', { waitUntil: 'load' });
      assert.equal(await page.getAttribute('form[data-index]', 'data-near'), '46');
      assert.equal(await page.textContent('#autre-commune'), 'Chercher une autre commune');
      assert.equal(await page.textContent('label[for="recherche"]'), 'Votre commune ou votre code postal');
      const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id twice on the page');
      await typeQuery(page, 'montfaucon');
      assert.match((await options(page))[0].text, /Montfaucon\s*Lot \(46\)/, 'the Lot\'s first on the page of a CPTS of the Lot');
      await page.keyboard.press('ArrowDown');
      await page.addScriptTag({ content: AXE_SOURCE });
      const result = await page.evaluate(() => window.axe.run(document.querySelector('section[aria-labelledby="autre-commune"]'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), []);
      assert.deepEqual(logs.filter((l) => l.type === 'error' || l.type === 'warning'), []);
    } finally {
      await context.close();
    }
  });

  it('moves through the options with Down, Up, Home and End, and closes with Escape', async () => {
    const { page, context } = await open();
    try {
      const n = await typeQuery(page, 'lunel');
      assert.ok(n >= 3);
      const active = async () => {
        const id = await attr(page, 'aria-activedescendant');
        const opts = await options(page);
        const selected = opts.filter((o) => o.selected === 'true').map((o) => o.id);
        assert.deepEqual(selected, id ? [id] : [], 'aria-selected follows aria-activedescendant');
        return id ? opts.findIndex((o) => o.id === id) : -1;
      };
      assert.equal(await active(), -1);
      await page.keyboard.press('ArrowDown');
      assert.equal(await active(), 0);
      await page.keyboard.press('ArrowDown');
      assert.equal(await active(), 1);
      await page.keyboard.press('ArrowUp');
      assert.equal(await active(), 0);
      await page.keyboard.press('End');
      assert.equal(await active(), n - 1);
      await page.keyboard.press('Home');
      assert.equal(await active(), 0);
      await page.keyboard.press('ArrowUp');
      assert.equal(await active(), n - 1, 'Up on the first option wraps to the last');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'recherche', 'the focus stays in the input');
      await page.keyboard.press('Escape');
      assert.equal(await attr(page, 'aria-expanded'), 'false');
      assert.equal(await page.isVisible('#recherche-resultats'), false);
      assert.equal(await active(), -1);
      await page.keyboard.press('ArrowDown');
      assert.equal(await attr(page, 'aria-expanded'), 'true', 'Down opens the list again');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      assert.equal(await page.inputValue('#recherche'), '', 'Escape on a closed list clears the input');
    } finally {
      await context.close();
    }
  });

  it('goes to the chosen result on Enter', async () => {
    const { page, context } = await open();
    try {
      await typeQuery(page, 'st laurent aigouze');
      await page.keyboard.press('ArrowDown');
      await Promise.all([page.waitForURL('**/communes/30276/'), page.keyboard.press('Enter')]);
      assert.match(await page.title(), /Saint-Laurent-d'Aigouze/);
    } finally {
      await context.close();
    }
  });

  it('says a commune of a département the directory has no page for is outside it, and leads to what to do', async () => {
    const { page, context, console: logs } = await open();
    try {
      await typeQuery(page, 'brest');
      assert.match((await options(page))[0].text, /^Commune\s*Brest\s*Finistère \(29\).*département hors de cet annuaire/);
      await Promise.all([page.waitForURL('**/departements/#ailleurs'), page.keyboard.press('Enter')]);
      assert.equal(await page.isVisible('#ailleurs-titre'), true);
      assert.match(await page.textContent('#ailleurs'), /ne peut donc pas dire si une CPTS couvre une commune d’un autre département/);
      assert.deepEqual(logs.filter((l) => l.type === 'error' || l.type === 'warning'), []);
    } finally {
      await context.close();
    }
  });

  it('goes to the best match on Enter without a chosen result', async () => {
    const { page, context } = await open();
    try {
      await typeQuery(page, 'lunel');
      await Promise.all([page.waitForURL('**/communes/34145/'), page.keyboard.press('Enter')]);
    } finally {
      await context.close();
    }
  });

  it('submits the form to the A-Z index on Enter when nothing matches', async () => {
    const { page, context } = await open();
    try {
      await typeQuery(page, 'zzqxw');
      const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(new URL(page.url()).pathname, '/communes/');
      assert.equal(new URL(page.url()).searchParams.get('q'), 'zzqxw');
      assert.equal(res.status(), 200);
    } finally {
      await context.close();
    }
  });

  it('says visibly when nothing matches, with a way on', async () => {
    const { page, context } = await open();
    try {
      await typeQuery(page, 'zzqxw');
      assert.ok(await page.isVisible('.search-empty'), 'the no-result notice shows');
      assert.ok(await page.isVisible('.search-empty a[href="/communes/"]'), 'it links the A-Z index');
      await typeQuery(page, 'lunel');
      assert.equal(await page.isVisible('.search-empty'), false, 'it goes once something matches');
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript: a plain search field whose form goes to /communes/', async () => {
    const { page, context } = await open({ javaScriptEnabled: false });
    try {
      assert.equal(await attr(page, 'role'), null);
      assert.equal(await page.getAttribute('form[role="search"]', 'action'), '/communes/');
      assert.equal(await page.$eval('form[role="search"]', (f) => f.method), 'get');
      assert.equal(await page.isVisible('#recherche-resultats'), false);
      await page.fill('#recherche', 'lunel');
      await Promise.all([page.waitForNavigation(), page.press('#recherche', 'Enter')]);
      assert.equal(new URL(page.url()).pathname, '/communes/');
      assert.ok(await page.isVisible('a[href="/communes/l/"]'), 'the A-Z index links to the letter L');
    } finally {
      await context.close();
    }
  });

  it('fits a 320-px-wide screen with the list open, and at 200 % zoom', async () => {
    for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
      const { page, context } = await open({ viewport });
      try {
        await typeQuery(page, 'saint martin');
        const { scroll, width, overflow } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: document.documentElement.clientWidth,
          overflow: [...document.querySelectorAll('#recherche-resultats *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length,
        }));
        assert.ok(scroll <= width, `${viewport.width} px: page scrolls sideways (${scroll} > ${width})`);
        assert.equal(overflow, 0, `${viewport.width} px: ${overflow} elements of the list overflow`);
      } finally {
        await context.close();
      }
    }
  });

  it('passes axe-core (WCAG 2.1 AA) with the list open and an option active', async () => {
    const { page, context } = await open({ bypassCSP: true });
    try {
      await typeQuery(page, 'lunel');
      await page.keyboard.press('ArrowDown');
      await page.addScriptTag({ content: AXE_SOURCE });
      const result = await page.evaluate(() => window.axe.run(document.querySelector('form[role="search"]'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      assert.deepEqual(found, []);
    } finally {
      await context.close();
    }
  });

  it('warns in the console when the manifest has another format version', async () => {
    const context = await browser.newContext();
    try {
      await context.route('**/search/manifest.json', async (route) => {
        const res = await route.fetch();
        const man = await res.json();
        man.version = 99;
        await route.fulfill({ response: res, json: man });
      });
      const page = await context.newPage();
      await page.goto(site.origin + '/');
      const warning = page.waitForEvent('console', { predicate: (m) => m.type() === 'warning', timeout: TIMEOUT });
      await page.click('#recherche');
      await page.keyboard.type('lunel');
      assert.match((await warning).text(), /format version 99.*reads version 6/);
      assert.equal(await page.isVisible('#recherche-resultats'), false);
    } finally {
      await context.close();
    }
  });
});

// The budget of issue #23: a query typed letter by letter into the search
// box, as a person types (search.js has no debounce: each letter is a
// search, so the pace changes nothing), fetches at most 25 KB
// gzip-compressed, search.js included, on the sample with a page for
// every commune (the largest shards). The bytes are those server.js sends.
const BUDGET = 25 * 1024;
const TYPED = ['lion d angers', 'saint laurent d aigouze', 'villefranche sur saone', 'marseille 13e',
  'aix en provence', 'montfaucon', 'infirmier gourdon', 'kine lunel', 'lunel', '34400'];

describe('bytes of a query typed letter by letter, every commune with a page', () => {
  let all;
  let allSite;
  let allBrowser;
  before(async () => {
    if (process.env.CPTS_ALL_SITE_DIR) {
      all = path.resolve(process.env.CPTS_ALL_SITE_DIR);
    } else {
      const src = allCommunesSite();
      all = buildSite(src, tmpdir('cpts-search-budget-'));
      fs.rmSync(src, { recursive: true, force: true });
    }
    allSite = await serve(all);
    allBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS });
  });

  after(async () => {
    if (allBrowser) await allBrowser.close();
    if (allSite) await allSite.close();
    if (!process.env.CPTS_ALL_SITE_DIR && all && !process.env.KEEP_SITE) fs.rmSync(all, { recursive: true, force: true });
  });

  // sentSince returns the search files and search.js sent since a
  // snapshot of the server's counters, path -> bytes.
  function sentSince(before) {
    const out = new Map();
    for (const [p, n] of allSite.sent) {
      const d = n - (before.get(p) || 0);
      if (d > 0 && (p.startsWith('/search/') || /^\/js\/search\./.test(p))) out.set(p, d);
    }
    return out;
  }

  for (const q of TYPED) {
    it(`${JSON.stringify(q)} stays within ${BUDGET / 1024} KB`, async (t) => {
      const context = await allBrowser.newContext({ locale: 'fr-FR' });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        const before = new Map(allSite.sent);
        await page.goto(allSite.origin + '/', { waitUntil: 'load' });
        const done = page.evaluate((query) => new Promise((resolve) => {
          document.querySelector('form[data-index]').addEventListener('cpts-search', (e) => {
            if (e.detail.final && e.detail.query === query) resolve(e.detail.count);
          });
        }), q);
        await page.click('#recherche');
        await page.keyboard.type(q, { delay: 100 });
        const count = await done;
        // Wait for the fetches of earlier letters still on their way.
        let sent;
        for (let last = ''; ;) {
          await page.waitForTimeout(250);
          sent = sentSince(before);
          const now = JSON.stringify([...sent]);
          if (now === last) break;
          last = now;
        }
        const total = [...sent.values()].reduce((a, b) => a + b, 0);
        const files = [...sent].map(([p, n]) => `${path.basename(p)} ${(n / 1024).toFixed(1)}`).join(', ');
        t.diagnostic(`${q}: ${(total / 1024).toFixed(1)} KB gzip-compressed, ${count} results (${files})`);
        assert.ok(count > 0, `${q}: no result`);
        assert.ok([...sent.keys()].some((p) => p.startsWith('/js/search.')), 'search.js is counted');
        assert.ok(total <= BUDGET, `${q}: ${total} bytes, over ${BUDGET} (${files})`);
      } finally {
        await context.close();
      }
    });
  }
});
