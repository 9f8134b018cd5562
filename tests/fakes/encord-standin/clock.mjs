// The stand-in's clock: the machine's clock shifted by clockOffsetS, so a test can put the server
// ahead of or behind the client. The signature's `created` window and every timestamp read it.

export function makeClock(offsetS = 0) {
  let offset = Number(offsetS) || 0;
  return {
    nowMs: () => Date.now() + offset * 1000,
    nowS: () => Math.floor((Date.now() + offset * 1000) / 1000),
    iso: () => new Date(Date.now() + offset * 1000).toISOString(),
    get offsetS() { return offset; },
    setOffsetS(s) { offset = Number(s) || 0; },
  };
}
