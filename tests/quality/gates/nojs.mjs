// Gate 6: with JavaScript disabled, the listed pages show all the content they show with it.
import { VIEWPORTS } from '../pages.mjs';

export const title = 'Without JavaScript (same main content, headings, links, images)';
export const check = 'nojs';

// What a reader gets from <main>: its text lines (but button labels), headings, link targets and
// loaded images.
async function contentOf(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (main === null) return null;
    // Buttons that scripts add (copy buttons) enhance the page; they are not content.
    const buttons = new Set([...main.querySelectorAll('button')].map((b) => b.innerText.trim()));
    return {
      lines: main.innerText.split('\n').map((l) => l.trim()).filter((l) => l && !buttons.has(l)),
      headings: [...main.querySelectorAll('h1, h2, h3')].map((h) => h.textContent.trim()),
      links: [...main.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      images: [...main.querySelectorAll('img')].filter((i) => i.complete && i.naturalWidth > 0).map((i) => i.getAttribute('src')),
    };
  });
}

export async function run({ browser, pages }) {
  const problems = [];
  const viewport = VIEWPORTS.find((v) => v.phone);
  for (const { id, path } of pages) {
    const where = `${path} (${id})`;
    const withJs = await browser.open(path, { ...viewport, javascript: true });
    const withoutJs = await browser.open(path, { ...viewport, javascript: false });
    try {
      const full = await contentOf(withJs);
      const bare = await contentOf(withoutJs);
      if (bare === null) {
        problems.push(`${where}: without JavaScript the page has no <main>`);
        continue;
      }
      if (bare.lines.length === 0) problems.push(`${where}: without JavaScript <main> has no text`);
      if (!bare.headings.some((h) => h.length > 0)) problems.push(`${where}: without JavaScript <main> has no heading`);
      if (full === null) continue;
      for (const [kind, label] of [['lines', 'text'], ['headings', 'heading'], ['links', 'link'], ['images', 'image']]) {
        const have = new Set(bare[kind]);
        const missing = [...new Set(full[kind])].filter((x) => !have.has(x));
        for (const item of missing.slice(0, 5)) {
          problems.push(`${where}: ${label} shown only with JavaScript: ${JSON.stringify(item.slice(0, 120))}`);
        }
        if (missing.length > 5) problems.push(`${where}: and ${missing.length - 5} more ${label} items only with JavaScript`);
      }
    } finally {
      await withJs.close();
      await withoutJs.close();
    }
  }
  return { checked: `${pages.length} pages with and without JavaScript`, problems };
}
