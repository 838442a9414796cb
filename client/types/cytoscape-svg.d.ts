// cytoscape-svg ships no types. It registers `cy.svg(options)` (typed in cytoscape-augment.d.ts).
declare module 'cytoscape-svg' {
  const register: (cy: unknown) => void;
  export default register;
}
