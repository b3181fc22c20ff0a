import type { Page } from '@playwright/test';
import type { BridgeState } from '../src/protocol/bridge.ts';

/** The game's bridge state, read in the page. */
export const state = (page: Page): Promise<BridgeState> => page.evaluate(() => window.spacetime!.state());
