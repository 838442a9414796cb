/** Browser benchmark of the explorer's map (filled in with the scale work). */
export async function runBrowserBench(): Promise<void> {
  console.log('browser benchmark: not written yet');
}
