'use strict';
// The static server the browser tests use: folders, 404s, no way out of the root.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serve } = require('./server');

describe('static server', () => {
  let dir;
  let site;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpts-server-'));
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>home');
    fs.writeFileSync(path.join(dir, 'a', 'index.html'), '<p>a');
    fs.writeFileSync(path.join(dir, '404.html'), '<p>not found');
    fs.writeFileSync(path.join(dir, 'site.css'), 'p{}');
    site = await serve(dir);
  });

  after(async () => {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (p) => fetch(site.origin + p, { redirect: 'manual' });

  it('listens on 127.0.0.1', () => {
    assert.match(site.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves index.html for a folder', async () => {
    let r = await get('/');
    assert.equal(r.status, 200);
    assert.equal(await r.text(), '<p>home');
    r = await get('/a/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.equal(await r.text(), '<p>a');
  });

  it('redirects a folder without its trailing slash', async () => {
    const r = await get('/a');
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), '/a/');
  });

  it('serves files with their type', async () => {
    const r = await get('/site.css');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/css/);
  });

  it('answers 404 with 404.html for a missing path', async () => {
    for (const p of ['/nope/', '/nope.html', '/a/b/c', '/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await get(p);
      assert.equal(r.status, 404, p);
      assert.equal(await r.text(), '<p>not found', p);
    }
  });
});
