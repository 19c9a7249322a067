import { describe, expect, it } from 'vitest';
import { emailProblem, nameProblem, normaliseEmail, slugify } from './account.rules.js';

describe('account rules', () => {
  it('accepts ordinary emails and normalises case and spaces', () => {
    expect(emailProblem(' Ada@Example.COM ')).toBeNull();
    expect(normaliseEmail(' Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('rejects malformed and over-long emails', () => {
    for (const bad of ['', 'ada', 'ada@', '@example.com', 'a b@example.com', `${'a'.repeat(250)}@example.com`]) {
      expect(emailProblem(bad)).not.toBeNull();
    }
  });

  it('requires names within bounds', () => {
    expect(nameProblem('  ')).toMatch(/required/);
    expect(nameProblem('x'.repeat(101))).toMatch(/at most 100/);
    expect(nameProblem('Ada')).toBeNull();
  });

  it('slugifies names, never to an empty slug', () => {
    expect(slugify('Acme Retail!')).toBe('acme-retail');
    expect(slugify('Café Nørd')).toBe('cafe-n-rd');
    expect(slugify('!!!')).toBe('workspace');
  });
});
