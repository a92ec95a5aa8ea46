// Gate 5: screenshots at phone and laptop width; no horizontal overflow, no empty <main>, and no
// request to another site.
import fs from 'node:fs';
import path from 'node:path';
import { VIEWPORTS } from '../pages.mjs';

export const title = 'Looks (screenshots, overflow, main content)';
export const check = 'looks';

export async function run({ browser, pages, screenshots }) {
  fs.mkdirSync(screenshots, { recursive: true });
  const problems = [];
  const shots = [];
  for (const { id, path: urlPath } of pages) {
    for (const viewport of VIEWPORTS) {
      const page = await browser.open(urlPath, viewport);
      const where = `${urlPath} (${id}, ${viewport.width}x${viewport.height})`;
      try {
        const file = path.join(screenshots, `${id}-${viewport.width}x${viewport.height}.png`);
        await page.screenshot({ path: file, fullPage: true });
        shots.push(file);
        const facts = await page.evaluate(() => {
          const width = window.innerWidth;
          const wide = [];
          for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.right > width + 1 && wide.length < 3 && !wide.some((w) => el.closest(w.selector))) {
              const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
              wide.push({ selector: `${el.tagName.toLowerCase()}${cls}`, right: Math.round(box.right) });
            }
          }
          const main = document.querySelector('main');
          return {
            scrollWidth: document.documentElement.scrollWidth,
            width,
            wide,
            main: main === null ? null : main.innerText.trim().length,
          };
        });
        if (page.status !== 200) problems.push(`${where}: the page answered HTTP ${page.status}`);
        if (facts.scrollWidth > facts.width) {
          const culprits = facts.wide.map((w) => `${w.selector} reaches ${w.right}px`).join(', ');
          problems.push(`${where}: overflows horizontally: scrollWidth ${facts.scrollWidth}px > viewport ${facts.width}px${culprits ? ` (${culprits})` : ''}`);
        }
        if (facts.main === null) problems.push(`${where}: has no <main>`);
        else if (facts.main === 0) problems.push(`${where}: <main> has no text`);
        for (const url of page.foreign) problems.push(`${where}: requests a resource from another site: ${url}`);
      } finally {
        await page.close();
      }
    }
  }
  return {
    checked: `${pages.length} pages at ${VIEWPORTS.length} viewports`,
    problems,
    notes: [`screenshots: ${shots.length} in ${path.relative(process.cwd(), screenshots) || '.'}`],
  };
}
