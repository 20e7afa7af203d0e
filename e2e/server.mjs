// A tiny static file server for the end-to-end tests (node:http, no dependencies).
//
// It serves one directory under a URL sub-path (the site's base_path, e.g. /chi-so/), sends
// `Content-Security-Policy: default-src 'self'` on every response (unless csp: false), knows the
// content types the site uses, follows the redirect rules of the build's .htaccess and
// answers 404 to everything else. Cache-Control: see
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
 * The redirect rules a build writes into .htaccess (internal/redirect: the moved pages of
 * data/redirects.toml and the downloads of earlier versions, which a static site cannot
 * redirect itself; README, "Old download addresses"), read as Apache reads them:
 * `RedirectMatch STATUS "PATTERN" "TARGET"` lines, matched in order against the decoded
 * URL path, $1… in the target replaced by the groups. [] when the folder has none.
 */
export function readRedirects(root) {
  let text;
  try {
    text = fs.readFileSync(path.join(root, '.htaccess'), 'utf8');
  } catch {
    return [];
  }
  const rules = [];
  for (const line of text.split('\n')) {
    const args = apacheArgs(line);
    if (args[0] !== 'RedirectMatch') continue;
    if (args.length !== 4 || !/^3\d\d$/.test(args[1])) throw new Error(`.htaccess: cannot read ${JSON.stringify(line)}`);
    // Our patterns use only what PCRE and JavaScript read alike (\xHH, \., (?:…), [^/]+?).
    rules.push({ status: Number(args[1]), re: new RegExp(args[2]), to: args[3] });
  }
  return rules;
}

/** A line's arguments as Apache splits them: in double quotes, \" and \\ are one character. */
function apacheArgs(line) {
  const args = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|(\S+))/gy;
  let m;
  while ((m = re.exec(line)) && m[0].trim() !== '') {
    args.push(m[1] !== undefined ? m[1].replace(/\\(["\\])/g, '$1') : m[2]);
  }
  return args;
}

/** Where the rules send a decoded URL path: { status, location }, or null. */
export function redirectOf(rules, pathname) {
  for (const r of rules) {
    const m = r.re.exec(pathname);
    if (m) return { status: r.status, location: r.to.replace(/\$(\d)/g, (_, n) => encodeURIComponent(m[Number(n)] ?? '')) };
  }
  return null;
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
  const redirects = readRedirects(rootDir); // the build's, read once: tests serve a finished build

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

    const moved = redirectOf(redirects, pathname);
    if (moved) return send(moved.status, { Location: moved.location }, '');
    const rel = pathname.slice(basePath.length);
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
