import { describe, expect, it } from 'vitest';
import { ApiKeyScope } from '../auth/permissions.js';
import { apiKeyInputProblems } from './api-key.rules.js';

describe('apiKeyInputProblems', () => {
  it('accepts a label and scopes', () => {
    expect(apiKeyInputProblems({ label: 'Shop', scopes: [ApiKeyScope.TRIGGERS_READ] })).toEqual([]);
  });

  it('names every problem', () => {
    const problems = apiKeyInputProblems({ label: '  ', scopes: [] });
    expect(problems.map((p) => p.field).sort()).toEqual(['label', 'scopes']);
    expect(
      apiKeyInputProblems({ label: 'x'.repeat(101), scopes: ['admin:all'] })
        .map((p) => p.field)
        .sort(),
    ).toEqual(['label', 'scopes']);
  });
});
