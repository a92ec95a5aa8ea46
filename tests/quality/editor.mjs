// The web editor, for real (docs/editor.md): a built site with `editor:` and a self-hosted Decap
// CMS, served on localhost, with decap-server as the editor's local back end. Usage:
//   node editor.mjs --site DIR --public DIR --script FILE [--screenshot FILE]
// DIR is the site folder (decap-server reads and writes its content/), --public its build, FILE
// the copy of decap-cms.js the build serves. Checks: the pinned hash of the page without
// `editor.script` is this file's SHA-384; the editor loads its config.yml without an error, in the
// site's language; signed in to the local back end, each collection lists the site's entries; the
// form of a new story has a field for every field of config.yml; no request leaves localhost.
// Exits 1 on a problem, printing every one.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import YAML from 'yaml';

const { values: args } = parseArgs({
  options: { site: { type: 'string' }, public: { type: 'string' }, script: { type: 'string' }, pinned: { type: 'string' }, screenshot: { type: 'string' } },
});
if (!args.site || !args.public || !args.script || !args.pinned) {
  console.error('editor: --site, --public, --script and --pinned are required');
  process.exit(2);
}
const problems = [];
const here = path.dirname(new URL(import.meta.url).pathname);

// 1. The integrity a default build pins is the hash of the file the npm package holds.
const pinnedPage = fs.readFileSync(args.pinned, 'utf8');
const integrity = /integrity="(sha384-[^"]+)"/.exec(pinnedPage)?.[1];
const actual = 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(args.script)).digest('base64');
if (integrity !== actual) problems.push(`the pinned integrity ${integrity} is not the SHA-384 of decap-cms.js (${actual})`);

// config.yml, as the build wrote it: what the form must show.
const configText = fs.readFileSync(path.join(args.public, 'admin/config.yml'), 'utf8');
const config = YAML.parse(configText);

// 2. The editor in a browser, on localhost (where Decap uses its local back end).
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.yml': 'text/yaml', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.png': 'image/png' };
const root = path.resolve(args.public);
const server = http.createServer((req, res) => {
  let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
  if (file.endsWith('/')) file = path.join(file, 'index.html');
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://localhost:${server.address().port}`;
const backend = spawn(path.join(here, 'node_modules/.bin/decap-server'), [], { cwd: args.site, env: { ...process.env, PORT: '8081' }, stdio: ['ignore', 'pipe', 'pipe'] });
let backendLog = '';
backend.stdout.on('data', (d) => (backendLog += d));
backend.stderr.on('data', (d) => (backendLog += d));
await new Promise((resolve) => {
  const until = Date.now() + 15000;
  const poll = () => (backendLog.includes('listening') || Date.now() > until ? resolve() : setTimeout(poll, 100));
  poll();
});

const chromium = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
try {
  const page = await chromium.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  const foreign = [];
  const errors = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith(origin) || url.startsWith('http://localhost:8081/') || url.startsWith('data:') || url.startsWith('blob:')) r.continue();
    else {
      foreign.push(url);
      r.abort('blockedbyclient');
    }
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const text = async () => page.evaluate(() => document.body.innerText);
  const waitFor = async (what, test, ms = 20000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (test(await text())) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    problems.push(`${what}; the page shows: ${(await text()).slice(0, 300).replace(/\s+/g, ' ')}`);
    return false;
  };
  await page.goto(`${origin}/admin/`, { waitUntil: 'load' });
  const login = config.locale === 'nl' ? 'Inloggen' : 'Login';
  if (await waitFor(`the editor shows no \`${login}\` button (a config error?)`, (t) => t.includes(login))) {
    const [button] = await page.$$('xpath/.//button[contains(., "' + login + '")]');
    await button.click();
    for (const collection of config.collections) {
      await page.goto(`${origin}/admin/#/collections/${collection.name}`, { waitUntil: 'load' });
      const folder = path.join(args.site, collection.folder);
      const expected = fs.readdirSync(folder).filter((f) => f.endsWith('.md') || fs.existsSync(path.join(folder, f, 'index.md'))).length;
      // Every entry's summary starts with its identifier field; count the list's cards.
      await waitFor(`collection \`${collection.name}\` is not listed with its label \`${collection.label}\``, (t) => t.includes(collection.label));
      const until = Date.now() + 20000;
      let listed = 0;
      while (Date.now() < until && listed < expected) {
        listed = await page.$$eval('a[href*="/entries/"]', (a) => a.length);
        await new Promise((r) => setTimeout(r, 250));
      }
      if (listed !== expected) problems.push(`collection \`${collection.name}\` lists ${listed} entries, the folder has ${expected}`);
    }
    await page.goto(`${origin}/admin/#/collections/stories/new`, { waitUntil: 'load' });
    const stories = config.collections.find((c) => c.name === 'stories');
    await waitFor('the new-story form does not show', (t) => t.toLowerCase().includes(stories.fields[0].label.toLowerCase()));
    const form = (await text()).toLowerCase();
    for (const field of stories.fields) {
      if (!form.includes(field.label.toLowerCase())) problems.push(`the new-story form has no field \`${field.label}\` (${field.name})`);
    }
    if (args.screenshot) await page.screenshot({ path: args.screenshot });
  }
  if (foreign.length) problems.push(`requests to other hosts: ${[...new Set(foreign)].join(', ')}`);
  if (errors.length) problems.push(`script errors: ${errors.join('; ')}`);
} finally {
  await chromium.close();
  backend.kill();
  server.close();
}
if (problems.length) {
  console.log(`FAIL editor\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`PASS editor (config.yml loads in Decap CMS, ${config.collections.length} collections listed, every story field on the form, no request off localhost)`);
