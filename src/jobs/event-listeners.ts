import type { EventListener } from './events.js';

/** Everything an event fans out to, in order. Each channel adds its own line. */
export const eventListeners: readonly EventListener[] = [
];
