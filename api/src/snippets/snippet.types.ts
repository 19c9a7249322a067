import { registerEnumType } from 'type-graphql';

export enum SnippetLanguage {
  JAVASCRIPT = 'JAVASCRIPT',
  NODE = 'NODE',
  PYTHON = 'PYTHON',
  CSHARP = 'CSHARP',
  SWIFT = 'SWIFT',
  KOTLIN = 'KOTLIN',
  CURL = 'CURL',
}
registerEnumType(SnippetLanguage, {
  name: 'SnippetLanguage',
  description: 'Where the integration code runs.',
  valuesConfig: {
    JAVASCRIPT: { description: 'A web page (browser JavaScript).' },
    NODE: { description: 'A Node.js service (18 or later).' },
    PYTHON: { description: 'A Python 3 service (standard library only).' },
    CSHARP: { description: 'A .NET service (C#, HttpClient).' },
    SWIFT: { description: 'An iOS app (Swift, URLSession).' },
    KOTLIN: { description: 'An Android app (Kotlin, HttpURLConnection).' },
    CURL: { description: 'A shell, for trying it out (curl).' },
  },
});

/** Everything a generator needs; no I/O. */
export type SnippetContext = {
  endpoint: string;
  triggerKey: string;
  triggerTitle: string;
  version: number;
  keyPrefix: string;
  keyLabel: string;
  /** The full key when the caller supplied it; otherwise snippets show where it goes. */
  keySecret: string | null;
  /** A valid example event for the version. */
  event: Record<string, unknown>;
  /** `POST /v1/identify` on the same server. */
  identifyEndpoint: string;
  /** A valid example customer for `/v1/identify`: the one the example event names. */
  customer: Record<string, unknown>;
};

export type GeneratedSnippet = { filename: string; code: string; instructions: string };
