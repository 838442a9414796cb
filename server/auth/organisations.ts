import type { GraphStore, NodeValue } from '../store/port.js';

/** Whether `id` names an Organisation node: a partner-editor's account must point at one. */
export function organisationExists(store: GraphStore): (id: string) => Promise<boolean> {
  return async (id) => {
    const node = (await store.read('nodes/get-node', { id }))[0]?.n as NodeValue | undefined;
    return node?.label === 'Organisation';
  };
}
