import type { Browser, Page } from 'puppeteer-core';
import { noop } from './deadline.js';
import { routeRequest, type ActiveJob } from './request-policy.js';

/** A page of the browser and the job it is printing, if any. */
export interface PageSlot {
  page: Page;
  job: ActiveJob | undefined;
}

/**
 * The closed pages of one browser, reused between jobs: scripts off, every request routed through the request
 * policy.
 */
export class PagePool {
  readonly #browser: Browser;
  readonly #idle: PageSlot[] = [];
  /** Pages opened ahead of the first jobs (prewarm), handed out before any new one is opened. */
  readonly #opening: Array<Promise<PageSlot | undefined>> = [];

  constructor(browser: Browser) {
    this.#browser = browser;
  }

  /**
   * Opens pages ahead of the jobs, up to `count` in all, while the caller does other work (the build checks its first
   * session): the first prints then start without waiting for a page. A page that fails to open is simply not there.
   */
  prewarm(count: number): void {
    for (let i = this.#idle.length + this.#opening.length; i < count; i++) {
      this.#opening.push(this.#open().catch(() => undefined));
    }
  }

  /** An idle page, one being opened ahead, or a new one. */
  async take(): Promise<PageSlot> {
    while (this.#idle.length > 0) {
      const slot = this.#idle.pop()!;
      if (!slot.page.isClosed()) return slot;
    }
    while (this.#opening.length > 0) {
      const slot = await this.#opening.shift()!;
      if (slot && !slot.page.isClosed()) return slot;
    }
    return this.#open();
  }

  async #open(): Promise<PageSlot> {
    const page = await this.#browser.newPage();
    const slot: PageSlot = { page, job: undefined };
    page.on('request', (request) => void routeRequest(request, slot.job, page).catch(noop));
    await page.setJavaScriptEnabled(false);
    // Laid out for print from the start: otherwise every document is laid out for the screen when it loads, then
    // restyled and laid out again for print by page.pdf — a third to two fifths of the browser's CPU per PV
    // (docs/performance.md, « Build, round 6 »). The PDF is the same.
    await page.emulateMediaType('print');
    await page.setRequestInterception(true);
    return slot;
  }

  /** Puts a page back for the next job, or closes it when its browser is no longer the one in use. */
  giveBack(slot: PageSlot, browserInUse: boolean): void {
    slot.job = undefined;
    if (browserInUse && this.#browser.connected && !slot.page.isClosed()) {
      this.#idle.push(slot);
    } else {
      void slot.page.close().catch(noop);
    }
  }
}
