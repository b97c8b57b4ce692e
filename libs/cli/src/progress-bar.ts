/** A one-line progress bar on stderr, drawn only on a terminal and at most every 100 ms. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(p: { done: number; total: number; label: string }): void;
  end(): void;
} {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update({ done, total, label }) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${label.slice(0, 40).padEnd(40)}`,
      );
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r' + ' '.repeat(80) + '\r');
    },
  };
}
