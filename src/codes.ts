// The record's fixed vocabularies and version, as plain values: the schema (schema.ts) builds its enums
// from them, and code that only needs the lists (the store's filters, the feed's manifest) gets them
// without loading zod, which costs a command about 90 ms to start.

export const LEVEL1_CODES = ['output', 'cost', 'benefit', 'satisfaction', 'effect', 'influence', 'other'] as const;
export const LEVEL2_CODES = [
  'quantity', 'quality', 'timeliness', 'cost',
  'economic_cost', 'social_cost', 'environmental_cost',
  'economic', 'social', 'ecological', 'sustainability', 'satisfaction',
  'long_term_management', 'human_resources', 'hardware', 'information_sharing', 'archives',
  'other',
] as const;

/** Raised when a record's shape changes in a way a consumer must know of; the feed's manifest names it. */
export const SCHEMA_VERSION = 1;
