import type { z } from 'zod';
import { HttpError } from './errors.js';

/** Parses request input with a zod schema; a failure is a 400 that names each parameter and the reason. */
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown, where: 'query' | 'path' | 'body'): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const field = issue.path.filter((p) => typeof p !== 'symbol').join('.');
    const reason = issue.code === 'unrecognized_keys' ? `unknown ${where} parameter(s): ${issue.keys.join(', ')}` : issue.message;
    // A parameter with an empty name (`?=x`) names none: then the field is where it came from.
    return { field: field || (issue.code === 'unrecognized_keys' && issue.keys.join(', ')) || where, reason };
  });
  throw new HttpError(400, 'bad_request', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues);
}
