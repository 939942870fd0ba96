// Results cached per block of a memo, found by the block's context and its raw text.

/**
 * Two levels (context, then raw text) rather than one key joining them: a joined key is a new string
 * that has to be copied out and hashed whole for every block after every keystroke, which in a
 * 100,000-word memo cost more than anything else the analysis of an edit does.
 */
export class BlockResults<T> {
  private readonly byContext = new Map<string, Map<string, T>>();

  get(context: string, raw: string): T | undefined {
    return this.byContext.get(context)?.get(raw);
  }

  set(context: string, raw: string, value: T): void {
    let inContext = this.byContext.get(context);
    if (!inContext) this.byContext.set(context, (inContext = new Map()));
    inContext.set(raw, value);
  }
}
