'use strict';
// Live reload and the error page of `cpts serve` (issue #6), in Chromium.
//
// The cpts binary is built once and serves a temporary copy of the sample
// site (config.toml and content/) on 127.0.0.1. A news page is opened in a
// short viewport and scrolled down; then the test, as an author would:
// edits the news file (the page reloads by itself, shows the new text and
// keeps its scroll position), writes a content error (the page becomes the
// error page, listing the diagnostic as path:line:col with its hint), and
// fixes it while changing the title (the site comes back, with the title);
// then it writes a footer partial over the theme's and deletes it (the
// open page reloads with it, then without). No request leaves 127.0.0.1 and nothing
// is logged as a console error but the status of the error page itself.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { REPO, launchChromium, startServe } = require('./harness');
const NEWS = 'content/cpts/pays-de-lunel/news/2020-07-17-signature-convention.md';
const PAGE = '/cpts/pays-de-lunel/actualites/signature-convention/';
const WAIT = 30_000; // for one rebuild and reload, on a busy machine

let tmp; // holds the binary and the site
let serveProc;
let origin;
let browser;
let page;
const consoleErrors = [];
const requests = [];

// edit rewrites the news file and resolves, once the page has reloaded, to
// the time from the write to the load event.
async function edit(change) {
  const file = path.join(tmp, 'site', NEWS);
  const text = fs.readFileSync(file, 'utf8');
  const loaded = page.waitForEvent('load', { timeout: WAIT });
  const t0 = Date.now();
  fs.writeFileSync(file, change(text));
  await loaded;
  return Date.now() - t0;
}

describe('cpts serve: live reload and error page', () => {
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-serve-'));
    const bin = path.join(tmp, 'cpts');
    const r = spawnSync('go', ['build', '-o', bin, './cmd/cpts'], { cwd: REPO, encoding: 'utf8', timeout: 10 * 60_000 });
    if (r.error || r.status !== 0) throw new Error(`go build failed:\n${r.stdout}${r.stderr}`);
    const site = path.join(tmp, 'site');
    fs.mkdirSync(site);
    fs.copyFileSync(path.join(REPO, 'config.toml'), path.join(site, 'config.toml'));
    fs.cpSync(path.join(REPO, 'content'), path.join(site, 'content'), { recursive: true });
    ({ proc: serveProc, origin } = await startServe(bin, ['--source', site, '--port', '0']));
    browser = await launchChromium();
    // A short viewport, so that the news page scrolls.
    const context = await browser.newContext({ viewport: { width: 800, height: 400 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`uncaught exception: ${e.message}`));
  });

  after(async () => {
    if (browser) await browser.close();
    if (serveProc && serveProc.exitCode === null) serveProc.kill('SIGINT');
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  let scrolled;

  it('serves the news page with the live-reload script', async () => {
    const stream = page.waitForRequest((req) => new URL(req.url()).pathname === '/__cpts/events');
    const res = await page.goto(origin + PAGE, { waitUntil: 'load' });
    assert.equal(res.status(), 200);
    assert.equal(await page.locator('script[src="/__cpts/livereload.js"]').count(), 1);
    await stream; // the script has opened the event stream
    const height = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    assert.ok(height > 200, `the page must scroll for this test (it scrolls by ${height} px)`);
    scrolled = Math.floor(height / 2);
    await page.evaluate((y) => window.scrollTo(0, y), scrolled);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 1, scrolled);
  });

  // The script of cpts serve restores the position itself (the browser's
  // restoration is off), also through the error page (see below).
  it('reloads after an edit, shows the new text and keeps the scroll position', async (t) => {
    // The text is added below the place the reader is at, so that the
    // place keeps its position on the page.
    const ms = await edit((text) => text + '\nUn paragraphe ajouté par le test.\n');
    t.diagnostic(`save to reloaded page: ${ms} ms (sample site)`);
    assert.match(await page.locator('main').innerText(), /Un paragraphe ajouté par le test\./);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, scrolled, { timeout: 5_000 })
      .catch(async () => assert.fail(`scroll position ${await page.evaluate(() => window.scrollY)}, want ${scrolled}`));
  });

  it('shows the error page, in French, with path:line:col and the hint after a content error', async () => {
    await edit((text) => text.replace(/^date = (.*)$/m, 'date = $1\ndraft = "non"'));
    const body = await page.locator('body').innerText();
    assert.match(body, /La construction a échoué/);
    assert.match(body, new RegExp(`${NEWS.replace(/[.]/g, '\\.')}:\\d+:\\d+: erreur: draft`));
    assert.match(body, /il faut true ou false/); // the sample site is French: so are its errors
    // The error page keeps a strict policy: its style is an external file.
    const styled = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(styled, /system-ui|sans-serif/);
  });

  it('comes back once the file is fixed, at the scroll position of before the error', async () => {
    await edit((text) => text.replace('\ndraft = "non"', '')
      .replace('title = "Signature de la convention', 'title = "Modifié : signature de la convention'));
    assert.match(await page.locator('h1').innerText(), /^Modifié : signature de la convention/);
    assert.match(await page.locator('main').innerText(), /Un paragraphe ajouté par le test\./);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, scrolled, { timeout: 5_000 })
      .catch(async () => assert.fail(`scroll position ${await page.evaluate(() => window.scrollY)}, want ${scrolled}`));
    const res = await page.reload({ waitUntil: 'load' });
    assert.equal(res.status(), 200);
  });

  // The script tells the server which page it shows: an edit every page
  // shows (a partial of the site over the theme's) renders that page first
  // and reloads it, the rest of the site following.
  it('reloads the open page after an edit of a partial, and after its deletion', async () => {
    const partial = path.join(tmp, 'site', 'layouts', 'partials', 'footer.html');
    const theme = fs.readFileSync(path.join(REPO, 'themes', 'default', 'layouts', 'partials', 'footer.html'), 'utf8');
    const edited = theme.replace('<footer class="site-footer">', '<footer class="site-footer"><p>Pied de page relu par le test.</p>');
    assert.notEqual(edited, theme, 'the theme\'s footer has changed: update the test');
    let loaded = page.waitForEvent('load', { timeout: WAIT });
    fs.mkdirSync(path.dirname(partial), { recursive: true });
    fs.writeFileSync(partial, edited);
    await loaded;
    assert.match(await page.locator('footer').innerText(), /Pied de page relu par le test\./);
    loaded = page.waitForEvent('load', { timeout: WAIT });
    fs.rmSync(path.join(tmp, 'site', 'layouts'), { recursive: true });
    await loaded;
    assert.doesNotMatch(await page.locator('footer').innerText(), /relu par le test/);
  });

  it('requested only 127.0.0.1 and logged no other console error', () => {
    const other = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
    assert.deepEqual(other, []);
    // Chromium logs the 500 status of the error page itself, and the 404
    // of the /favicon.ico it asks for (the sample site has none).
    const errors = consoleErrors.filter((e) => !/status of 500/.test(e) && !/status of 404 .*\/favicon\.ico\)$/.test(e));
    assert.deepEqual(errors, []);
  });
});
