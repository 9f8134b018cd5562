// Types of eic's JS API (encord-console.js) and of the <encord-import-console> element
// (encord-import-console.js). Kept by hand beside the modules they describe; tests/e2e/package.test.mjs
// checks that every method the instance has is declared here.

/** A finding, as `eic validate --output json` writes it. */
export interface EicDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line?: number;
  column?: number;
  pointer?: string;
  row?: number;
  field?: string;
  collection?: string;
  item?: number;
}

/** A validation's counts (state().manifest.summary, the 'manifest-validated' event). */
export interface EicValidationSummary {
  items: number;
  errors: number;
  warnings: number;
  infos: number;
  batches: number;
  format: string;
  cancelled: boolean;
}

export interface EicFindings {
  summary: Record<string, unknown>;
  diagnostics: EicDiagnostic[];
}

/** Where a host keeps what eic remembers (the schema draft's autosave, the Encord domain): localStorage by default. */
export interface EicStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface EicCreateOptions {
  /** The core without a canvas (pages and workers): validation, conversion, signing. */
  headless?: boolean;
  /** The canvas the app draws into and takes input from (required unless headless). */
  canvas?: HTMLCanvasElement;
  /** Requests to buckets go through this fetch instead of the browser's own (a host's proxy, auth). */
  fetch?: typeof globalThis.fetch;
  /** Synchronous storage for the autosave and the Encord domain; null keeps nothing. */
  storage?: EicStorage | null;
  /**
   * The IndexedDB record the open manifests autosave to and come back from at start ("manifests" by
   * default), and the prefix of File > Open recent's records. Instances on one page share them unless
   * each has its own; null autosaves no manifests and keeps the recent files for the page's life only.
   */
  manifestsAutosaveKey?: string | null;
  /**
   * Called as the app's wasm downloads (it compiles as it arrives): bytes read, the size (0 when the
   * server does not say it, or compresses the transfer), and done once the last byte is in.
   */
  onProgress?: (progress: { loaded: number; total: number; done: boolean }) => void;
  /** The page a Schema panel "Copy link" points to (default: this page's address); it calls openSharedLink. */
  shareLinkBase?: string;
}

/**
 * Thrown (or the promise rejects with it) when a copy into the app's wasm memory is refused: the
 * memory cannot grow. Nothing the app holds is changed; `bytes` is what was asked for.
 */
export declare class EicMemoryError extends Error {
  readonly name: 'EicMemoryError';
  readonly bytes: number;
}

export type ManifestInput = string | Uint8Array | ArrayBuffer | Blob;
export type SchemaInput = string | Uint8Array | ArrayBuffer | object;

export interface EicValidateOptions {
  schema?: string | object;
  format?: 'json' | 'csv' | 'auto';
  strictClientOnly?: boolean;
  plan?: 'enterprise' | 'team' | 'free';
  maxDiagnostics?: number;
  fileName?: string;
}

export interface EicSignRequest {
  method: string;
  bucket: string;
  object?: string;
  expires: number;
  timestamp?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  scheme?: 'https' | 'http';
  endpoint?: string;
  urlStyle?: 'path' | 'virtual-hosted' | 'bucket-bound';
  bucketBoundHostname?: string;
  universeDomain?: string;
}

/** What the headless core and the canvas app share. */
export interface EicCore {
  readonly headless: boolean;
  /** The version of eic (CMake's project version; also package.json's). */
  version(): string;
  /** Bytes of wasm memory this instance holds now. */
  memoryBytes(): number;
  validateManifest(input: ManifestInput, options?: EicValidateOptions): Promise<EicFindings>;
  convertManifest(input: ManifestInput, options: { to: 'json' | 'csv'; from?: string; fileName?: string; pretty?: boolean }):
    Promise<EicFindings & { output: string; from: string }>;
  splitManifest(input: ManifestInput, options?: { profile?: string; maxItems?: number; fileName?: string; pretty?: boolean }):
    Promise<EicFindings & { parts: { name: string; text: string; items: number; urls: number }[] }>;
  inferSchema(input: ManifestInput, options?: { fileName?: string; title?: string }):
    Promise<EicFindings & { draft: object; text: string }>;
  schemaDiff(remote: SchemaInput, draft: SchemaInput, options?: { base?: SchemaInput }): Promise<EicFindings & {
    changes: unknown[]; remoteChanges: unknown[]; conflicts: unknown[]; post: object; differs: boolean;
  }>;
  /** A V4 signed URL signed by WebCrypto with a service-account key file (JSON text or object). */
  signUrl(request: EicSignRequest, key: { key: string | object }): Promise<{ url: string; canonicalRequest: string; stringToSign: string }>;
  inspectSignedUrl(url: string, options?: { key?: string | object; method?: string }): Promise<{
    info?: object; diagnostics: EicDiagnostic[]; verified: boolean | null;
  }>;
  on<K extends keyof EicEvents>(event: K, callback: (detail: EicEvents[K]) => void): () => void;
  destroy(): void;
}

export interface EicHeadless extends EicCore {
  readonly headless: true;
}

/** A widget of the last frame, in CSS pixels relative to the page's viewport. */
export interface EicItem {
  id: number;
  label: string;
  window: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export type EicTheme = 'system' | 'dark' | 'light';
export type EicPanel = 'schema' | 'manifest' | 'log' | 'encord' | 'cloud';

/** The canvas app. After destroy(), every method but on() and destroy() throws. */
export interface EicInstance extends EicCore {
  readonly headless: false;
  readonly canvas: HTMLCanvasElement;
  /** The app's state as JSON (what tests and hosts read), with frameMs, frames, manifest, schema, encord, log ... */
  state(): Record<string, any>;
  setTheme(theme: EicTheme): void;
  /** Opens a panel or window and brings it to the front. */
  showPanel(panel: EicPanel): void;
  /** Opens a schema draft or an Encord wire map in the Schema panel, as a picked file would be. */
  openSchema(input: string | Uint8Array | Blob, name?: string): Promise<EicFindings>;
  /**
   * Opens the schema draft a shared link holds (the URL or its fragment, as the Schema panel's Copy link
   * makes it); over unsaved changes the app asks first. Resolves to the draft's name, or null when the
   * link could not be read (the app says why on screen).
   */
  openSharedLink(urlOrFragment: string): Promise<string | null>;
  /** Opens a manifest in the Manifest panel; resolves to state().manifest once it is validated. */
  openManifest(name: string, input: ManifestInput | object): Promise<Record<string, any>>;
  /** Connects the Encord and Cloud windows from settings the host holds; keys stay in memory. */
  connect(settings?: {
    encord?: { domain?: string; key?: string; remember?: boolean };
    gcs?: { endpoint?: string; bucket?: string; key?: string };
  }): Promise<{ errors: string[] }>;
  /** Forgets every key and token held, and the signed URLs on screen (File > Forget keys and tokens). */
  forgetKeys(): void;
  log(level: 'debug' | 'info' | 'warning' | 'error', message: string): void;
  debug: {
    /** The widgets of the last frame, in CSS pixels relative to the viewport (tests click their centres). */
    items(): EicItem[];
    /** The rest exist only in the test build (build/web-test), never in the page or package users load. */
    download?(name: string, text: string | Uint8Array, mime?: string): void;
    downloadZip?(zipName: string, files: { name: string; text: string }[]): void;
    fetchFile?(url: string, purpose?: number): void;
    setMaxFileBytes?(bytes: number): void;
    failAllocationsOver?(bytes: number): void;
    insightDemo?(n?: number): void;
    insightDemoState?(): Record<string, any>;
  };
}

/** Events: instance.on(name, cb) gets the detail; the element dispatches CustomEvent<detail> of the same name. */
export interface EicEvents {
  /** After create() resolved (instance) or after the element connected ({app}). */
  ready: EicInstance | { app: EicInstance };
  'manifest-validated': { tab: number; fileName: string; summary: EicValidationSummary };
  'schema-saved': { fileName: string; keys: number };
  'job-finished': {
    kind: 'schema-push' | 'upload';
    outcome: string;
    error: string;
    verified?: boolean;
    totals?: { pending: number; done: number; error: number; cancelled: number };
  };
  download: { name: string; bytes: number; type: string };
  /** The app stopped after an internal error, or (element) it could not start or refused an attribute. */
  error: { message: string };
  destroy: undefined;
}

/** The events' names, in the order above. */
export declare const EVENTS: readonly (keyof EicEvents)[];

export declare function create(options: EicCreateOptions & { headless: true }): Promise<EicHeadless>;
export declare function create(options: EicCreateOptions & { canvas: HTMLCanvasElement }): Promise<EicInstance>;
export default create;

/** <encord-import-console theme="system|dark|light" domain="https://api.encord.com" panel="schema|manifest|log|encord|cloud">. */
export interface EncordImportConsoleElement extends HTMLElement {
  /** The instance once 'ready' fired; null before and after removal. */
  readonly app: EicInstance | null;
  addEventListener<K extends Exclude<keyof EicEvents, 'destroy' | 'ready'>>(
    type: K, listener: (this: EncordImportConsoleElement, ev: CustomEvent<EicEvents[K]>) => any,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: 'ready', listener: (this: EncordImportConsoleElement, ev: CustomEvent<{ app: EicInstance }>) => any,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'encord-import-console': EncordImportConsoleElement;
  }
}
