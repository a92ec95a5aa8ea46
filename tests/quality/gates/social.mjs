// Gate 4: every public page has a title, description, its own address as canonical URL, the Open
// Graph and Twitter tags of docs/reliability.md, og:url equal to the canonical URL, and as og:image a file
// of exactly 1200x630 pixels under 5 MB.
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { Site, headOf } from '../site.mjs';

export const title = 'Social preview (Open Graph, Twitter card, og:image)';

const REQUIRED = [
  'description',
  'og:title',
  'og:description',
  'og:type',
  'og:url',
  'og:image',
  'og:image:alt',
  'og:locale',
  'og:site_name',
  'twitter:card',
];
const MAX_BYTES = 5 * 1024 * 1024;

export async function run({ site }) {
  const problems = [];
  let pages = 0;
  const images = new Map();
  for (const file of site.htmlFiles()) {
    const head = headOf(site.document(file));
    if (head.noindex || head.refresh !== null) continue;
    pages += 1;
    const say = (problem) => problems.push(`${file}: ${problem}`);
    if (!head.title) say('no <title>');
    const own = `${site.baseUrl}${Site.urlOf(file)}`;
    if (!head.canonical) say('no <link rel="canonical">');
    else if (head.canonical !== own) say(`the canonical URL "${head.canonical}" is not the page's own address "${own}"`);
    for (const key of REQUIRED) {
      if (!(head.meta.get(key) ?? '').trim()) say(`no <meta ${key.startsWith('og:') ? 'property' : 'name'}="${key}"> (or it is empty)`);
    }
    const card = head.meta.get('twitter:card');
    if (card && card !== 'summary_large_image') say(`twitter:card is "${card}", expected "summary_large_image"`);
    const ogUrl = head.meta.get('og:url');
    if (ogUrl && head.canonical && ogUrl !== head.canonical) {
      say(`og:url "${ogUrl}" differs from the canonical URL "${head.canonical}"`);
    }
    const image = head.meta.get('og:image');
    if (!image) continue;
    if (!images.has(image)) images.set(image, checkImage(site, image));
    const problem = images.get(image);
    if (problem) say(`og:image ${image} ${problem}`);
    for (const [key, index] of [['og:image:width', 0], ['og:image:height', 1]]) {
      const declared = head.meta.get(key);
      if (declared !== undefined && declared !== ['1200', '630'][index]) say(`${key} is "${declared}", expected "${['1200', '630'][index]}"`);
    }
  }
  return { checked: `${pages} public pages, ${images.size} distinct og:image files`, problems };
}

// Null when the image is a local file of 1200x630 under 5 MB, else what is wrong with it.
function checkImage(site, url) {
  const local = /^https?:\/\//i.test(url) ? site.localPath(url) : null;
  if (local === null) return `is not an absolute URL on the site's base URL ${site.baseUrl}`;
  const file = site.fileOf(local);
  if (file === null) return `has no file in the site (${local})`;
  const bytes = fs.readFileSync(path.join(site.dir, file));
  if (bytes.length >= MAX_BYTES) return `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, at least 5 MB`;
  let size;
  try {
    size = imageSize(bytes);
  } catch (e) {
    return `is not an image that can be read (${e.message})`;
  }
  if (size.width !== 1200 || size.height !== 630) return `is ${size.width}x${size.height} px, expected 1200x630`;
  return null;
}
