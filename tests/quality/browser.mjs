// Headless Chromium (Debian's /usr/bin/chromium, driven by puppeteer-core) over a local server
// that serves the built site on 127.0.0.1, as a static host would.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ics': 'text/calendar; charset=utf-8',
  '.ico': 'image/x-icon',
};

export class Browser {
  static async start(site) {
    const server = http.createServer((req, res) => {
      const file = site.fileOf(new URL(req.url, 'http://localhost').pathname);
      const status = file === null ? 404 : 200;
      const served = file ?? (fs.existsSync(path.join(site.dir, '404.html')) ? '404.html' : null);
      res.writeHead(status, { 'content-type': TYPES[path.extname(served ?? '.txt')] ?? 'application/octet-stream' });
      res.end(served ? fs.readFileSync(path.join(site.dir, served)) : 'not found');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${server.address().port}`;
    const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
    if (!fs.existsSync(executablePath)) {
      server.close();
      throw new Error(`no Chromium at ${executablePath}: apt-get install chromium (or set CHROMIUM)`);
    }
    const chromium = await puppeteer.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--font-render-hinting=none'],
    });
    return new Browser(server, origin, chromium);
  }

  constructor(server, origin, chromium) {
    this.server = server;
    this.origin = origin;
    this.chromium = chromium;
  }

  // Opens a site path at a viewport. Requests to any other origin are blocked and recorded in
  // `page.foreign`; `page.status` is the HTTP status of the page itself.
  async open(urlPath, { width, height, javascript = true }) {
    const page = await this.chromium.newPage();
    page.foreign = [];
    await page.setJavaScriptEnabled(javascript);
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(this.origin) || url.startsWith('data:') || url.startsWith('blob:')) {
        request.continue();
      } else {
        page.foreign.push(url);
        request.abort('blockedbyclient');
      }
    });
    const response = await page.goto(`${this.origin}${urlPath}`, { waitUntil: 'load' });
    page.status = response?.status() ?? 0;
    return page;
  }

  async close() {
    await this.chromium.close();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
