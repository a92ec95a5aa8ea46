// Proves that every gate can fail: for each gate, copies the built site, breaks one or two pages
// the way a real regression would, runs only that gate on the copy (the browser gates only on the
// broken pages, to stay fast) and asserts that it fails and names the broken page. Usage: node self-test.mjs --site DIR
// Prints each gate's output verbatim and closes with `self-test: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { site } = parseArgs({ options: { site: { type: 'string' } } }).values;
if (!site || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('self-test: --site DIR (a built site) is required');
  process.exit(2);
}

const HOME = 'index.html';
const STORY = 'verhalen/nachtdienst-op-de-ic/index.html';
const VACANCY = 'vacatures/ic-verpleegkundige/index.html';
const CLOSED = 'https://werkenbij.example.nl/vacatures/operatieassistent/';
const ABOUT = 'over-ons/index.html';
const CALENDAR = 'ambassadeurs/anneke-van-t-hof/delen.ics';

const afterMainOpens = (html) => (text) => text.replace(/(<main\b[^>]*>)/, `$1${html}`);

// Each case: the gate, what it breaks (file -> edit), and what its output must then say.
const CASES = [
  {
    gate: 'html',
    breaks: {
      [ABOUT]: afterMainOpens('<span><div>Een blok in een span</div></span>'),
      'css/werkenbij.css': (text) => `${text}\n.kapot { colour: red; }\n`,
    },
    expect: [`${ABOUT}:`, 'Element “div” not allowed as child of element “span”', 'css/werkenbij.css:', '“colour”'],
  },
  {
    gate: 'a11y',
    breaks: {
      [VACANCY]: afterMainOpens('<p style="color:#c8c8c8">Lichtgrijze tekst</p><img src="/favicon.svg">'),
    },
    pages: 'vacancy',
    expect: ['/vacatures/ic-verpleegkundige/ (vacancy, 390x844): color-contrast', 'image-alt (critical)'],
  },
  {
    gate: 'links',
    breaks: {
      [STORY]: afterMainOpens('<a href="/vacatures/bestaat-niet/">Weg</a> <a href="/over-ons/#geen-kop">Geen kop</a>'),
      'sitemap.xml': (text) => text.replace('</urlset>', `  <url><loc>${CLOSED}</loc></url>\n</urlset>`),
    },
    expect: [`${STORY}:`, 'points at /vacatures/bestaat-niet/', 'points at #geen-kop', 'carries noindex'],
  },
  {
    gate: 'social',
    breaks: {
      [ABOUT]: (text) => text.replace(/<meta property="og:image:alt"[^>]*>/, ''),
      [STORY]: (text) => text.replace(/(<meta property="og:image" content=")[^"]*"/, '$1https://werkenbij.example.nl/logo.svg"'),
    },
    expect: [`${ABOUT}: no <meta property="og:image:alt">`, `${STORY}: og:image`, 'expected 1200x630'],
  },
  {
    gate: 'looks',
    breaks: {
      [STORY]: afterMainOpens('<div style="width:1600px">Een te brede tabel</div>'),
      [VACANCY]: (text) => text.replace(/<main\b[^>]*>[\s\S]*<\/main>/, '<main id="inhoud"></main>'),
    },
    pages: 'story,vacancy',
    expect: ['/verhalen/nachtdienst-op-de-ic/ (story, 390x844): overflows horizontally', '/vacatures/ic-verpleegkundige/ (vacancy, 390x844): <main> has no text'],
  },
  {
    gate: 'nojs',
    breaks: {
      [HOME]: afterMainOpens(
        `<script>document.currentScript.insertAdjacentHTML('afterend', '<p>Alleen zichtbaar met JavaScript</p>')</script>`,
      ),
    },
    pages: 'home',
    expect: ['/ (home): text shown only with JavaScript: "Alleen zichtbaar met JavaScript"'],
  },
  {
    gate: 'specs',
    breaks: {
      'vacatures/jobs.xml': (text) => text.replace(/<requisitionid>.*?<\/requisitionid>/, ''),
      'verhalen/feed.xml': (text) => text.replace('</feed>', ''),
      'vacatures/feed.json': (text) => text.replace('{\n  "version": "https://jsonfeed.org/version/1.1",', '{'),
      [CALENDAR]: (text) => text.replace(/BEGIN:VEVENT[\s\S]*END:VEVENT\r\n/, ''),
      [VACANCY]: (text) => text.replace(/"datePosted":"[^"]*",/, ''),
    },
    expect: [
      "vacatures/jobs.xml",
      "Tag 'requisitionid' expected",
      'verhalen/feed.xml: not a valid feed',
      'vacatures/feed.json: version is None',
      `${CALENDAR}: no calendar component`,
      `${VACANCY}: JobPosting has no datePosted`,
    ],
  },
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkenbij-self-test-'));
const begun = performance.now();
let passed = 0;
let failed = 0;
for (const { gate, breaks, pages, expect } of CASES) {
  const copy = path.join(work, gate, 'site');
  fs.cpSync(site, copy, { recursive: true });
  for (const [file, edit] of Object.entries(breaks)) {
    const full = path.join(copy, file);
    const before = fs.readFileSync(full, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`self-test: breaking ${file} for ${gate} changed nothing`);
    fs.writeFileSync(full, after);
  }
  const args = [path.join(here, 'gates.mjs'), '--site', copy, '--only', gate, '--screenshots', path.join(work, gate, 'screenshots')];
  if (pages) args.push('--pages', pages);
  const run = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    cwd: work,
  });
  const output = `${run.stdout}${run.stderr}`;
  const missing = expect.filter((e) => !output.includes(e));
  const ok = run.status === 1 && missing.length === 0;
  console.log(`--- ${gate}: broke ${Object.keys(breaks).join(', ')}; the gate exited ${run.status}`);
  // Indented, so that the gate's own closing line is not read as this run's.
  console.log(output.trimEnd().replace(/^/gm, '  | '));
  if (ok) {
    passed += 1;
    console.log(`--- ${gate}: caught`);
  } else {
    failed += 1;
    console.log(`--- ${gate}: NOT CAUGHT (expected exit 1${missing.length ? ` and ${missing.map((m) => JSON.stringify(m)).join(', ')}` : ''})`);
  }
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`Self-test took ${((performance.now() - begun) / 1000).toFixed(1)} s`);
console.log(`self-test: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
