// How long a memo opened while the server runs waits for its diagnostics: from `didOpen` to their
// publication, logged once per opening (the real-editor suite reads the line; a user sees where the
// time goes). The first memo of a start is timed by the startup timeline instead.

export class OpenTiming {
  private readonly openedAt = new Map<string, number>();

  opened(uri: string): void {
    this.openedAt.set(uri, performance.now());
  }

  closed(uri: string): void {
    this.openedAt.delete(uri);
  }

  /** The line to log with the first diagnostics published since the memo was opened, once. */
  published(uri: string): string | undefined {
    const at = this.openedAt.get(uri);
    if (at === undefined) return undefined;
    this.openedAt.delete(uri);
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    return `policy-lens: ${name} opened; its diagnostics published ${Math.round(performance.now() - at)} ms later`;
  }
}
