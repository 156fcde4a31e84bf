'use strict';
// Accessibility, layout and HTML-validity tests of the built site (issue #3).
//
// The site is built once (go run ./cmd/cpts build -d <tmp>) and served on
// 127.0.0.1. One page of each type is then opened in Chromium through
// playwright-core and checked with axe-core (WCAG 2.0/2.1 A and AA), at a
// 320-px-wide viewport for horizontal scroll, and for requests to any other
// host and console errors. The same pages, as built files, go through the W3C
// Nu checker (vnu-jar). See README.md for the environment variables.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync, execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serve } = require('./server');

const REPO = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const JAVA = process.env.JAVA || 'java';
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VNU_JAR = String(require('vnu-jar'));
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations', 'incomplete'],
};
const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 320, height: 640 };
const PHONE = { width: 375, height: 812 };
// Full-page screenshots of every page at 375 and 1280 px, kept for review
// (CI keeps the folder as an artefact).
const SCREENSHOTS = process.env.SCREENSHOTS || path.join(os.tmpdir(), 'cpts-screenshots');
const NAV_TIMEOUT = 30_000;

// newsSlug returns the slug of the first news item of a CPTS, as the site
// builds it: the front matter's slug, else the file name less its date.
function newsSlug(cpts) {
  const dir = path.join(REPO, 'content', 'cpts', cpts, 'news');
  const file = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[0];
  const m = /^slug\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(dir, file), 'utf8'));
  return m ? m[1] : file.replace(/\.md$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
}

// One page of each type. file is the built file the Nu checker reads.
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'CPTS list', path: '/cpts/' },
  { name: 'CPTS', path: '/cpts/pays-de-lunel/' },
  { name: 'CPTS with no commune listed', path: '/cpts/e-rhony/' },
  { name: 'communes of a CPTS territory', path: '/cpts/pays-de-lunel/communes/' },
  { name: 'poster of a CPTS', path: '/cpts/pays-de-lunel/affiche/' },
  { name: 'CPTS news item', path: `/cpts/colhaj/actualites/${newsSlug('colhaj')}/` },
  { name: 'news list', path: '/actualites/' },
  { name: 'communes index', path: '/communes/' },
  { name: 'communes by letter', path: '/communes/l/' },
  { name: 'communes by letter, page 2', path: '/communes/s/page/2/' },
  { name: 'covered commune', path: '/communes/34145/' },
  { name: 'uncovered commune', path: '/communes/30189/' },
  { name: 'départements', path: '/departements/' },
  { name: 'département', path: '/departements/34/' },
  { name: 'communes of a département without a CPTS, page 2', path: '/departements/31/sans-cpts/page/2/' },
  { name: 'région', path: '/regions/76/' },
  { name: 'free page', path: '/pages/qu-est-ce-qu-une-cpts/' },
  { name: 'accessibility statement', path: '/accessibilite/' },
  { name: 'glossary', path: '/glossaire/' },
  { name: 'joining a CPTS', path: '/rejoindre/' },
  { name: 'site map', path: '/plan-du-site/' },
  { name: 'open data', path: '/donnees/' },
  { name: 'map of France', path: '/carte/' },
  { name: 'CPTS with its map', path: '/cpts/quercy-bouriane/' },
  { name: 'commune with a locator map', path: '/communes/46127/' },
  { name: 'département with a map', path: '/departements/46/' },
  { name: 'missing path (404)', path: '/cette-page-n-existe-pas/', status: 404, file: '404.html' },
].map((p) => ({ status: 200, file: path.posix.join(p.path.slice(1), 'index.html'), ...p }));

let dist; // built site
let ownDist = false;
let site; // { origin, close }
let browser;
let contexts; // { desktop, mobile, axe }
let vnuResult; // Promise of Map(file -> [messages])

function buildSite() {
  if (process.env.CPTS_SITE_DIR) {
    dist = path.resolve(process.env.CPTS_SITE_DIR);
    return;
  }
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-browser-'));
  ownDist = true;
  const t0 = Date.now();
  const r = spawnSync('go', ['run', './cmd/cpts', 'build', '-d', dist], {
    cwd: REPO, encoding: 'utf8', timeout: 10 * 60_000,
  });
  if (r.error || r.status !== 0) {
    throw new Error(`go run ./cmd/cpts build failed (${r.error ? r.error.message : 'exit ' + r.status}):\n${r.stdout}${r.stderr}`);
  }
  console.log(`# site built into ${dist} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// runVnu checks the files with the Nu checker, errors only, and resolves to a
// Map from absolute file path to its messages ('*' for messages that name no
// file of the list).
function runVnu(files) {
  return new Promise((resolve, reject) => {
    const args = ['-jar', VNU_JAR, '--errors-only', '--exit-zero-always', '--format', 'json', ...files];
    execFile(JAVA, args, { maxBuffer: 64 << 20, timeout: 5 * 60_000 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`${JAVA} -jar vnu.jar failed: ${err.message}\n${stderr}`));
        return;
      }
      let out;
      try {
        out = JSON.parse(stderr || stdout);
      } catch {
        reject(new Error(`vnu.jar printed no JSON:\n${stdout}${stderr}`));
        return;
      }
      const byFile = new Map();
      for (const m of out.messages || []) {
        let key = '*';
        if (m.url && m.url.startsWith('file:')) key = path.resolve(decodeURIComponent(new URL(m.url).pathname));
        if (!byFile.has(key)) byFile.set(key, []);
        byFile.get(key).push(m);
      }
      resolve(byFile);
    });
  });
}

// visit opens url in a new page of context and records every request, every
// failed or >= 400 sub-resource and every console error.
async function visit(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT);
  const rec = { page, requests: [], consoleErrors: [], badResponses: [] };
  page.on('request', (r) => rec.requests.push(r.url()));
  page.on('requestfailed', (r) => rec.badResponses.push(`${r.url()}: ${r.failure() ? r.failure().errorText : 'failed'}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url() !== url) rec.badResponses.push(`${r.url()}: HTTP ${r.status()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') rec.consoleErrors.push({ text: m.text(), url: m.location().url });
  });
  page.on('pageerror', (e) => rec.consoleErrors.push({ text: `uncaught exception: ${e.message}`, url }));
  rec.response = await page.goto(url, { waitUntil: 'load' });
  return rec;
}

function formatViolations(pagePath, violations) {
  const lines = [];
  let nodes = 0;
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact}) on ${pagePath}: ${v.help} [${v.helpUrl}]`);
    for (const n of v.nodes) {
      nodes++;
      const why = (n.failureSummary || '').split('\n').slice(1).map((s) => s.trim()).filter(Boolean).join(' / ');
      lines.push(`    ${n.target.join(' ')}${why ? '  — ' + why : ''}`);
    }
  }
  return `${violations.length} axe-core violation(s), ${nodes} element(s), on ${pagePath}:\n${lines.join('\n')}`;
}

describe('built site', () => {
  before(async () => {
    buildSite();
    for (const p of PAGES) {
      assert.ok(fs.existsSync(path.join(dist, p.file)), `${p.file} is missing from the built site`);
    }
    vnuResult = runVnu(PAGES.map((p) => path.join(dist, p.file)));
    vnuResult.catch(() => {}); // reported by the tests that await it
    site = await serve(dist);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      chromiumSandbox: false,
      // playwright-core gives the browser a fresh, temporary --user-data-dir.
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    contexts = {
      desktop: await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' }),
      mobile: await browser.newContext({ viewport: MOBILE, locale: 'fr-FR' }),
      phone: await browser.newContext({ viewport: PHONE, locale: 'fr-FR', hasTouch: true }),
      // axe-core is injected as an inline script, which the site's CSP forbids.
      axe: await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', bypassCSP: true }),
    };
  });

  after(async () => {
    if (browser) await browser.close();
    if (site) await site.close();
    if (ownDist && !process.env.KEEP_SITE) fs.rmSync(dist, { recursive: true, force: true });
  });

  it('prints the poster of a CPTS on one A4 sheet, without the site header, its code a square of 55 mm', async () => {
    const rec = await visit(contexts.desktop, site.origin + '/cpts/pays-de-lunel/affiche/');
    try {
      await rec.page.emulateMedia({ media: 'print' });
      const shown = await rec.page.evaluate(() => ({
        header: getComputedStyle(document.querySelector('.site-header')).display,
        hint: getComputedStyle(document.querySelector('.poster .no-print')).display,
        qr: document.querySelector('.poster-qr svg').getBoundingClientRect().width,
      }));
      assert.equal(shown.header, 'none', 'the site header is printed');
      assert.equal(shown.hint, 'none', 'the printing hint is printed');
      const mm = shown.qr * 25.4 / 96;
      assert.ok(mm > 50 && mm < 56, `the QR code is ${mm.toFixed(1)} mm wide, want 55 mm`);
      const pdf = await rec.page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.equal(pages, 1, `the poster prints on ${pages} pages`);
    } finally {
      await rec.page.close();
    }
  });

  for (const spec of PAGES) {
    describe(`${spec.name} ${spec.path}`, () => {
      const url = () => site.origin + spec.path;

      it(`answers ${spec.status}, requests only 127.0.0.1 and logs no console error`, async () => {
        const rec = await visit(contexts.desktop, url());
        try {
          const problems = [];
          if (rec.response.status() !== spec.status) problems.push(`HTTP status ${rec.response.status()}, want ${spec.status}`);
          for (const u of rec.requests) {
            const { protocol, hostname } = new URL(u);
            if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') continue;
            if (hostname !== '127.0.0.1') problems.push(`request to another host: ${u}`);
          }
          for (const b of rec.badResponses) problems.push(`sub-resource failed: ${b}`);
          for (const c of rec.consoleErrors) {
            // Chromium logs the status of the main document of the 404 page.
            if (spec.status === 404 && c.url === url() && /status of 404/.test(c.text)) continue;
            problems.push(`console error: ${c.text}${c.url ? ' (' + c.url + ')' : ''}`);
          }
          assert.ok(problems.length === 0, `${problems.length} problem(s) on ${spec.path}:\n${problems.join("\n")}`);
        } finally {
          await rec.page.close();
        }
      });

      it('has the theme\'s controls, 44-px targets on a 375-px touch screen; screenshots at 375 and 1280 px', async () => {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const base = spec.path.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'accueil';
        const rec = await visit(contexts.phone, url());
        try {
          await rec.page.screenshot({ path: path.join(SCREENSHOTS, `${base}-375.png`), fullPage: true });
          const bad = await rec.page.evaluate(() => {
            const out = [];
            const bodyFont = getComputedStyle(document.body).fontFamily;
            for (const el of document.querySelectorAll('button, input:not([type=hidden]), select, textarea')) {
              const b = el.getBoundingClientRect();
              if (b.width === 0 && b.height === 0) continue; // not shown
              const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim()}"`;
              if (b.height < 44 || b.width < 44) out.push(`${name}: ${Math.round(b.width)}×${Math.round(b.height)} px, under 44 px`);
              const s = getComputedStyle(el);
              if (s.fontFamily !== bodyFont) out.push(`${name}: font ${s.fontFamily}, not the page's ${bodyFont}`);
              if (el.tagName === 'BUTTON' && (s.backgroundColor === 'rgb(239, 239, 239)' || s.borderStyle === 'outset')) {
                out.push(`${name}: the browser's default button`);
              }
            }
            return out;
          });
          assert.deepEqual(bad, [], `${spec.path} at 375 px:\n${bad.join('\n')}`);
        } finally {
          await rec.page.close();
        }
        const wide = await visit(contexts.desktop, url());
        try {
          await wide.page.screenshot({ path: path.join(SCREENSHOTS, `${base}-1280.png`), fullPage: true });
        } finally {
          await wide.page.close();
        }
      });

      it('has no horizontal scroll at 320 px', async () => {
        const rec = await visit(contexts.mobile, url());
        try {
          const r = await rec.page.evaluate(() => {
            const vw = document.documentElement.clientWidth;
            const wide = [];
            const name = (el) => {
              let sel = el.tagName.toLowerCase();
              if (el.id) sel += '#' + el.id;
              if (el.classList.length) sel += '.' + [...el.classList].join('.');
              return (el.parentElement ? el.parentElement.tagName.toLowerCase() + ' > ' : '') + sel;
            };
            for (const el of document.body.querySelectorAll('*')) {
              const b = el.getBoundingClientRect();
              if (b.width > 0 && b.right > vw + 0.5) {
                wide.push(`${name(el)} (right edge ${Math.round(b.right)} px)`);
              } else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'
                  && b.left + el.scrollWidth > vw + 0.5) {
                wide.push(`${name(el)} (content ${el.scrollWidth} px wide in a box of ${el.clientWidth} px)`);
              }
            }
            return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 15) };
          });
          assert.ok(r.scrollWidth <= MOBILE.width,
            `${spec.path}: scrollWidth ${r.scrollWidth} px > ${MOBILE.width} px; elements past the right edge:\n${r.wide.join('\n')}`);
        } finally {
          await rec.page.close();
        }
      });

      it('has no axe-core violation (wcag2a, wcag2aa, wcag21a, wcag21aa)', async (t) => {
        const rec = await visit(contexts.axe, url());
        try {
          await rec.page.addScriptTag({ content: AXE_SOURCE });
          const res = await rec.page.evaluate((opts) => window.axe.run(document, opts), AXE_OPTIONS);
          for (const inc of res.incomplete) {
            t.diagnostic(`axe needs review: ${inc.id} on ${inc.nodes.length} element(s) of ${spec.path}`);
          }
          assert.ok(res.violations.length === 0, formatViolations(spec.path, res.violations));
        } finally {
          await rec.page.close();
        }
      });

      it('has no Nu checker error', async () => {
        const byFile = await vnuResult;
        const file = path.join(dist, spec.file);
        const msgs = [...(byFile.get(file) || []), ...(byFile.get('*') || [])];
        const lines = msgs.map((m) => `- ${spec.file}:${m.lastLine || '?'}:${m.firstColumn || m.lastColumn || '?'}: ${m.type}${m.subType ? '/' + m.subType : ''}: ${m.message}${m.extract ? '\n    ' + JSON.stringify(m.extract) : ''}`);
        assert.ok(msgs.length === 0, `${msgs.length} Nu checker error(s) on ${spec.path} (${spec.file}):\n${lines.join('\n')}`);
      });
    });
  }
});
