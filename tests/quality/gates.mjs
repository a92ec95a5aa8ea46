// The quality gates on a built site. Usage:
//   node gates.mjs --site DIR [--screenshots DIR] [--only html,a11y,links,social,looks,nojs,specs]
//                  [--pages home,story,...]   (browser gates: only these ids of pages.mjs)
// Prints one block per gate (PASS or FAIL with every problem, naming page and problem) and a
// closing `gates: N passed, N failed` line; exits 1 when a gate fails, 2 on a usage error.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Browser } from './browser.mjs';
import { PAGES } from './pages.mjs';
import { Site } from './site.mjs';
import * as html from './gates/html.mjs';
import * as a11y from './gates/a11y.mjs';
import * as links from './gates/links.mjs';
import * as social from './gates/social.mjs';
import * as looks from './gates/looks.mjs';
import * as nojs from './gates/nojs.mjs';
import * as specs from './gates/specs.mjs';

const GATES = { html, a11y, links, social, looks, nojs, specs };

let args;
try {
  args = parseArgs({
    options: {
      site: { type: 'string' },
      screenshots: { type: 'string' },
      only: { type: 'string' },
      pages: { type: 'string' },
    },
  }).values;
} catch (e) {
  console.error(`gates: ${e.message}`);
  process.exit(2);
}
const names = args.only ? args.only.split(',').map((s) => s.trim()) : Object.keys(GATES);
const pageIds = args.pages ? args.pages.split(',').map((s) => s.trim()) : null;
const unknown = [
  ...names.filter((n) => !(n in GATES)),
  ...(pageIds ?? []).filter((id) => !PAGES.some((p) => p.id === id)),
];
if (!args.site || unknown.length > 0) {
  const known = `gates: ${Object.keys(GATES).join(', ')}; pages: ${PAGES.map((p) => p.id).join(', ')}`;
  console.error(unknown.length ? `gates: unknown gate or page \`${unknown.join(', ')}\` (known ${known})` : 'gates: --site DIR is required');
  process.exit(2);
}

let site;
try {
  site = new Site(args.site);
} catch (e) {
  console.error(`gates: ${e.message}`);
  process.exit(2);
}
const screenshots = path.resolve(args.screenshots ?? path.join(site.dir, '..', 'screenshots'));
console.log(`Quality gates on ${path.relative(process.cwd(), site.dir) || '.'} (base URL ${site.baseUrl})`);

// The listed pages a browser gate opens; pages not built yet are reported once, up front.
const skipped = new Map();
function pagesFor(check, problems) {
  const out = [];
  for (const page of PAGES.filter((p) => p.checks.includes(check) && (pageIds === null || pageIds.includes(p.id)))) {
    // Opened as the host serves it: below the site's folder.
    const served = { ...page, path: `${site.basePath}${page.path}` };
    if (site.fileOf(served.path) !== null) out.push(served);
    else if (page.pending) skipped.set(page, [...(skipped.get(page) ?? []), check]);
    else problems.push(`${page.path} (${page.id}): required page is missing from the site`);
  }
  return out;
}

const begun = performance.now();
let browser = null;
let passed = 0;
let failed = 0;
const order = Object.keys(GATES);
for (const name of names) {
  const gate = GATES[name];
  const started = performance.now();
  let result;
  try {
    const problems = [];
    const context = { site, screenshots, problems };
    if (gate.check) {
      context.pages = pagesFor(gate.check, problems);
      browser ??= await Browser.start(site);
      context.browser = browser;
    }
    result = await gate.run(context);
    result.problems = [...problems, ...result.problems];
  } catch (e) {
    result = { checked: 'not finished', problems: [`the gate itself failed: ${e.stack ?? e}`] };
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const index = `[${order.indexOf(name) + 1}/${order.length}]`;
  if (result.problems.length === 0) {
    passed += 1;
    console.log(`${index} ${gate.title}: PASS (${result.checked}; ${seconds} s)`);
  } else {
    failed += 1;
    console.log(`${index} ${gate.title}: FAIL, ${result.problems.length} problem(s) (${result.checked}; ${seconds} s)`);
    for (const problem of result.problems) console.log(`  - ${problem}`);
  }
  for (const note of result.notes ?? []) console.log(`  ${note}`);
}
if (browser) await browser.close();
for (const [page, checks] of skipped) {
  console.log(`SKIPPED (not built yet): ${page.id} ${page.path} for ${checks.join(', ')}: ${page.pending}`);
}
const total = ((performance.now() - begun) / 1000).toFixed(1);
const shots = names.includes('looks') ? `; screenshots in ${path.relative(process.cwd(), screenshots) || '.'}` : '';
console.log(`Gates took ${total} s${shots}`);
console.log(`gates: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
