import { z } from 'zod';
import { NodeId } from './ids.js';
import { NodeKindSchema } from './nodes.js';
import { STATUSES } from './vocabulary.js';

/**
 * A named view of the map, as data: the one zod schema the explorer reads its local
 * copy with (client/views/serialise.ts) and the server validates a shared view with
 * (server/views), so a view saved either way reopens the same. With it, the choices a
 * view stores (layouts, renderers, frameworks, label sizes, styling rules); the
 * explorer's state (client/state/types.ts) takes them from here.
 */

export const LAYOUT_IDS = ['layered', 'force'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

export const RENDERER_CHOICES = ['auto', 'canvas', 'webgl'] as const;
export type RendererChoice = (typeof RENDERER_CHOICES)[number];

/** The frameworks an action's thread can reach; NSMO split by its three outcome groups. */
export const FRAMEWORKS = ['national-outcomes', 'aims', 'nsmo', 'nsmo-communities', 'nsmo-offenders', 'nsmo-system'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** Label sizes; 2 is the projector theme (large labels, see client/map/style.ts). */
export const LABEL_SCALES = [1, 1.25, 1.5, 2] as const;
export type LabelScale = (typeof LABEL_SCALES)[number];

/**
 * What colours the nodes: their kind (the legend's colours), or data: progress status,
 * plan, the kind of organisation, or the due date (overdue, due within a year, later).
 */
export const STYLE_RULES = ['kind', 'status', 'plan', 'organisationType', 'due'] as const;
export type StyleRule = (typeof STYLE_RULES)[number];

export const VIEW_FORMAT_VERSION = 1;

const Coordinate = z.number().refine(Number.isFinite, 'must be a finite number');

export const NamedViewSchema = z
  .object({
    version: z.literal(VIEW_FORMAT_VERSION),
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    savedAt: z.iso.datetime({ offset: true }),
    layout: z.enum(LAYOUT_IDS),
    filters: z
      .object({
        plan: NodeId.nullable(),
        organisation: NodeId.nullable(),
        framework: z.enum(FRAMEWORKS).nullable(),
        statuses: z.array(z.enum(STATUSES)),
        yearBand: z.string().nullable(),
        kinds: z.array(NodeKindSchema),
      })
      .strict(),
    styling: z
      .object({
        labelScale: z.number().refine((n): n is LabelScale => (LABEL_SCALES as readonly number[]).includes(n), 'must be a label scale'),
        renderer: z.enum(RENDERER_CHOICES),
        /** The styling rule (colour by status, plan, ...); views saved before it existed colour by kind. */
        styleBy: z.enum(STYLE_RULES).default('kind'),
      })
      .strict(),
    locked: z.boolean(),
    positions: z.record(z.string(), z.tuple([Coordinate, Coordinate])),
    /** The area shown, in graph coordinates, so the view frames the same on any screen. */
    camera: z
      .object({ x: Coordinate, y: Coordinate, w: Coordinate.refine((n) => n > 0, 'must be positive'), h: Coordinate.refine((n) => n > 0, 'must be positive') })
      .strict()
      .nullable()
      .default(null),
    /** Views saved before the camera moved to graph coordinates kept screen pixels: read, and ignored (the view is fitted). */
    viewport: z.unknown().optional(),
  })
  .strict();
export type NamedView = z.infer<typeof NamedViewSchema>;

/** The envelope a list of views is stored in (the browser's local copy, an export). */
export const ViewsEnvelopeSchema = z.object({ format: z.literal('golden-thread-views'), version: z.number(), views: z.array(z.unknown()) });
