import type { AnalysisParameter } from '../../model/analyses.js';

/**
 * Saved analyses shipped with the product: starting points for the common shapes of an
 * analyst's question, in the gaps catalogue beside the ready-made analyses and in the
 * console's list of templates. Each is a named query under cypher/analyses/ (with a text
 * per dialect where LadybugDB and Neo4j differ), run like any saved analysis: through the
 * console's plan check and bounds. Empty parameters mean "any" / "every plan".
 */
export type Template = { id: string; query: string; title: string; explanation: string; parameters: AnalysisParameter[] };

export const TEMPLATES: readonly Template[] = [
  {
    id: 'template-actions-under-outcome-without-lead',
    query: 'analyses/actions-under-outcome-without-lead',
    title: 'Actions under an outcome that no organisation leads',
    explanation:
      'Template: the actions serving the chosen outcome (directly or through local outcomes and priorities) that no organisation is linked to as lead. Change the last condition to ask for another missing thing.',
    parameters: [
      { name: 'outcome', type: 'outcome' },
      { name: 'plan', type: 'plan' },
    ],
  },
  {
    id: 'template-organisations-partnering-not-leading',
    query: 'analyses/organisations-partnering-not-leading',
    title: 'Organisations partnering in more than N actions and leading none',
    explanation: 'Template: organisations by involvement. Those that partner in more than the given number of actions but lead no action, busiest first.',
    parameters: [{ name: 'moreThan', type: 'text' }],
  },
  {
    id: 'template-outcomes-by-plan',
    query: 'analyses/outcomes-by-plan',
    title: 'Outcomes a plan serves, by number of actions',
    explanation: 'Template: the national outcomes, strategic aims and framework outcomes the chosen plan reaches, with how many of its actions serve each.',
    parameters: [{ name: 'plan', type: 'plan' }],
  },
  {
    id: 'template-actions-serving-outcome-but-no-aim',
    query: 'analyses/actions-serving-outcome-but-no-aim',
    title: 'Actions serving a national outcome but no strategic aim',
    explanation: 'Template: actions whose thread reaches the chosen national outcome but no strategic aim, e.g. the Lothian & Borders actions serving NO9 and no aim.',
    parameters: [
      { name: 'outcome', type: 'outcome' },
      { name: 'plan', type: 'plan' },
    ],
  },
];
