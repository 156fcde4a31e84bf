'use strict';
// What the browser test files share: the repository, Debian's Chromium
// launched with the flags this machine needs, the sample site built once
// per file (or taken from CPTS_SITE_DIR), and `cpts serve` started.

const { spawn, spawnSync } = require('node:child_process');
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

// startServe runs `cpts serve` with args (spawn options opts: cwd, env)
// and resolves, once it prints its address (in English, or in French for
// a French site), to { proc, origin }; it kills a server that does not
// start within a minute.
function startServe(bin, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(bin, ['serve', ...args], { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      proc.kill('SIGINT');
      reject(new Error(`cpts serve did not start:\n${out}`));
    }, 60_000);
    const onData = (chunk) => {
      out += chunk;
      const m = /(?:Serving at|Site servi à) (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, origin: m[1] });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`cpts serve exited with ${code}:\n${out}`)));
  });
}

module.exports = { REPO, CHROMIUM, launchChromium, buildSample, startServe };
