// The built site on disk: its HTML files, their URLs, parsed documents, and URL -> file lookup.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';

export class Site {
  constructor(dir) {
    this.dir = path.resolve(dir);
    if (!fs.existsSync(path.join(this.dir, 'index.html'))) {
      throw new Error(`${this.dir} is not a built site: it has no index.html`);
    }
    this.parsed = new Map();
    this.baseUrl = this.#baseUrl();
    // The folder the site is published in (`/werkenbij` for `https://example.github.io/werkenbij`,
    // '' at the root of its host): every URL path of the site starts with it.
    this.basePath = new URL(this.baseUrl).pathname.replace(/\/+$/, '');
  }

  // Every file of the site, as paths relative to its folder with `/` separators, sorted.
  files() {
    const out = [];
    const walk = (rel) => {
      for (const entry of fs.readdirSync(path.join(this.dir, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(child);
        else out.push(child);
      }
    };
    walk('');
    return out.sort();
  }

  htmlFiles() {
    return this.files().filter((f) => f.endsWith('.html'));
  }

  // The site path a file is served at, below the site's folder: `a/index.html` -> `/a/`,
  // `404.html` -> `/404.html` (the URL `${baseUrl}/a/`).
  static urlOf(file) {
    if (file === 'index.html') return '/';
    if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
    return `/${file}`;
  }

  // The file a URL path is served from, relative to the site folder, or null when none exists
  // (outside the site's folder `basePath`, nothing is). Directory URLs map to their index.html;
  // query strings and fragments are ignored.
  fileOf(urlPath) {
    let p = urlPath.split('#')[0].split('?')[0];
    try {
      p = decodeURIComponent(p);
    } catch {
      return null;
    }
    if (this.basePath) {
      if (p !== this.basePath && !p.startsWith(`${this.basePath}/`)) return null;
      p = p.slice(this.basePath.length) || '/';
    }
    if (!p.startsWith('/') || p.split('/').includes('..')) return null;
    let rel = p.slice(1);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const abs = path.join(this.dir, rel);
    if (!fs.existsSync(abs)) return null;
    if (fs.statSync(abs).isDirectory()) {
      const index = path.join(rel, 'index.html');
      return fs.existsSync(path.join(this.dir, index)) ? index : null;
    }
    return rel;
  }

  // The URL path of an absolute URL on this site, or null for another site.
  localPath(absolute) {
    if (absolute === this.baseUrl || absolute.startsWith(`${this.baseUrl}/`)) {
      return new URL(absolute).pathname;
    }
    return null;
  }

  // The parsed document of an HTML file (with source locations), cached.
  document(file) {
    if (!this.parsed.has(file)) {
      const text = fs.readFileSync(path.join(this.dir, file), 'utf8');
      this.parsed.set(file, parse(text, { sourceCodeLocationInfo: true }));
    }
    return this.parsed.get(file);
  }

  // The base URL (no trailing slash), read from the home page's canonical link.
  #baseUrl() {
    const canonical = headOf(this.document('index.html')).canonical;
    if (!canonical) throw new Error('index.html has no <link rel="canonical">: cannot tell the base URL');
    return canonical.replace(/\/+$/, '');
  }
}

// Every element under a parse5 node, in document order.
export function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) {
      yield child;
      yield* elements(child.tagName === 'template' ? child.content : child);
    }
  }
}

export function attr(el, name) {
  const found = el.attrs.find((a) => a.name === name);
  return found ? found.value : null;
}

export function lineOf(el, name) {
  const loc = el.sourceCodeLocation;
  const at = (name && loc?.attrs?.[name]) || loc;
  return at ? `${at.startLine}:${at.startCol}` : '?';
}

// What the social and link gates read from a page's head: meta tags, canonical, robots, refresh.
export function headOf(doc) {
  const head = { meta: new Map(), canonical: null, title: null, noindex: false, refresh: null };
  for (const el of elements(doc)) {
    if (el.tagName === 'title' && head.title === null) {
      head.title = el.childNodes.map((n) => n.value ?? '').join('').trim();
    } else if (el.tagName === 'link' && (attr(el, 'rel') ?? '').split(/\s+/).includes('canonical')) {
      head.canonical ??= attr(el, 'href');
    } else if (el.tagName === 'meta') {
      const key = attr(el, 'property') ?? attr(el, 'name');
      const content = attr(el, 'content');
      if ((attr(el, 'http-equiv') ?? '').toLowerCase() === 'refresh') head.refresh = content;
      if (key && content !== null) {
        if (!head.meta.has(key)) head.meta.set(key, content);
        if (key.toLowerCase() === 'robots' && /\bnoindex\b/i.test(content)) head.noindex = true;
      }
    }
  }
  return head;
}
