// The explorer's entry point; the map itself arrives with the explorer issue.
const app = document.getElementById('app');
if (app) app.textContent = 'Golden Thread';
