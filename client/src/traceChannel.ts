// The protocol trace (`policyLens.trace.server`) in an output channel of its own, *Policy Lens Trace*.
// vscode-languageclient 11 traces only when its channel's log level is Trace, which is set in the
// Output view, not in the settings: this channel's level follows the setting instead, so that
// `messages` or `verbose` traces at once and `off` stops it. The text channel is made on the first
// line traced, so that no empty channel is listed while tracing is off.
import * as vscode from 'vscode';

export class SettingTraceChannel implements vscode.LogOutputChannel {
  private channel: vscode.OutputChannel | undefined;
  private level: vscode.LogLevel;
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly listening: vscode.Disposable;
  readonly onDidChangeLogLevel = this.levelChanged.event;

  /** @param setting the full key of the trace setting, such as `policyLens.trace.server` */
  constructor(
    readonly name: string,
    private readonly setting: string,
  ) {
    this.level = this.levelNow();
    this.listening = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(setting)) return;
      const level = this.levelNow();
      if (level === this.level) return;
      this.level = level;
      this.levelChanged.fire(level);
    });
  }

  get logLevel(): vscode.LogLevel {
    return this.level;
  }

  /** Trace while the setting is `messages` or `verbose` (the client reads which from the setting). */
  private levelNow(): vscode.LogLevel {
    const value = vscode.workspace.getConfiguration().get<string>(this.setting, 'off');
    return value === 'off' ? vscode.LogLevel.Off : vscode.LogLevel.Trace;
  }

  private text(): vscode.OutputChannel {
    return (this.channel ??= vscode.window.createOutputChannel(this.name));
  }

  private line(level: string, message: string | Error): void {
    const text = message instanceof Error ? (message.stack ?? message.message) : message;
    this.text().appendLine(`${new Date().toISOString()} [${level}] ${text}`);
  }

  trace(message: string): void {
    if (this.level !== vscode.LogLevel.Off) this.line('trace', message);
  }
  debug(message: string): void {
    this.line('debug', message);
  }
  info(message: string): void {
    this.line('info', message);
  }
  warn(message: string): void {
    this.line('warning', message);
  }
  error(error: string | Error): void {
    this.line('error', error);
  }
  append(value: string): void {
    this.text().append(value);
  }
  appendLine(value: string): void {
    this.text().appendLine(value);
  }
  replace(value: string): void {
    this.text().replace(value);
  }
  clear(): void {
    this.channel?.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    this.text().show(typeof columnOrPreserveFocus === 'boolean' ? columnOrPreserveFocus : preserveFocus);
  }
  hide(): void {
    this.channel?.hide();
  }
  dispose(): void {
    this.listening.dispose();
    this.levelChanged.dispose();
    this.channel?.dispose();
  }
}
