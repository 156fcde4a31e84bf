'use strict';
// Helpers shared by the tests and the measurement script.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const CLIENT = path.join(REPO, 'themes', 'default', 'static', 'js', 'search.js');
const TESTDATA = path.join(REPO, 'generator', 'search', 'testdata');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 64 << 20, ...opts });
  if (r.error || r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.error ? r.error.message : 'exit ' + r.status}):\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

function tmpdir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// testIndex returns the folder holding the index of the Go test site
// (generator/search/site_test.go): $SEARCH_INDEX, or one written by
// go test -write-index.
function testIndex() {
  if (process.env.SEARCH_INDEX) return path.resolve(process.env.SEARCH_INDEX);
  const dir = tmpdir('cpts-search-index-');
  run('go', ['test', './generator/search', '-run', '^TestQueries$', '-count=1', '-args', '-write-index', dir]);
  return dir;
}

// buildSite builds a site folder (config.toml + content/) into a new
// folder and returns it.
function buildSite(source, dest) {
  run('go', ['run', './cmd/cpts', 'build', '--source', source, '-d', dest]);
  return dest;
}

// allCommunesSite copies the sample (config.toml, content/) into a new
// folder with [communes] pages = "all": a page for each of the ~35,000
// communes. It returns the folder.
function allCommunesSite() {
  const dir = tmpdir('cpts-search-site-');
  fs.cpSync(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  const config = fs.readFileSync(path.join(REPO, 'config.toml'), 'utf8');
  const changed = config.replace(/^pages\s*=\s*"[a-z]+"/m, 'pages = "all"');
  if (changed === config) throw new Error('config.toml has no [communes] pages line to change');
  fs.writeFileSync(path.join(dir, 'config.toml'), changed);
  return dir;
}

module.exports = { REPO, CLIENT, TESTDATA, CHROMIUM, CHROMIUM_ARGS, run, tmpdir, testIndex, buildSite, allCommunesSite };
