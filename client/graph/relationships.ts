import type { RelationshipType } from '../../model/relationships.js';

/**
 * How each relationship type is drawn. The WebGL renderer draws only solid straight,
 * haystack and bezier edges with triangle arrows, so every entry says how it falls
 * back there: dashes become thinner, fainter solid lines.
 */

export type EdgeLineStyle = 'solid' | 'dashed' | 'dotted';

export type RelationshipStyle = {
  /** As the legend says it, reading source to target. */
  verb: string;
  colour: string;
  width: number;
  line: EdgeLineStyle;
  arrow: 'triangle' | 'none';
  /** Opacity at rest; the golden thread itself is drawn strongest. */
  opacity: number;
};

export const RELATIONSHIP_STYLES: Record<RelationshipType, RelationshipStyle> = {
  SERVES: { verb: 'serves', colour: '#3b4a5c', width: 2, line: 'solid', arrow: 'triangle', opacity: 0.5 },
  LEADS: { verb: 'leads', colour: '#b34700', width: 2, line: 'solid', arrow: 'triangle', opacity: 0.7 },
  PARTNERS_IN: { verb: 'is a partner in', colour: '#8f8f8f', width: 1.2, line: 'dashed', arrow: 'none', opacity: 0.45 },
  CONTAINS: { verb: 'contains', colour: '#a8a8a8', width: 1, line: 'dotted', arrow: 'none', opacity: 0.35 },
  PUBLISHES: { verb: 'publishes', colour: '#4d4d4d', width: 1.5, line: 'solid', arrow: 'triangle', opacity: 0.6 },
  MEMBER_OF: { verb: 'is a member of', colour: '#7f3800', width: 1.2, line: 'dashed', arrow: 'triangle', opacity: 0.5 },
  HAS_MILESTONE: { verb: 'has milestone', colour: '#a0a0a0', width: 1, line: 'dotted', arrow: 'none', opacity: 0.5 },
  HAS_PROGRESS: { verb: 'has progress update', colour: '#a0a0a0', width: 1, line: 'dotted', arrow: 'none', opacity: 0.5 },
  MEASURES: { verb: 'measures', colour: '#007a5a', width: 1.5, line: 'dashed', arrow: 'triangle', opacity: 0.6 },
  CONTINUES: { verb: 'continues', colour: '#333333', width: 2, line: 'dashed', arrow: 'triangle', opacity: 0.6 },
  GRANTS: { verb: 'grants', colour: '#7a7200', width: 1.5, line: 'dashed', arrow: 'triangle', opacity: 0.6 },
  FUNDS: { verb: 'funds', colour: '#7a7200', width: 1.5, line: 'solid', arrow: 'triangle', opacity: 0.6 },
  CITES: { verb: 'cites', colour: '#3b4a5c', width: 1.2, line: 'dashed', arrow: 'triangle', opacity: 0.45 },
  REPORTS_ON: { verb: 'reports on', colour: '#a0a0a0', width: 1, line: 'dotted', arrow: 'triangle', opacity: 0.5 },
  REQUESTS: { verb: 'requests', colour: '#7f3800', width: 1.2, line: 'dashed', arrow: 'triangle', opacity: 0.5 },
  SUPPORTS: { verb: 'supports', colour: '#7f3800', width: 1.2, line: 'dotted', arrow: 'triangle', opacity: 0.5 },
  DELIVERS: { verb: 'delivers', colour: '#5b3a8a', width: 1.2, line: 'solid', arrow: 'triangle', opacity: 0.5 },
  USES: { verb: 'uses', colour: '#5b3a8a', width: 1.2, line: 'dashed', arrow: 'triangle', opacity: 0.5 },
};

/** Legend order: the thread first. */
export const RELATIONSHIP_LEGEND_ORDER: RelationshipType[] = [
  'SERVES',
  'LEADS',
  'PARTNERS_IN',
  'MEASURES',
  'FUNDS',
  'GRANTS',
  'MEMBER_OF',
  'PUBLISHES',
  'CONTAINS',
  'CONTINUES',
  'HAS_MILESTONE',
  'HAS_PROGRESS',
  'CITES',
  'REPORTS_ON',
  'REQUESTS',
  'SUPPORTS',
  'DELIVERS',
  'USES',
];
