import type { Locator, Page } from 'playwright-core';

// The browser globals the page.evaluate callbacks touch (the root tsconfig is for node, without the DOM lib).
export interface DomElement {
  readonly tagName: string;
  readonly className: string;
  readonly textContent: string | null;
  readonly outerHTML: string;
  readonly labels?: { readonly length: number } | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  closest(selector: string): DomElement | null;
  getBoundingClientRect(): { readonly left: number; readonly right: number; readonly height: number };
  getClientRects(): { readonly length: number };
  getAttribute(name: string): string | null;
}
declare const getComputedStyle: (e: DomElement) => { readonly lineHeight: string };
declare const document: {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  readonly documentElement: { readonly clientWidth: number };
  readonly activeElement: DomElement | null;
};

/** Elements that stick out past the viewport's right edge (a narrow screen must not scroll sideways). */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => !e.closest('.table-wrap, .json') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
}

/** Whether the element's text sits on one line (not broken across two), by its height against its line height. */
export function onOneLine(locator: Locator): Promise<boolean> {
  return locator.evaluate((e) => {
    const el = e as unknown as DomElement;
    return el.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(el).lineHeight);
  });
}
