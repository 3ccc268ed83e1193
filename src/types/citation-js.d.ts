/** The parts of Citation.js this project uses; the packages ship no type declarations. */

declare module "@citation-js/core" {
  export interface CslName {
    given?: string;
    family?: string;
    literal?: string;
    "non-dropping-particle"?: string;
  }
  export interface CslItem {
    id: string;
    type: string;
    title: string;
    author?: CslName[];
    issued?: { "date-parts": number[][] };
    "container-title"?: string;
    publisher?: string;
    genre?: string;
    URL?: string;
    "citation-key"?: string;
    [field: string]: unknown;
  }
  export interface FormatOptions {
    format?: "text" | "html";
    template?: string;
    lang?: string;
  }
  export class Cite {
    constructor(data: CslItem | CslItem[]);
    format(format: "bibliography" | "bibtex" | "biblatex", options?: FormatOptions): string;
  }
  export const plugins: {
    config: {
      get(name: "@csl"): {
        templates: { add(name: string, xml: string): void; has(name: string): boolean };
      };
    };
  };
}

declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";

declare module "@citation-js/name" {
  import type { CslName } from "@citation-js/core";
  export function parse(name: string): CslName;
}
