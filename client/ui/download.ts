/** Saves a Blob as a file through a temporary link: works for PNG, SVG and CSV alike. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "golden-thread-map-2026-11-23.png" */
export function datedName(stem: string, ext: string, now = new Date()): string {
  return `golden-thread-${stem}-${now.toISOString().slice(0, 10)}.${ext}`;
}
