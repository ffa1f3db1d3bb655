/** A one-line progress display on a terminal's stderr; silent when stderr is not a TTY. */
export class Progress {
  private last = 0;
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly started = Date.now();

  update(done: number, detail: string): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const rate = done / Math.max(0.001, (now - this.started) / 1000);
    const width = Math.max(20, (process.stderr.columns ?? 80) - 40);
    const label = detail.length > width ? "…" + detail.slice(-width + 1) : detail;
    process.stderr.write(`\r\x1b[K${done} inputs, ${rate.toFixed(1)}/s  ${label}`);
  }

  /** Clears the line before other output is printed. */
  clear(): void {
    if (this.tty) process.stderr.write("\r\x1b[K");
  }
}
