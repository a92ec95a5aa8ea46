// Gate 1: every .html file passes the Nu HTML Checker (vnu.jar, run with the machine's Java), and
// so do the site's stylesheets and SVG files.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const JAR = path.join(here, '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

export const title = 'HTML (Nu HTML Checker)';

export async function run({ site }) {
  const files = site.htmlFiles();
  const extra = site.files().filter((f) => f.endsWith('.css') || f.endsWith('.svg'));
  const java = process.env.JAVA ?? 'java';
  const paths = [...files, ...extra].map((f) => path.join(site.dir, f));
  const args = ['-jar', JAR, '--errors-only', '--also-check-css', '--also-check-svg', '--format', 'json', ...paths];
  const child = spawnSync(java, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.error) {
    return { checked: '0 pages', problems: [`cannot run \`${java}\`: ${child.error.message}`] };
  }
  let report;
  try {
    report = JSON.parse(child.stderr);
  } catch {
    const output = `${child.stdout}${child.stderr}`.trim();
    return { checked: '0 pages', problems: [`vnu.jar exited with ${child.status}: ${output}`] };
  }
  const problems = report.messages.map((m) => {
    const file = m.url ? path.relative(site.dir, fileURLToPath(m.url)) : '(site)';
    const at = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 1}` : '';
    const extract = m.extract ? `\n      ${JSON.stringify(m.extract.trim())}` : '';
    return `${file}${at}: ${m.type}: ${m.message}${extract}`;
  });
  if (problems.length === 0 && child.status !== 0) {
    problems.push(`vnu.jar exited with ${child.status} without a message`);
  }
  return { checked: `${files.length} pages, ${extra.length} CSS and SVG files`, problems };
}
