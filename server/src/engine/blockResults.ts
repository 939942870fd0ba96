// Results cached per block of a memo, found by the block's context and its raw text.
import { detached } from './text/detach';

/** A block's result, under the block's raw text as first seen (a copy of its own: see `add`). */
export interface BlockEntry<T> {
  readonly raw: string;
  readonly value: T;
}

/**
 * Two levels (context, then raw text) rather than one key joining them: a joined key is a new string
 * that has to be copied out and hashed whole for every block after every keystroke, which in a
 * 100,000-word memo cost more than anything else the analysis of an edit does. An entry found is
 * kept under the key it was stored with, whose hash V8 has already worked out.
 */
export class BlockResults<T> {
  private readonly byContext = new Map<string, Map<string, BlockEntry<T>>>();

  find(context: string, raw: string): BlockEntry<T> | undefined {
    return this.byContext.get(context)?.get(raw);
  }

  /**
   * Stores a new result. Its key is copied out of the document: a slice would keep that version of
   * the whole memo alive for as long as the entry lives (across many edits when runs are overtaken).
   */
  add(context: string, raw: string, value: T): BlockEntry<T> {
    const entry = { raw: detached(raw), value };
    this.keep(context, entry);
    return entry;
  }

  /** Stores an entry found in another cache (or this one) as it is. */
  keep(context: string, entry: BlockEntry<T>): void {
    let inContext = this.byContext.get(context);
    if (!inContext) this.byContext.set(context, (inContext = new Map()));
    inContext.set(entry.raw, entry);
  }
}
