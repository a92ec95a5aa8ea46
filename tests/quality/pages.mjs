// The pages the browser gates open: the one list to edit.
//
// `checks` names the gates that open the page: `a11y` (axe-core), `looks` (screenshots, phone
// overflow, empty main) and `nojs` (full content without JavaScript). A page that is missing from
// the built site fails the gates, unless it has `pending`: then the gates print
// "SKIPPED (not built yet)" with that reason. Remove `pending` once the feature is merged.
export const PAGES = [
  { id: 'home', path: '/', checks: ['a11y', 'looks', 'nojs'] },
  { id: 'story', path: '/verhalen/nachtdienst-op-de-ic/', checks: ['a11y', 'looks', 'nojs'] },
  { id: 'vacancy', path: '/vacatures/ic-verpleegkundige/', checks: ['a11y', 'looks', 'nojs'] },
  { id: 'vacancies', path: '/vacatures/', checks: ['a11y'] },
  {
    id: 'share-kit',
    path: '/ambassadeurs/anneke-van-t-hof/delen/',
    checks: ['a11y', 'looks', 'nojs'],
  },
  {
    id: 'vacancy-filter',
    path: '/vacatures/locatie/utrecht/',
    checks: ['a11y'],
  },
  { id: 'share-index', path: '/ambassadeurs/delen/', checks: ['a11y'] },
  // Beyond the list: one page of every other template, for axe.
  { id: 'story-no-photo', path: '/verhalen/toen-het-epd-plat-lag/', checks: ['a11y'] },
  { id: 'stories', path: '/verhalen/', checks: ['a11y'] },
  { id: 'stories-page-2', path: '/verhalen/pagina/2/', checks: ['a11y'] },
  { id: 'closed-vacancy', path: '/vacatures/operatieassistent/', checks: ['a11y'] },
  { id: 'ambassador', path: '/ambassadeurs/anneke-van-t-hof/', checks: ['a11y'] },
  { id: 'ambassadors', path: '/ambassadeurs/', checks: ['a11y'] },
  { id: 'hashtag', path: '/hashtags/ic/', checks: ['a11y'] },
  { id: 'hashtags', path: '/hashtags/', checks: ['a11y'] },
  { id: 'page', path: '/over-ons/', checks: ['a11y'] },
  { id: 'not-found', path: '/404.html', checks: ['a11y'] },
];

// Viewports for screenshots and layout checks: a phone and a laptop.
export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844, phone: true },
  { name: 'desktop', width: 1280, height: 800, phone: false },
];

// axe-core rule tags: WCAG 2.0 and 2.1, levels A and AA.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
