import { Liquid } from 'liquidjs';

/** Contact fields a message can personalise with (`{{ contact.firstName }}`). */
export const CONTACT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'city', 'country'] as const;

/**
 * The sandboxed template engine: output is HTML-escaped unless the author writes `| raw`, only own
 * properties are visible, no file system, and parse time, render time and memory are bounded, so a hostile
 * template (huge loops, deep nesting) is cut off instead of hanging the server.
 */
export const liquid = new Liquid({
  outputEscape: 'escape',
  ownPropertyOnly: true,
  strictFilters: true,
  fs: { readFileSync: () => '', existsSync: () => false, exists: async () => false, readFile: async () => '', resolve: () => '' },
  relativeReference: false,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});

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

export async function renderTemplate(template: string, scope: { trigger: Record<string, unknown>; contact: Record<string, unknown> }): Promise<string> {
  return liquid.parseAndRender(template, scope);
}
