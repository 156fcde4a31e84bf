'use strict';
// The three paths of issue #23, walked in Chromium as a person would, on a
// phone (375 px, touch) and on a desktop (1280 px):
//
// - a resident types their commune, letter by letter, picks it among the
//   results and reads on the first screen which CPTS covers it, then finds
//   how to reach that CPTS; without JavaScript, the same search leads to
//   the A–Z index of communes, and from there to the same page;
// - a health professional searches "infirmier Juvardeil" from the guide
//   for professionals, picks the commune, goes to its CPTS and reads how to
//   join it;
// - a communicator runs `cpts new news`, opens the draft in `cpts serve`,
//   saves a date written the French way, sees the error page by itself
//   (file:line:col, the message in French, the date to write), fixes the
//   file and sees the page again.
//
// The sample's sources give no contact and no way to join: the site is
// built from a temporary copy of the sample (config.toml, content/) with
// two constructed fixtures of fixtures/paths/ (a contacts.toml for the
// Pays de Lunel, a [join] table for COLHAJ), which `cpts check` must
// accept. The same copy is the communicator's site.
//
// The words a person reads and follows (labels, links, the answer) are
// taken from the theme's i18n/fr.toml, so that rewording a string does not
// break the walk, and removing one does.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serve } = require('./server');

const { REPO, launchChromium, startServe } = require('./harness');

const FIXTURES = path.join(__dirname, 'fixtures', 'paths');
const STRINGS = readStrings(path.join(REPO, 'themes', 'default', 'i18n', 'fr.toml'));
const VIEWPORTS = [
  { name: 'phone, 375 px', viewport: { width: 375, height: 812 }, hasTouch: true },
  { name: 'desktop, 1280 px', viewport: { width: 1280, height: 800 }, hasTouch: false },
];
const WAIT = 30_000; // for a page, a rebuild or a reload, on a busy machine
// cpts speaks the site's language (French) unless CPTS_LANG says otherwise:
// the communicator's walk reads its default.
const ENV = { ...process.env };
delete ENV.CPTS_LANG;

let tmp; // the cpts binary, the site (site/) and its build (dist/)
let bin;
let siteDir;
let site; // the built site, served: { origin, close }
let browser;
let serveProc; // `cpts serve` on siteDir, started by the first communicator
let serveOrigin;

// readStrings reads the one-line strings of an i18n file: key = "value",
// the key bare or quoted.
function readStrings(file) {
  const out = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^(?:"([^"]+)"|([\w.-]+))\s*=\s*("(?:[^"\\]|\\.)*")\s*(?:#.*)?$/.exec(line);
    if (m) out.set(m[1] || m[2], JSON.parse(m[3]));
  }
  return out;
}

// t returns the theme's string for key, with its %s and %d replaced by
// args in order, as the templates' t does.
function t(key, ...args) {
  const s = STRINGS.get(key);
  assert.ok(s !== undefined, `no string ${key} in the theme's i18n/fr.toml`);
  return s.replace(/%[sd]/g, () => String(args.shift()));
}

// escape quotes text for a regular expression.
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// run runs the cpts binary in dir and returns its result; it fails the
// test, with the output, when the exit status is not 0.
function run(dir, ...args) {
  const r = spawnSync(bin, args, { cwd: dir, env: ENV, encoding: 'utf8', timeout: 5 * 60_000 });
  if (r.error || r.status !== 0) {
    throw new Error(`cpts ${args.join(' ')} failed (${r.error ? r.error.message : 'exit ' + r.status}):\n${r.stdout}${r.stderr}`);
  }
  return r;
}

// copySite copies the sample into dir and adds the test fixtures: the
// contacts of the Pays de Lunel, and COLHAJ's [join] table at the end of
// the front matter of its index.md.
function copySite(dir) {
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(REPO, 'config.toml'), path.join(dir, 'config.toml'));
  fs.cpSync(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'pays-de-lunel', 'contacts.toml'),
    path.join(dir, 'content', 'cpts', 'pays-de-lunel', 'contacts.toml'));
  const index = path.join(dir, 'content', 'cpts', 'colhaj', 'index.md');
  const text = fs.readFileSync(index, 'utf8');
  const end = text.indexOf('\n+++', 3); // the closing +++ of the front matter
  assert.ok(text.startsWith('+++') && end > 0, `${index}: no front matter`);
  const join = fs.readFileSync(path.join(FIXTURES, 'colhaj', 'join.toml'), 'utf8');
  fs.writeFileSync(index, `${text.slice(0, end)}\n\n${join.trimEnd()}${text.slice(end)}`);
}

// open returns a new page in a fresh context of the viewport (with
// JavaScript unless js is false), and press, which taps on a touch screen
// and clicks with a mouse.
async function open(vp, { js = true } = {}) {
  const context = await browser.newContext({
    viewport: vp.viewport, hasTouch: vp.hasTouch, locale: 'fr-FR', javaScriptEnabled: js,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught exception: ${e.message}`));
  const press = (locator) => (vp.hasTouch ? locator.tap() : locator.click());
  return { context, page, press, errors };
}

// typeLikeAPerson puts the focus in the search box, found by its label, as
// a person would (a tap or a click) and types text one key at a time.
async function typeLikeAPerson(page, press, text) {
  const box = page.getByLabel(t('search_label'));
  await press(box);
  await page.keyboard.type(text, { delay: 60 });
  return box;
}

// searchResult waits for the result line whose name is exactly name.
async function searchResult(page, name) {
  const option = page.getByRole('listbox').getByRole('option')
    .filter({ has: page.locator('.search-name', { hasText: new RegExp(`^${name}$`) }) });
  await option.first().waitFor({ state: 'visible' });
  return option.first();
}

// assertOnFirstScreen fails unless the element is entirely within the
// viewport as the page opens (not scrolled).
async function assertOnFirstScreen(page, locator, what) {
  assert.equal(await page.evaluate(() => window.scrollY), 0, `${what}: the page is scrolled`);
  const box = await locator.boundingBox();
  const { height } = page.viewportSize();
  assert.ok(box, `${what}: not shown`);
  assert.ok(box.y >= 0 && box.y + box.height <= height,
    `${what} is not on the first screen: from ${Math.round(box.y)} to ${Math.round(box.y + box.height)} px, the screen is ${height} px high`);
}

// assertReachable scrolls to a link, as a person would, and checks it is
// shown and where it leads.
async function assertReachable(link, href, what) {
  await link.scrollIntoViewIfNeeded();
  assert.ok(await link.isVisible(), `${what} is not visible`);
  assert.equal(await link.getAttribute('href'), href, `${what} leads elsewhere`);
}

// assertLunelAnswer checks the page of Lunel: the answer on the first
// screen, and on the card of its CPTS the channels of its contact.
async function assertLunelAnswer(tc, page) {
  await page.waitForURL(/\/communes\/34145\/$/);
  const answer = page.locator('main .answer');
  assert.equal(await answer.innerText(), `${t('answer_one', 'Lunel')} CPTS du Pays de Lunel.`);
  await assertOnFirstScreen(page, answer, 'the answer on the page of Lunel');
  const card = page.locator('main .card').filter({ has: page.getByRole('heading', { name: 'CPTS du Pays de Lunel' }) });
  const email = card.getByRole('link', { name: 'coordination@example.org' });
  const box = await email.boundingBox();
  tc.diagnostic(`the card's e-mail link is ${box && box.y + box.height <= page.viewportSize().height ? '' : 'not '}on the first screen (${box ? Math.round(box.y) : '?'} px of ${page.viewportSize().height})`);
  await assertReachable(card.getByRole('link', { name: '04 67 00 00 00' }), 'tel:+33467000000', 'the phone number');
  await assertReachable(email, 'mailto:coordination@example.org', 'the e-mail address');
  await assertReachable(card.getByRole('link', { name: 'https://example.org/cpts-pays-de-lunel/' }),
    'https://example.org/cpts-pays-de-lunel/', 'the website');
}

// waitFor200 asks for url until it answers 200 (the server rebuilds after
// a new file), as a person would reload.
async function waitFor200(url) {
  const end = Date.now() + WAIT;
  for (;;) {
    const res = await fetch(url).catch(() => null);
    if (res && res.status === 200) return;
    if (Date.now() > end) throw new Error(`${url} answers ${res ? res.status : 'nothing'} after ${WAIT / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// bodyText resolves to the text of the page once ok(text) holds; the page
// may reload more than once on a busy machine (several rebuilds). It fails
// with message and the last text after WAIT.
async function bodyText(page, ok, message) {
  const end = Date.now() + WAIT;
  let text = '';
  for (;;) {
    text = await page.locator('body').innerText().catch(() => '');
    if (ok(text)) return text;
    if (Date.now() > end) assert.fail(`${message}:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the three paths (issue #23)', () => {
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-paths-'));
    bin = path.join(tmp, 'cpts');
    const t0 = Date.now();
    const r = spawnSync('go', ['build', '-o', bin, './cmd/cpts'], { cwd: REPO, encoding: 'utf8', timeout: 10 * 60_000 });
    if (r.error || r.status !== 0) throw new Error(`go build failed:\n${r.stdout}${r.stderr}`);
    siteDir = path.join(tmp, 'site');
    copySite(siteDir);
    // The fixtures keep the content valid: check exits with 0 (no error;
    // the sample's warnings remain), and build publishes.
    run(siteDir, 'check');
    run(siteDir, 'build', '-d', path.join(tmp, 'dist'));
    console.log(`# cpts built, fixtures checked and site built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    site = await serve(path.join(tmp, 'dist'));
    browser = await launchChromium();
  });

  after(async () => {
    if (browser) await browser.close();
    if (site) await site.close();
    if (serveProc && serveProc.exitCode === null) serveProc.kill('SIGINT');
    if (tmp && !process.env.KEEP_SITE) fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const vp of VIEWPORTS) {
    describe(vp.name, () => {
      it('a resident types "Lunel", picks the commune and reaches the contact of its CPTS', async (tc) => {
        const { context, page, press, errors } = await open(vp);
        try {
          await page.goto(site.origin + '/');
          await typeLikeAPerson(page, press, 'Lunel');
          const lunel = await searchResult(page, 'Lunel');
          // The result already names the CPTS.
          assert.match(await lunel.innerText(), new RegExp(`^${escape(t('search_kind_commune'))}[\\s\\S]*Hérault \\(34\\)[\\s\\S]*CPTS du Pays de Lunel`));
          await press(lunel);
          await assertLunelAnswer(tc, page);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });

      it('without JavaScript, the same search leads through the A–Z index to the same answer', async (tc) => {
        const { context, page, press } = await open(vp, { js: false });
        try {
          await page.goto(site.origin + '/');
          assert.ok(await page.getByText(t('search_nojs')).isVisible(),
            'the search box does not say where it leads without JavaScript');
          await typeLikeAPerson(page, press, 'Lunel');
          await press(page.getByRole('search').getByRole('button', { name: t('search_button') }));
          await page.waitForURL(/\/communes\/\?q=Lunel$/);
          await press(page.getByRole('navigation', { name: t('letters') }).getByRole('link', { name: 'L', exact: true }));
          await page.waitForURL(/\/communes\/l\/$/);
          const lunel = page.getByRole('main').getByRole('link', { name: 'Lunel', exact: true });
          for (let pages = 1; await lunel.count() === 0; pages++) {
            assert.ok(pages < 10, 'Lunel is not in the first 10 pages of the letter L');
            const next = page.getByRole('link', { name: t('next_page') });
            const href = new URL(await next.getAttribute('href'), page.url()).href;
            await press(next);
            await page.waitForURL(href);
          }
          tc.diagnostic(`Lunel is on ${page.url().replace(site.origin, '')}`);
          await press(lunel);
          await assertLunelAnswer(tc, page);
        } finally {
          await context.close();
        }
      });

      it('a professional searches "infirmier Juvardeil" and reaches how to join its CPTS', async () => {
        const { context, page, press, errors } = await open(vp);
        try {
          await page.goto(site.origin + '/');
          await press(page.getByRole('link', { name: t('join_page_link') }));
          await page.waitForURL(/\/rejoindre\/$/);
          await typeLikeAPerson(page, press, 'infirmier Juvardeil');
          const result = await searchResult(page, 'Juvardeil');
          // The result says already that the CPTS lists nurses among its members.
          const listed = t('search_prof_listed', t('profession.infirmier').toLowerCase());
          assert.ok((await result.innerText()).includes(`COLHAJ (${listed})`), `the result does not say "COLHAJ (${listed})"`);
          await press(result);
          await page.waitForURL(/\/communes\/49170\/$/);
          const answer = page.locator('main .answer');
          assert.equal(await answer.innerText(), `${t('answer_one', 'Juvardeil')} CPTS COLHAJ.`);
          await assertOnFirstScreen(page, answer, 'the answer on the page of Juvardeil');
          await press(answer.getByRole('link', { name: 'CPTS COLHAJ' }));
          await page.waitForURL(/\/cpts\/colhaj\/$/);
          await press(page.getByRole('navigation', { name: t('on_this_page') }).getByRole('link', { name: t('join_block') }));
          await page.waitForURL(/\/cpts\/colhaj\/#rejoindre$/);
          const block = page.getByRole('region', { name: t('join_block') });
          const heading = block.getByRole('heading', { name: t('join_block') });
          const hbox = await heading.boundingBox();
          // The link scrolls the heading to the top (to a fraction of a pixel).
          assert.ok(hbox && hbox.y > -1 && hbox.y + hbox.height <= page.viewportSize().height,
            `after the link, the heading "${t('join_block')}" is not on the screen (at ${hbox ? hbox.y : '?'} px)`);
          const text = await block.innerText();
          assert.match(text, new RegExp(`${escape(t('join_who'))}\\s+${escape(t('profession.infirmier'))}`));
          assert.match(text, new RegExp(`${escape(t('join_fee'))}\\s+20 € par an`));
          await assertReachable(block.getByRole('link', { name: t('join_form') }),
            'https://example.org/colhaj/adhesion', 'the membership form');
          await assertReachable(block.getByRole('link', { name: 'adhesion@example.org' }),
            'mailto:adhesion@example.org', 'the address to write to about joining');
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    });
  }

  // The communicator's walk, once per viewport, on the same `cpts serve`
  // (a communicator keeps it running): each writes its own news item.
  const TITLES = ['Réunion des infirmiers du territoire', 'Soirée d’accueil des nouveaux pharmaciens'];
  VIEWPORTS.forEach((vp, i) => {
    describe(`${vp.name}: a communicator`, () => {
      const title = TITLES[i];
      let file; // the news file, relative to the site
      let original;
      let page;
      let context;

      // save writes the news file as an editor saves (a new file renamed
      // over the old one, so the server never reads half a file) and
      // resolves once the page has reloaded by itself.
      async function save(text) {
        const loaded = page.waitForEvent('load', { timeout: WAIT });
        const next = path.join(tmp, 'saving.md');
        fs.writeFileSync(next, text);
        fs.renameSync(next, path.join(siteDir, file));
        await loaded;
      }

      after(async () => { if (context) await context.close(); });

      it('runs `cpts new news` and `cpts serve`, and sees the draft', async () => {
        const r = run(siteDir, 'new', 'news', 'pays-de-lunel', title);
        const m = /^créé : (\S+\.md)$/m.exec(r.stdout); // cpts new speaks the site's language, French
        assert.ok(m, `cpts new printed no file:\n${r.stdout}`);
        file = path.relative(siteDir, path.resolve(siteDir, m[1]));
        assert.match(file, /^content\/cpts\/pays-de-lunel\/news\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
        original = fs.readFileSync(path.join(siteDir, file), 'utf8');
        if (!serveOrigin) { // in the site folder, as a communicator would
          ({ proc: serveProc, origin: serveOrigin } = await startServe(bin, ['--port', '0'], { cwd: siteDir, env: ENV }));
        }
        const url = `${serveOrigin}/cpts/pays-de-lunel/actualites/${path.basename(file, '.md').slice(11)}/`;
        await waitFor200(url);
        ({ context, page } = await open(vp));
        const stream = page.waitForRequest((req) => new URL(req.url()).pathname === '/__cpts/events');
        await page.goto(url);
        await stream; // live reload listens
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
        assert.ok((await page.getByRole('main').innerText()).includes(t('draft')), `the draft is not marked "${t('draft')}"`);
      });

      it('saves a date written 05/12/2026 and sees the error page by itself, with file:line:col and the date to write', async () => {
        assert.ok(page, 'no page: the step before failed');
        const lines = original.split('\n');
        const at = lines.findIndex((l) => /^date = /.test(l));
        assert.ok(at > 0, `no date line in ${file}`);
        await save(original.replace(/^date = \S+/m, 'date = 05/12/2026'));
        const where = `${file}:${at + 1}:${'date = '.length + 1}`;
        const body = await bodyText(page, (text) => text.includes(where), `the error page does not name ${where}`);
        assert.match(body, /2026-12-05/, `the error page does not give the date to write, 2026-12-05:\n${body}`);
      });

      it('reads the error in French ("erreur", "conseil")', async () => {
        assert.ok(page, 'no page: the step before failed');
        const body = await page.locator('body').innerText();
        const english = /: error: /.test(body) || /\bhint:/.test(body);
        assert.match(body, /: erreur : |: erreur: /, english
          ? `the error page of cpts serve is still in English ("error", "hint"): the French translation (erreur, conseil) is not in the tree yet:\n${body}`
          : `the error page does not say "erreur":\n${body}`);
        assert.match(body, /conseil ?:/, `the error page gives no "conseil":\n${body}`);
      });

      it('fixes the date and sees the page come back with its title', async () => {
        assert.ok(page, 'no page: the step before failed');
        await save(original);
        await bodyText(page, (text) => !text.includes(file), `the error page stays after the fix`);
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
      });
    });
  });
});
