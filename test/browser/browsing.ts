import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { authMessages } from '../../src/features/auth/auth.messages.js';
import { pagePath } from '../../src/http/page-paths.js';
import type { UserRow } from '../../src/db/schema.js';
import type { TestApp } from '../helpers/app.js';
import { TEST_PASSWORD } from '../helpers/factories.js';

/** A person the browser tests sign in as: the user, and the TOTP secret where officials must use a second factor. */
export interface Account {
  user: UserRow;
  totpSecret?: string;
}

/** Signing in through the real forms (with the second factor where the account has one), remembered per person. */
export class Browsing<Who extends string> {
  private readonly states = new Map<Who, Awaited<ReturnType<BrowserContext['storageState']>>>();

  constructor(
    private readonly browser: Browser,
    private readonly t: TestApp,
    private readonly origin: string,
    private readonly accounts: Record<Who, Account>,
  ) {}

  private totpCode(secret: string): string {
    // A step once accepted is never accepted again, so each sign-in happens a period later.
    this.t.clock.set(new Date(this.t.clock.now().getTime() + 30_000).toISOString());
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    return totp.generate({ timestamp: this.t.clock.now().getTime() });
  }

  async signIn(page: Page, who: Who): Promise<void> {
    const m = authMessages.fi;
    const account = this.accounts[who];
    await page.goto(this.origin + pagePath('fi', 'signIn'));
    await page.getByLabel(m.email).fill(account.user.email);
    await page.getByLabel(m.password, { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: m.submit, exact: true }).click();
    if (account.totpSecret) {
      assert.equal(new URL(page.url()).pathname, pagePath('fi', 'signInSecondFactor'), 'asked for the second factor');
      await page.locator('input[autocomplete="one-time-code"], input[name="code"]').first().fill(this.totpCode(account.totpSecret));
      await page.locator('main form button[type="submit"]').first().click();
    }
    assert.equal(await page.locator('.user-menu__name').count(), 1, `signed in as ${account.user.email} (now at ${page.url()})`);
  }

  /** A new browser context signed in as the person (through the forms the first time), with or without JavaScript. */
  async contextFor(who: Who, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    if (!this.states.has(who)) {
      const context = await this.browser.newContext();
      await this.signIn(await context.newPage(), who);
      this.states.set(who, await context.storageState());
      await context.close();
    }
    const context = await this.browser.newContext({ storageState: this.states.get(who)!, ...options });
    // A missing element fails the step in seconds rather than at the runner's timeout.
    context.setDefaultTimeout(10_000);
    return context;
  }

  async pageFor(who: Who, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    return (await this.contextFor(who, options)).newPage();
  }
}
