/** Pure checks on account input; each returns a problem message or null. */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function emailProblem(email: string): string | null {
  const normalised = normaliseEmail(email);
  if (normalised.length > 254 || !EMAIL.test(normalised)) return 'Enter a valid email address.';
  return null;
}

export function nameProblem(name: string, what = 'Name', max = 100): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return `${what} is required.`;
  if (trimmed.length > max) return `${what} must be at most ${max} characters.`;
  return null;
}

/** `Acme Retail!` → `acme-retail`; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'workspace';
}
