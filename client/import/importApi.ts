import type { ImportMapping } from '../../model/importMapping.js';
import type { ImportPreview } from '../../server/api/importRoutes.js';
import { send } from '../http/authSession.js';

/** The import API in the wizard's steps (server/api/importRoutes.ts): upload and preview, preview again with a mapping, commit. */

export type { ImportPreview };
export type ImportProgress = { stage: string; done: number; total: number };

export type UploadOptions = { file: string; plan: string; title?: string };

export function uploadForPreview(bytes: Blob, options: UploadOptions): Promise<ImportPreview> {
  const q = new URLSearchParams({ file: options.file, plan: options.plan, ...(options.title ? { title: options.title } : {}) });
  return send<ImportPreview>('POST', `/imports?${q}`, { bytes });
}

export const previewAgain = (id: string, mapping: ImportMapping) => send<ImportPreview>('POST', `/imports/${encodeURIComponent(id)}/preview`, { json: { mapping } });
export const commitImport = (id: string, mapping: ImportMapping) => send<ImportPreview>('POST', `/imports/${encodeURIComponent(id)}/commit`, { json: { mapping } });

export async function progressOf(id: string): Promise<ImportProgress | null> {
  const res = await fetch(`/api/imports/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } });
  return res.ok ? ((await res.json()) as { progress: ImportProgress }).progress : null;
}
