// What the cytoscape-svg extension adds to every Cytoscape core: `cy.svg(options)` returns SVG markup.
export {};

declare module 'cytoscape' {
  interface SvgExportOptions {
    /** The whole graph (true) or the current view (false, the default). */
    full?: boolean;
    scale?: number;
    /** Background colour; transparent by default. */
    bg?: string;
  }
  interface CoreExport {
    svg(options?: SvgExportOptions): string;
  }
}
