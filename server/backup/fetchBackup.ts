import { BackupFile } from './backupFile.js';

/**
 * A backup taken by a running server (GET /api/backup), for `npm run cli -- backup
 * --server`: the embedded store is opened by one process at a time, so while the server
 * runs the copy has to come from it. Signs in as an administrator, then signs out.
 */
export async function fetchBackup(server: string, username: string, password: string): Promise<BackupFile> {
  const base = server.replace(/\/+$/, '');
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`signing in to ${base} as ${username} answered ${login.status}: ${await errorMessage(login)}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  try {
    const res = await fetch(`${base}/api/backup`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET ${base}/api/backup answered ${res.status}: ${await errorMessage(res)}`);
    return BackupFile.parse(await res.json());
  } finally {
    await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } }).catch(() => undefined);
  }
}

async function errorMessage(res: Response): Promise<string> {
  const text = await res.text();
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
