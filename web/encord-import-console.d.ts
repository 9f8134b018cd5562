// Types of encord-import-console.js: importing it defines <encord-import-console> (its element type is
// in encord-console.d.ts, with HTMLElementTagNameMap's entry).
import type { EncordImportConsoleElement } from './encord-console.js';

export declare const EncordImportConsole: {
  prototype: EncordImportConsoleElement;
  new (): EncordImportConsoleElement;
  readonly observedAttributes: string[];
};
export default EncordImportConsole;
