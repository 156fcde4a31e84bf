'use strict';
// What the browser test files share: the repository, Debian's Chromium
// launched with the flags this machine needs, and the sample site built
// once per file (or taken from CPTS_SITE_DIR).

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const REPO = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// launchChromium starts headless Chromium without sandbox, GPU or any
// background connection (the closed network refuses them).
function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM, headless: true, chromiumSandbox: false,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

// buildSample returns { dist, cleanup }: the folder of the sample site,
// built with `go run ./cmd/cpts build` into a temporary folder named after
// prefix, or CPTS_SITE_DIR when set; cleanup removes what it built unless
// KEEP_SITE is set.
function buildSample(prefix) {
  if (process.env.CPTS_SITE_DIR) {
    return { dist: path.resolve(process.env.CPTS_SITE_DIR), cleanup() {} };
  }
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const r = spawnSync('go', ['run', './cmd/cpts', 'build', '-d', dist], { cwd: REPO, encoding: 'utf8', timeout: 10 * 60_000 });
  if (r.error || r.status !== 0) throw new Error(`cpts build failed:\n${r.stdout}${r.stderr}`);
  return {
    dist,
    cleanup() { if (!process.env.KEEP_SITE) fs.rmSync(dist, { recursive: true, force: true }); },
  };
}

module.exports = { REPO, CHROMIUM, launchChromium, buildSample };
