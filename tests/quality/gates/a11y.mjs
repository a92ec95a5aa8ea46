// Gate 2: axe-core finds no WCAG 2.1 A/AA violations on the listed pages, at phone and laptop width.
import { createRequire } from 'node:module';
import { AXE_TAGS, VIEWPORTS } from '../pages.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const title = `Accessibility (axe-core, ${AXE_TAGS.join(' ')})`;
export const check = 'a11y';

export async function run({ browser, pages }) {
  const problems = [];
  let runs = 0;
  for (const { id, path } of pages) {
    for (const viewport of VIEWPORTS) {
      const page = await browser.open(path, viewport);
      try {
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async (tags) => {
          const result = await window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          });
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({
              target: n.target.join(' '),
              html: n.html,
              summary: n.failureSummary,
            })),
          }));
        }, AXE_TAGS);
        runs += 1;
        for (const v of violations) {
          for (const node of v.nodes) {
            const why = (node.summary ?? '').split('\n').slice(1).join(' ').trim();
            problems.push(
              `${path} (${id}, ${viewport.width}x${viewport.height}): ${v.id} (${v.impact}): ${v.help}\n` +
                `      at ${node.target}: ${node.html.slice(0, 160)}${why ? `\n      ${why}` : ''}`,
            );
          }
        }
      } finally {
        await page.close();
      }
    }
  }
  return { checked: `${pages.length} pages at ${VIEWPORTS.length} viewports (${runs} axe runs)`, problems };
}
