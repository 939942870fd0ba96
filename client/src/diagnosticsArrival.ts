// When Policy Lens's diagnostics of a memo open in the editor reach the extension host (VS Code's
// `onDidChangeDiagnostics`), logged once per opening: with the server's own line (when it published)
// and the time the squiggle shows, it tells the server's, the extension host's and the window's
// shares of the wait apart. The client's start-up marks go with the first memo's line.
import * as vscode from 'vscode';

export class DiagnosticsArrival implements vscode.Disposable {
  /** Memos whose diagnostics came since they were opened. */
  private readonly arrived = new Set<string>();
  private startupLogged = false;
  private readonly listening: vscode.Disposable[];

  /**
   * @param source the `source` of the diagnostics watched
   * @param startup the client's start-up marks so far, logged with the first memo's line
   * @param log where the lines go (the extension's output channel, whose lines carry the time)
   */
  constructor(
    private readonly source: string,
    private readonly startup: () => string,
    private readonly log: (line: string) => void,
  ) {
    this.listening = [
      vscode.languages.onDidChangeDiagnostics((e) => this.changed(e.uris)),
      vscode.workspace.onDidCloseTextDocument((d) => this.arrived.delete(d.uri.toString())),
    ];
  }

  private changed(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const key = uri.toString();
      if (this.arrived.has(key)) continue;
      // Memos open in the editor only: Check Workspace publishes for closed ones too.
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) continue;
      if (!vscode.languages.getDiagnostics(uri).some((d) => d.source === this.source)) continue;
      this.arrived.add(key);
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const marks = this.startupLogged ? '' : ` (client: ${this.startup()})`;
      this.startupLogged = true;
      this.log(`policy-lens client: diagnostics of ${name} reached the extension host${marks}`);
    }
  }

  dispose(): void {
    for (const d of this.listening) d.dispose();
  }
}
