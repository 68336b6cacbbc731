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

  constructor(browser: Browser) {
    this.#browser = browser;
  }

  /** An idle page, or a new one. */
  async take(): Promise<PageSlot> {
    while (this.#idle.length > 0) {
      const slot = this.#idle.pop()!;
      if (!slot.page.isClosed()) return slot;
    }
    const page = await this.#browser.newPage();
    const slot: PageSlot = { page, job: undefined };
    page.on('request', (request) => void routeRequest(request, slot.job, page).catch(noop));
    await page.setJavaScriptEnabled(false);
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
