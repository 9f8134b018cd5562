// A module worker that creates the headless core and reports its version to the test page.
import create from '../encord-console.js';

create({ headless: true }).then(
  (eic) => postMessage(eic.version()),
  (err) => postMessage(`error: ${err && err.message}`),
);
