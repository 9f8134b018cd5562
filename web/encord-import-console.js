// <encord-import-console>: the canvas app as a custom element for a host page (a developer console).
//   <script type="module" src=".../encord-import-console.js"></script>
//   <encord-import-console theme="dark" domain="https://api.encord.com" panel="manifest"></encord-import-console>
// It draws into a canvas of its own inside its shadow root, styled there only (a constructed style sheet:
// nothing reaches the host's CSS, and a host's style-src policy need not allow inline styles). Keys
// reach the app only while its canvas has focus (canvas-input.js). Events: those of EVENTS
// (encord-console.js) as CustomEvents that bubble and cross the shadow boundary, `detail` being what
// the instance's on() gives; 'ready' carries {app}. Removing the element destroys its instance.
import { create, EVENTS } from './encord-console.js';

const STYLE = `
:host { display: block; position: relative; width: 100%; height: 480px; contain: strict; }
:host([hidden]) { display: none; }
canvas { display: block; width: 100%; height: 100%; outline: none; touch-action: none; }
`;

let sheet = null;  // one constructed sheet, shared by every instance
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

export class EncordImportConsole extends HTMLElement {
  static get observedAttributes() { return ['theme', 'domain', 'panel']; }

  #app = null;
  #starting = null;

  // The instance (encord-console.d.ts, EicInstance) once 'ready' has fired; null before and after.
  get app() { return this.#app; }

  connectedCallback() {
    if (this.#app || this.#starting) return;  // moved within the page: it keeps its instance
    const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    root.replaceChildren();
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-label', this.getAttribute('aria-label') || 'Encord Import Console');
    root.append(canvas);
    this.#starting = create({ canvas }).then((app) => {
      this.#starting = null;
      if (!this.isConnected) {  // removed while it loaded
        app.destroy();
        return;
      }
      this.#app = app;
      for (const name of EVENTS) {
        if (name !== 'ready' && name !== 'destroy') app.on(name, (detail) => this.#dispatch(name, detail));
      }
      for (const name of EncordImportConsole.observedAttributes) this.#apply(name, this.getAttribute(name));
      this.#dispatch('ready', { app });
    }, (err) => {
      this.#starting = null;
      this.#dispatch('error', { message: `eic could not start: ${err && err.message ? err.message : err}` });
    });
  }

  disconnectedCallback() {
    // A move (removed and inserted again in one task) keeps the instance; a removal destroys it.
    queueMicrotask(() => {
      if (this.isConnected || !this.#app) return;
      const app = this.#app;
      this.#app = null;
      app.destroy();
      this.shadowRoot?.replaceChildren();
    });
  }

  attributeChangedCallback(name, before, now) {
    if (this.#app && before !== now) this.#apply(name, now);
  }

  // An attribute the instance refuses (an unknown theme or panel, a domain that is not an Encord API
  // origin) is reported as an 'error' event with the reason, not ignored.
  #apply(name, value) {
    if (value === null) return;
    const refuse = (message) => this.#dispatch('error', { message: `<encord-import-console ${name}="${value}">: ${message}` });
    try {
      if (name === 'theme') this.#app.setTheme(value);
      else if (name === 'panel') this.#app.showPanel(value);
      else if (name === 'domain') {
        // The host decides the domain: it is used, not remembered in storage for the next start.
        this.#app.connect({ encord: { domain: value, remember: false } })
          .then(({ errors }) => errors.forEach(refuse), (err) => refuse(err.message));
      }
    } catch (err) {
      refuse(err.message);
    }
  }

  #dispatch(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('encord-import-console')) customElements.define('encord-import-console', EncordImportConsole);

export default EncordImportConsole;
