// XML text for the XML API: escaping, and the error document GCS sends as application/xml
// (https://cloud.google.com/storage/docs/xml-api/reference-status: <Error><Code/><Message/>...).

export function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}

export const XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>";

// `extra`: further elements in order, e.g. [['StringToSign', text], ['CanonicalRequest', text]].
export function errorDocument(code, message, details, extra = []) {
  let body = `${XML_DECLARATION}<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>`;
  if (details) body += `<Details>${escapeXml(details)}</Details>`;
  for (const [name, value] of extra) body += `<${name}>${escapeXml(value)}</${name}>`;
  return body + '</Error>';
}
