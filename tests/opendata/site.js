// Builds the sample site once (or uses OPENDATA_SITE_DIR) and returns the
// folder of its open data files.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..');
let built;

function dataDir() {
  if (process.env.OPENDATA_SITE_DIR) {
    return path.join(process.env.OPENDATA_SITE_DIR, 'donnees');
  }
  if (!built) {
    built = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-opendata-')), 'public');
    execFileSync('go', ['run', './cmd/cpts', 'build', '-d', built], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return path.join(built, 'donnees');
}

module.exports = { dataDir };
