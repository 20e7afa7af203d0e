// A tiny static file server for the end-to-end tests (node:http, no dependencies).
//
// It serves one directory under a URL sub-path (the site's base_path, e.g. /chi-so/), sends
// `Content-Security-Policy: default-src 'self'` on every response (unless csp: false), knows the
// content types the site uses and answers 404 to everything else. Cache-Control: see
// cacheControl (a year, immutable, for assets/vendor/; five minutes for other assets; pages
// revalidated).
//
//   import { start } from './server.mjs';
//   const srv = await start({ root: '/tmp/public', base: '/chi-so/' });
//   srv.url   // 'http://127.0.0.1:PORT/chi-so/'
//   await srv.close();
//
// Also runnable by hand to look at a build: node e2e/server.mjs DIR [BASE] [PORT]

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'";

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Cache-Control for a file (path relative to the base): the vendored chart library never
 * changes under its name, so browsers keep it for a year and reuse it across pages; our own
 * assets for a few minutes; pages are revalidated on every visit. Errors and redirects send
 * no-store (send's default).
 */
export function cacheControl(rel) {
  if (rel.startsWith('assets/vendor/')) return 'public, max-age=31536000, immutable';
  if (rel.startsWith('assets/')) return 'public, max-age=300';
  return 'no-cache';
}

/**
 * Where a download of an earlier version now lives (path relative to the base), or null:
 * the per-article, per-indicator and per-unit copies are in du-lieu/ket-qua.csv, a chart's
 * JSON in its CSV. A static site cannot redirect a data file; the portal's server does
 * (README, "Old download addresses").
 */
export function movedDownload(rel) {
  if (/^du-lieu\/(ky|chi-tieu|don-vi)\/[^/]+\.(csv|json)$/.test(rel)) return 'du-lieu/';
  const m = /^du-lieu\/bieu-do\/([^/]+?)(\.echarts)?\.json$/.exec(rel);
  return m ? `du-lieu/bieu-do/${m[1]}.csv` : null;
}

/** Normalise a base path to "/", or "/x/y/". */
export function normaliseBase(base) {
  let b = String(base || '/').trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b.replace(/\/{2,}/g, '/');
}

/**
 * Start serving `root` under `base` on 127.0.0.1 (port 0 = any free port unless given).
 * Options: csp (default true): send the CSP header; log (default false): log each request.
 * Resolves to { url, origin, port, base, close, requests } where requests lists
 * { method, path, status } of every request served.
 */
export function start({ root, base = '/', port = 0, csp = true, log = false } = {}) {
  if (!root) throw new Error('start: root is required');
  const rootDir = path.resolve(root);
  const basePath = normaliseBase(base);
  const requests = [];

  const server = http.createServer((req, res) => {
    const send = (status, headers, body) => {
      requests.push({ method: req.method, path: req.url, status });
      if (log) console.log(`${status} ${req.method} ${req.url}`);
      const h = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...headers };
      if (csp) h['Content-Security-Policy'] = CSP;
      res.writeHead(status, h);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found\n');

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
    }

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request\n');
    }
    if (pathname.includes('\0')) return notFound();
    // "/chi-so" without the slash: redirect to the base itself.
    if (basePath !== '/' && pathname === basePath.slice(0, -1)) {
      return send(301, { Location: basePath }, '');
    }
    if (!pathname.startsWith(basePath)) return notFound();

    const rel = pathname.slice(basePath.length);
    const moved = movedDownload(rel);
    if (moved !== null) return send(301, { Location: basePath + moved }, '');
    let file = path.resolve(rootDir, '.' + path.posix.sep + rel);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return notFound();

    let st;
    try {
      st = fs.statSync(file);
    } catch {
      return notFound();
    }
    if (st.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const u = new URL(req.url, 'http://x');
        return send(301, { Location: pathname.split('/').map(encodeURIComponent).join('/') + '/' + u.search }, '');
      }
      file = path.join(file, 'index.html');
      try {
        st = fs.statSync(file);
      } catch {
        return notFound();
      }
    }
    if (!st.isFile()) return notFound();
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!type) return notFound();
    let body;
    try {
      body = fs.readFileSync(file);
    } catch {
      return notFound();
    }
    return send(200, { 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': cacheControl(rel) }, body);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      const origin = `http://127.0.0.1:${p}`;
      resolve({
        url: origin + basePath,
        origin,
        port: p,
        base: basePath,
        requests,
        close: () =>
          new Promise((res) => {
            server.closeAllConnections?.();
            server.close(() => res());
          }),
      });
    });
  });
}

// node e2e/server.mjs DIR [BASE] [PORT]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, base = '/', port = '8080'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node e2e/server.mjs DIR [BASE] [PORT]');
    process.exit(2);
  }
  const srv = await start({ root: dir, base, port: Number(port), log: true });
  console.log(`serving ${path.resolve(dir)} at ${srv.url}`);
}
