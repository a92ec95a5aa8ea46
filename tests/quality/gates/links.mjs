// Gate 3: every internal href/src/srcset resolves to a file (and a #fragment to an id on that
// page), every sitemap <loc> resolves, and no page in the sitemap carries noindex.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Site, attr, elements, headOf, lineOf } from '../site.mjs';

export const title = 'Links (internal links, sitemap.xml, robots.txt)';

// The URLs an element points at, by attribute.
function urlsOf(el) {
  const out = [];
  for (const name of ['href', 'src']) {
    const value = attr(el, name);
    if (value !== null) out.push([name, value.trim()]);
  }
  const srcset = attr(el, 'srcset');
  if (srcset !== null) {
    for (const candidate of srcset.split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) out.push(['srcset', url]);
    }
  }
  if (el.tagName === 'meta' && (attr(el, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
    const m = /url\s*=\s*(.+)$/i.exec(attr(el, 'content') ?? '');
    if (m) out.push(['content', m[1].trim().replace(/^['"]|['"]$/g, '')]);
  }
  return out;
}

// The URL on this site that `value` (found on the page at `pageUrl`) points at, as
// `{ path, fragment }`, or null when it points elsewhere (another site, mailto:, tel:).
function internalUrl(site, pageUrl, value) {
  if (value === '') return null;
  let url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) {
    if (!/^https?:/i.test(value) || site.localPath(value) === null) return null;
    url = new URL(value);
  } else {
    url = new URL(value, `${site.baseUrl}${pageUrl}`);
  }
  return { path: url.pathname, fragment: url.hash.slice(1) };
}

// The ids (and <a name>s) of an HTML file, cached.
const anchorsByFile = new Map();
function anchorsOf(site, file) {
  if (!anchorsByFile.has(file)) {
    const ids = new Set();
    for (const el of elements(site.document(file))) {
      const id = attr(el, 'id') ?? (el.tagName === 'a' ? attr(el, 'name') : null);
      if (id !== null) ids.add(id);
    }
    anchorsByFile.set(file, ids);
  }
  return anchorsByFile.get(file);
}

export async function run({ site }) {
  const problems = [];
  let links = 0;
  for (const file of site.htmlFiles()) {
    const pageUrl = Site.urlOf(file);
    for (const el of elements(site.document(file))) {
      for (const [name, value] of urlsOf(el)) {
        const target = internalUrl(site, pageUrl, value);
        if (target === null) continue;
        links += 1;
        const found = site.fileOf(target.path);
        const at = `${file}:${lineOf(el, name)}: <${el.tagName} ${name}="${value}">`;
        if (found === null) {
          problems.push(`${at} points at ${target.path}, which is not in the site`);
        } else if (target.fragment && found.endsWith('.html')) {
          let id = target.fragment;
          try {
            id = decodeURIComponent(id);
          } catch {
            // keep the fragment as written
          }
          if (!anchorsOf(site, found).has(id)) {
            problems.push(`${at} points at #${id}, but ${found} has no element with that id`);
          }
        }
      }
    }
  }

  const sitemapFile = path.join(site.dir, 'sitemap.xml');
  let locs = [];
  if (!fs.existsSync(sitemapFile)) {
    problems.push('sitemap.xml: missing');
  } else {
    const xml = fs.readFileSync(sitemapFile, 'utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      problems.push(`sitemap.xml:${valid.err.line}:${valid.err.col}: not well-formed XML: ${valid.err.msg}`);
    } else {
      const doc = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml);
      locs = (doc.urlset?.url ?? []).map((u) => String(u.loc ?? ''));
      if (locs.length === 0) problems.push('sitemap.xml: no <url><loc> entries');
    }
  }
  for (const loc of locs) {
    const local = site.localPath(loc);
    const file = local === null ? null : site.fileOf(local);
    if (local === null) {
      problems.push(`sitemap.xml: <loc>${loc}</loc> is not under the site's base URL ${site.baseUrl}`);
    } else if (file === null) {
      problems.push(`sitemap.xml: <loc>${loc}</loc> has no page in the site`);
    } else if (file.endsWith('.html') && headOf(site.document(file)).noindex) {
      problems.push(`sitemap.xml: <loc>${loc}</loc> is listed, but ${file} carries noindex`);
    }
  }

  const robots = path.join(site.dir, 'robots.txt');
  if (fs.existsSync(robots)) {
    for (const line of fs.readFileSync(robots, 'utf8').split('\n')) {
      const m = /^sitemap:\s*(\S+)/i.exec(line.trim());
      if (m && (site.localPath(m[1]) === null || site.fileOf(site.localPath(m[1])) === null)) {
        problems.push(`robots.txt: Sitemap ${m[1]} has no file in the site`);
      }
    }
  }
  return { checked: `${links} internal links on ${site.htmlFiles().length} pages, ${locs.length} sitemap entries`, problems };
}
