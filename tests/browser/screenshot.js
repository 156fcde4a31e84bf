'use strict';
// node screenshot.js SITE_DIR OUT_DIR PATH... : full-page screenshots of the
// built site at 1280 px and 320 px wide, named after the path and the width.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serve } = require('./server');

(async () => {
  const [dir, out, ...paths] = process.argv.slice(2);
  if (!dir || !out || paths.length === 0) {
    console.error('usage: node screenshot.js SITE_DIR OUT_DIR PATH...');
    process.exit(2);
  }
  fs.mkdirSync(out, { recursive: true });
  const site = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromiumSandbox: false,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    for (const width of [1280, 320]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'fr-FR' });
      for (const p of paths) {
        const page = await context.newPage();
        await page.goto(site.origin + p, { waitUntil: 'load' });
        const name = (p.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home') + `-${width}.png`;
        await page.screenshot({ path: path.join(out, name), fullPage: true });
        console.log(path.join(out, name));
        await page.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
