export * from './vocabulary.js';
export * from './provenance.js';
export * from './ids.js';
export * from './nodes.js';
export * from './relationships.js';
export * from './graphItems.js';
export * from './columns.js';
export * from './seedFile.js';
