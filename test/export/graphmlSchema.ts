import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/** Validates a GraphML text against the GraphML 1.0 schema with libxml2's xmllint (compiled to WebAssembly, so it runs on every OS). */
const SCHEMA = readFileSync(new URL('./graphml-1.0.xsd', import.meta.url), 'utf8');

export async function validateGraphml(text: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'export.graphml', contents: text }],
    schema: [{ fileName: 'graphml.xsd', contents: SCHEMA }],
    initialMemoryPages: 4096,
    maxMemoryPages: 16384,
  });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
