import type { z } from 'zod';

/** Bad input, with the path of every offending field: the API answers it with HTTP 400. */
export type FieldIssue = { field: string; reason: string };

export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field || '(input)'}: ${i.reason}`).join('; '));
    this.name = 'ValidationError';
  }

  static fromZod(error: z.ZodError, prefix: (string | number)[] = []): ValidationError {
    return new ValidationError(
      error.issues.map((issue) => ({
        field: [...prefix, ...issue.path.filter((p) => typeof p !== 'symbol')].join('.'),
        reason: issue.message,
      })),
    );
  }
}

/** Parses with a zod schema or throws a ValidationError naming the fields. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, prefix: (string | number)[] = []): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, prefix);
  return parsed.data;
}
