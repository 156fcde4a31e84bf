'use strict';
// A small static file server for the built site, listening on 127.0.0.1 only.
// A folder is served as its index.html (a folder asked for without its
// trailing slash is redirected to it), and a missing path gets the site's
// 404.html with status 404, as a static host would do.

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

function isDir(p) {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

// resolve maps a URL path to { status, file, location }.
function resolve(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0')) return { status: 400 };
  const abs = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (abs !== root && !abs.startsWith(root + path.sep)) return { status: 404 };
  if (isDir(abs)) {
    if (!rel.endsWith('/')) return { status: 301, location: urlPath + '/' };
    const index = path.join(abs, 'index.html');
    if (isFile(index)) return { status: 200, file: index };
  } else if (isFile(abs)) {
    return { status: 200, file: abs };
  }
  return { status: 404 };
}

// serve starts the server; it resolves to { server, origin, close() }.
function serve(rootDir, { port = 0 } = {}) {
  const root = path.resolve(rootDir);
  const notFound = path.join(root, '404.html');
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    const r = resolve(root, urlPath);
    if (r.status === 301) {
      res.writeHead(301, { Location: r.location });
      res.end();
      return;
    }
    let status = r.status;
    let file = r.file;
    if (status === 404 && isFile(notFound)) file = notFound;
    if (!file) {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(http.STATUS_CODES[status] + '\n');
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(status, {
      'Content-Type': contentType(file),
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolveP, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolveP({
        server,
        origin: `http://127.0.0.1:${p}`,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

module.exports = { serve, resolve };

if (require.main === module) {
  // node server.js DIR [PORT]: serve a built site by hand.
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node server.js DIR [PORT]');
    process.exit(2);
  }
  serve(dir, { port: Number(port) || 0 }).then(({ origin }) => console.log(`serving ${dir} on ${origin}`));
}
