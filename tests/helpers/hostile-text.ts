// Texts a form may hold that the programs around the reader must take for nothing but text.

/** Names every plain JavaScript object answers to, through its prototype. */
export const OBJECT_KEY_LABELS = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];
