import { z } from 'zod';

/**
 * Saved analyses: an analyst's query kept with a title, an explanation and typed
 * parameters, run by everyone from the gaps catalogue (POST/PATCH/DELETE /api/analyses).
 */

export const ANALYSIS_PARAMETER_TYPES = ['text', 'plan', 'organisation', 'outcome', 'date'] as const;
export type AnalysisParameterType = (typeof ANALYSIS_PARAMETER_TYPES)[number];

export const AnalysisParameter = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, 'must be a Cypher parameter name: a letter or _, then letters, digits or _ (at most 40)'),
    type: z.enum(ANALYSIS_PARAMETER_TYPES, { error: `must be one of ${ANALYSIS_PARAMETER_TYPES.join(', ')}` }),
  })
  .strict();
export type AnalysisParameter = z.infer<typeof AnalysisParameter>;

const parameters = z
  .array(AnalysisParameter)
  .max(8, 'must hold at most 8 parameters')
  .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, 'must not name a parameter twice');

export const SavedAnalysisBody = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    explanation: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
    cypher: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters'),
    parameters: parameters.default([]),
  })
  .strict();
export type SavedAnalysisBody = z.infer<typeof SavedAnalysisBody>;

export const SavedAnalysisPatch = z
  .object({
    title: SavedAnalysisBody.shape.title.optional(),
    explanation: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
    cypher: SavedAnalysisBody.shape.cypher.optional(),
    parameters: parameters.optional(),
    expectedVersion: z.int().min(1).optional(),
  })
  .strict();
export type SavedAnalysisPatch = z.infer<typeof SavedAnalysisPatch>;

export const SavedAnalysisDelete = z.object({ expectedVersion: z.coerce.number().int().min(1).optional() }).strict();

export const SavedAnalysisId = z.object({ id: z.string().regex(/^saved-[a-z0-9-]{1,80}$/, 'must be a saved analysis id such as saved-my-question-1a2b') }).strict();

/** A saved analysis as the API answers it. */
export type SavedAnalysis = {
  id: string;
  version: number;
  title: string;
  explanation: string;
  cypher: string;
  engine: string;
  parameters: AnalysisParameter[];
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** Shipped with the product (read-only), or saved by someone. */
  template: boolean;
};
export type SavedAnalysisResponse = { analysis: SavedAnalysis; changeId: string };
