/**
 * A gap list comes a page at a time: across hundreds of plans near-duplicate pairs grow
 * with the square of the actions, and no screen or seminar reads 60,000 rows. The whole
 * list is still computed (and cached) once; a page is a slice of it. Kept apart from
 * the zod schemas so that the explorer can import the numbers without the validator.
 */
export const DEFAULT_GAP_PAGE = 500;
export const MAX_GAP_PAGE = 100_000;
