'use strict';
// Maps and "find my CPTS" by location (issue #5).
//
// The sample site is built once (or taken from CPTS_SITE_DIR) and served on
// 127.0.0.1. The maps must be SVG with a title and a description (the
// commune locator inline, the others documents in a frame named like the
// map, shaped like it, whose links open in the page), every territory a
// named link that leads to a page of the site; the
// location button, given a mocked position, must name the commune and its
// CPTS without any request but the site's own, and say so when the
// position is refused or outside the directory.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const zlib = require('node:zlib');
const { serve } = require('./server');

const { REPO, launchChromium, buildSample } = require('./harness');

let sample; // { dist, cleanup }
let site;
let browser;

async function newPage(options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', ...options });
  const requests = [];
  context.on('request', (req) => requests.push(req.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico, which the site does not have.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`);
  });
  return { context, page, requests, errors };
}

// mapFrame returns the frame of the map document of a page, once loaded,
// after checking that it is named like its map and has the map's shape.
async function mapFrame(page) {
  const el = await page.$('iframe.map-frame');
  assert.ok(el, 'no map frame');
  await el.scrollIntoViewIfNeeded(); // loading="lazy"
  const frame = await el.contentFrame();
  await frame.waitForSelector('svg.map');
  await frame.waitForLoadState('load'); // its stylesheet too
  const title = await el.getAttribute('title');
  assert.equal(await frame.$eval('svg.map > title', (t) => t.textContent), title, 'frame named like its map');
  const box = await el.boundingBox();
  const [, , vw, vh] = (await frame.$eval('svg.map', (s) => s.getAttribute('viewBox'))).split(' ').map(Number);
  assert.ok(Math.abs(box.width / box.height - vw / vh) < 0.02 || box.height >= 0.79 * page.viewportSize().height,
    `frame ${box.width}×${box.height} does not have the map's shape ${vw}×${vh}`);
  assert.ok(await frame.$eval('svg.map', (s) => getComputedStyle(s.querySelector('path[class]')).fill !== 'rgb(0, 0, 0)'), 'map not styled by the site CSS');
  return frame;
}

// checkMap checks the SVG maps of a page (or frame) and returns their links.
async function checkMap(page, selector) {
  const maps = await page.$$eval(selector, (svgs) => svgs.map((svg) => {
    const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    return {
      named: ids.map((id) => document.getElementById(id)).map((e) => e && e.textContent.trim()),
      links: [...svg.querySelectorAll('a')].map((a) => ({ href: a.href.baseVal || a.getAttribute('href'), label: a.getAttribute('aria-label'), target: a.getAttribute('target') })),
      paths: svg.querySelectorAll('path').length,
    };
  }));
  assert.ok(maps.length > 0, `no map ${selector}`);
  for (const m of maps) {
    assert.equal(m.named.length, 2, 'map named by a title and a description');
    for (const n of m.named) assert.ok(n && n.length > 3, `empty title or description: ${JSON.stringify(m.named)}`);
    assert.ok(m.paths > 0, 'map draws nothing');
    for (const l of m.links) {
      assert.ok(l.label && l.label.trim(), `link without a name: ${l.href}`);
      assert.ok(l.href && l.href.startsWith('/'), `link outside the site: ${l.href}`);
    }
  }
  return maps.flatMap((m) => m.links);
}

describe('maps', () => {
  before(async () => {
    sample = buildSample('cpts-maps-');
    site = await serve(sample.dist);
    browser = await launchChromium();
  });

  after(async () => {
    if (browser) await browser.close();
    if (site) await site.close();
    if (sample) sample.cleanup();
  });

  it('CPTS, département, commune and France maps are named links to existing pages', async () => {
    const { context, page, errors } = await newPage();
    const links = [];
    let france = [];
    for (const [p, sel, framed] of [
      ['/cpts/quercy-bouriane/', 'svg.map-territory', true],
      ['/departements/46/', 'svg.map-departement', true],
      ['/communes/46127/', 'svg.map-locator', false],
      ['/carte/', 'svg.map-france', true],
    ]) {
      const res = await page.goto(site.origin + p);
      assert.equal(res.status(), 200, p);
      const doc = framed ? await mapFrame(page) : page;
      const found = await checkMap(doc, sel);
      if (framed) for (const l of found) assert.equal(l.target, '_top', `${p}: map link ${l.href} opens in the frame`);
      links.push(...found);
      if (sel === 'svg.map-france') france = found.map((l) => l.label);
    }
    assert.ok(france.includes('Projet de CPTS Quercy Bouriane'), `France map links: ${france}`);
    // A link of a framed map opens its page in the window, not in the frame.
    await page.goto(site.origin + '/cpts/quercy-bouriane/');
    const frame = await mapFrame(page);
    await frame.click('a[aria-label="Gourdon"]');
    await page.waitForURL(site.origin + '/communes/46127/');
    // Every link of every map leads to a page of the site.
    for (const href of new Set(links.map((l) => l.href))) {
      const res = await page.goto(site.origin + href);
      assert.equal(res.status(), 200, href);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('finds the commune and its CPTS from a mocked position, asking only the site', async () => {
    const { context, page, requests, errors } = await newPage({
      geolocation: { latitude: 44.7318, longitude: 1.37703 }, permissions: ['geolocation'],
    });
    await page.goto(site.origin + '/');
    const button = page.locator('[data-locate] button');
    await button.click();
    const status = page.locator('[data-locate] [role=status]');
    await status.getByRole('link', { name: 'Projet de CPTS Quercy Bouriane' }).waitFor({ timeout: 15_000 });
    assert.match(await status.innerText(), /Vous êtes à Gourdon \(46\)\./);
    assert.equal(await status.getByRole('link', { name: /Voir la page de Gourdon/ }).getAttribute('href'), '/communes/46127/');
    for (const url of requests) assert.ok(url.startsWith(site.origin + '/'), `request outside the site: ${url}`);
    assert.ok(requests.some((u) => u.endsWith('/localisation/46.json')), 'the Lot file was fetched');
    assert.ok(!requests.some((u) => /44\.73|1\.377/.test(u)), 'the position is in no request');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('finds an uncovered commune of a département with a CPTS', async () => {
    // Cahors (46042): in the Lot, outside the Quercy - Bouriane territory.
    const { context, page } = await newPage({
      geolocation: { latitude: 44.4475, longitude: 1.4406 }, permissions: ['geolocation'],
    });
    await page.goto(site.origin + '/');
    await page.locator('[data-locate] button').click();
    const status = page.locator('[data-locate] [role=status]');
    await status.getByText('Aucune CPTS').waitFor({ timeout: 15_000 });
    assert.match(await status.innerText(), /Vous êtes à Cahors \(46\)\./);
    await context.close();
  });

  it('says when the position is outside the directory or refused', async () => {
    let { context, page } = await newPage({ geolocation: { latitude: 48.3904, longitude: -4.4861 }, permissions: ['geolocation'] });
    await page.goto(site.origin + '/');
    await page.locator('[data-locate] button').click();
    await page.locator('[data-locate] [role=status]').getByText('en dehors des communes').waitFor({ timeout: 15_000 });
    await context.close();
    ({ context, page } = await newPage());
    await page.goto(site.origin + '/');
    await page.locator('[data-locate] button').click();
    await page.locator('[data-locate] [role=status]').getByText(/refusé|n’a pas pu/).waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('the location block stays hidden without JavaScript', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(site.origin + '/');
    assert.equal(await page.locator('[data-locate]').isHidden(), true);
    await context.close();
  });

  it('the optional tile map loads tiles from the configured host only, and zooms', async () => {
    // A tile server on another origin stands for the host a site owner
    // chooses: every tile is the same grey PNG.
    const png = grayPNG();
    const tileRequests = [];
    const tiles = http.createServer((req, res) => {
      tileRequests.push(req.url);
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(png);
    });
    await new Promise((ok) => tiles.listen(0, '127.0.0.1', ok));
    const tileOrigin = `http://127.0.0.1:${tiles.address().port}`;
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-tiles-src-'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-tiles-'));
    let tileSite;
    try {
      fs.cpSync(path.join(REPO, 'content'), path.join(src, 'content'), { recursive: true });
      fs.writeFileSync(path.join(src, 'config.toml'), fs.readFileSync(path.join(REPO, 'config.toml'), 'utf8') +
        `\n[maps]\ntiles = "${tileOrigin}/{z}/{x}/{y}.png"\ntiles_attribution = "Tuiles de test"\n`);
      const r = spawnSync('go', ['run', './cmd/cpts', 'build', '-s', src, '-d', path.join(out, 'public')], { cwd: REPO, encoding: 'utf8', timeout: 10 * 60_000 });
      assert.equal(r.status, 0, `cpts build failed:\n${r.stdout}${r.stderr}`);
      tileSite = await serve(path.join(out, 'public'));
      const { context, page, requests, errors } = await newPage();
      await page.goto(tileSite.origin + '/cpts/quercy-bouriane/');
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, new RegExp(`img-src 'self' data: ${tileOrigin.replace(/[.:/]/g, '\\$&')};`));
      assert.match(await page.locator('.tilemap + .hint').innerText(), /Tuiles de test/);
      await page.locator('.tilemap-tiles img').first().waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => [...document.querySelectorAll('.tilemap-tiles img')].every((i) => i.complete && i.naturalWidth === 1));
      const d = await page.getAttribute('.tilemap-overlay path', 'd');
      assert.match(d, /^M-?\d+ -?\d+L/, 'territory drawn over the tiles');
      const zoom = (u) => Number(u.split('/')[1]);
      const before = Math.max(...tileRequests.map(zoom));
      await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
      await page.waitForFunction((z) => [...document.querySelectorAll('.tilemap-tiles img')].some((i) => i.src.includes(`/${z}/`)), before + 1);
      for (const url of requests) {
        assert.ok(url.startsWith(tileSite.origin + '/') || url.startsWith(tileOrigin + '/'), `request to another host: ${url}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      if (tileSite) await tileSite.close();
      tiles.close();
      fs.rmSync(src, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

// grayPNG returns a 1x1 grey PNG (the browser stretches it to 256 px).
function grayPNG() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1x1, 8-bit grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0xc0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
