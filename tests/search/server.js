'use strict';
// A static file server for a built site on 127.0.0.1, as a static host
// would serve it: gzip for text types when the client accepts it, a folder
// as its index.html, and 404.html for a missing path. Files under a
// "cacheable" prefix (fingerprinted names) get a long max-age, the others
// no-cache. It counts the bytes it sends per path, for the measurements.

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg']);

function resolveFile(root, urlPath) {
  let rel;
  try { rel = decodeURIComponent(urlPath); } catch { return null; }
  const abs = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (abs !== root && !abs.startsWith(root + path.sep)) return null;
  try {
    const st = fs.statSync(abs);
    if (st.isFile()) return abs;
    if (st.isDirectory()) {
      const index = path.join(abs, 'index.html');
      if (fs.existsSync(index)) return index;
    }
  } catch { /* missing */ }
  return null;
}

// serve starts the server on a free port; it resolves to
// { origin, sent: Map(path -> bytes on the wire), close() }.
function serve(rootDir, { extra = {} } = {}) {
  const root = path.resolve(rootDir);
  const sent = new Map();
  const gzCache = new Map();
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    let file = extra[urlPath] || resolveFile(root, urlPath);
    let status = 200;
    if (!file) {
      status = 404;
      file = path.join(root, '404.html');
      if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    }
    const ext = path.extname(file).toLowerCase();
    let body = fs.readFileSync(file);
    const headers = {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      'Cache-Control': /\.[0-9a-f]{10}\.(js|css|json)$/.test(file) || urlPath.startsWith('/pagefind/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      if (!gzCache.has(file)) gzCache.set(file, zlib.gzipSync(body, { level: 9 }));
      body = gzCache.get(file);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    sent.set(urlPath, (sent.get(urlPath) || 0) + body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        sent,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

module.exports = { serve };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) { console.error('usage: node server.js DIR'); process.exit(2); }
  serve(dir).then(({ origin }) => console.log(`serving ${dir} on ${origin}`));
}
