// The keystrokes of the typing benchmark: each word of `positions.typing` is typed one character
// at a time and then deleted with backspace, so the memo returns to its original text and every
// offset stays valid. Every keystroke is a one-character change (an insertion or a deletion).

/** Up to `count` keystrokes: { offset, insert } for typing a character, { offset, remove: 1 } for backspace. */
export function keystrokes(typing, count) {
  const out = [];
  for (const { offset, text } of typing) {
    for (let k = 0; k < text.length && out.length < count; k++) out.push({ offset: offset + k, insert: text[k] });
    for (let k = text.length - 1; k >= 0 && out.length < count; k--) out.push({ offset: offset + k, remove: 1 });
    if (out.length >= count) break;
  }
  return out;
}
