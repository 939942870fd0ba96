// When each step on the way to the first diagnostics happened, in ms since the server process
// started, logged once with the first diagnostics: where the time goes in a real editor (the
// real-editor suite prints the line beside its own marks).

/** The steps, in the order they usually come. */
const steps = ['initialize', 'core', 'initialized', 'opened', 'settings', 'loads', 'checked'] as const;
type Step = (typeof steps)[number];

export class StartupTimeline {
  private readonly marks = new Map<Step, number>();
  private done = false;

  /** Marks a step the first time it happens (later ones are not startup). */
  mark(step: Step): void {
    if (!this.marks.has(step)) this.marks.set(step, Math.round(performance.now()));
  }

  /** The line to log with the first diagnostics, once; undefined afterwards. */
  firstDiagnostics(memo: string): string | undefined {
    if (this.done) return undefined;
    this.done = true;
    this.mark('checked');
    const at = steps.filter((s) => this.marks.has(s)).map((s) => `${s} +${this.marks.get(s)}`);
    return `policy-lens: first diagnostics (${memo}) ${at.join(', ')} ms after the server process started`;
  }
}
