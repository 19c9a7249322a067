import { Liquid } from 'liquidjs';

/** Contact fields a message can personalise with (`{{ contact.firstName }}`). */
export const CONTACT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'city', 'country'] as const;

/**
 * The sandboxed template engine: output is HTML-escaped unless the author writes `| raw`, only own
 * properties are visible, no file system, and parse time, render time and memory are bounded, so a hostile
 * template (huge loops, deep nesting) is cut off instead of hanging the server.
 */
const SANDBOX = {
  ownPropertyOnly: true,
  strictFilters: true,
  fs: { readFileSync: () => '', existsSync: () => false, exists: async () => false, readFile: async () => '', resolve: () => '' },
  relativeReference: false,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
} as const;

export const liquid = new Liquid({ ...SANDBOX, outputEscape: 'escape' });

/**
 * The same sandbox for plain-text fields (subjects, text bodies, text messages, push): nothing there is HTML, so
 * output is not HTML-escaped — "Tom & Jerry" stays so instead of arriving as "Tom &amp; Jerry". Whoever shows
 * these fields shows them as text.
 */
const liquidText = new Liquid({ ...SANDBOX });

export type TokenProblem = { code: 'TEMPLATE_SYNTAX' | 'UNKNOWN_TOKEN_ROOT' | 'UNKNOWN_CONTACT_FIELD'; message: string };

/** The `trigger.*` attributes a template uses, and its syntax or root problems. */
export function analyseTemplate(template: string): { triggerAttributes: string[]; problems: TokenProblem[] } {
  let variables: string[];
  try {
    variables = liquid.globalFullVariablesSync(template);
  } catch (error) {
    return { triggerAttributes: [], problems: [{ code: 'TEMPLATE_SYNTAX', message: `The template does not parse: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const problems: TokenProblem[] = [];
  const triggerAttributes = new Set<string>();
  for (const variable of variables) {
    const [root, field] = variable.replace(/\[["']?([^\]"']+)["']?\]/g, '.$1').split('.');
    if (root === 'trigger' && field) triggerAttributes.add(field);
    else if (root === 'contact' && field) {
      if (!(CONTACT_FIELDS as readonly string[]).includes(field))
        problems.push({ code: 'UNKNOWN_CONTACT_FIELD', message: `contact.${field} is not a contact field (use ${CONTACT_FIELDS.join(', ')}).` });
    } else problems.push({ code: 'UNKNOWN_TOKEN_ROOT', message: `{{ ${variable} }} is not a personalisation token: use trigger.<attribute> or contact.<field>.` });
  }
  return { triggerAttributes: [...triggerAttributes], problems };
}

/** Renders a template: `html` escapes what it outputs (HTML bodies), `text` does not (every other field). */
export async function renderTemplate(
  template: string,
  scope: { trigger: Record<string, unknown>; contact: Record<string, unknown> },
  kind: 'html' | 'text' = 'html',
): Promise<string> {
  return (kind === 'html' ? liquid : liquidText).parseAndRender(template, scope);
}
