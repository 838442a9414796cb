import './styles/app.css';
import { startExplorer } from './app/index.js';

// The explorer's entry point: one explorer on the page; hot reload replaces it cleanly.
// Marks for the start-up benchmark (bench/browser/startup.ts): the bundle has been parsed and runs.
performance.mark('gt:script-start');
const root = document.getElementById('app');
if (root) {
  const explorer = startExplorer(root);
  if (import.meta.hot) import.meta.hot.dispose(() => explorer.destroy());
}
