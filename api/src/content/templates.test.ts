import { describe, expect, it } from 'vitest';
import { analyseTemplate, renderTemplate } from './templates.js';

const scope = { trigger: { location: '<b>Lobby</b>', cartValue: 49.95 }, contact: { firstName: 'Ada' } };

describe('templates', () => {
  it('escapes every value unless marked raw', async () => {
    expect(await renderTemplate('Hi {{ contact.firstName }}, at {{ trigger.location }}', scope)).toBe('Hi Ada, at &lt;b&gt;Lobby&lt;/b&gt;');
    expect(await renderTemplate('{{ trigger.location | raw }}', scope)).toBe('<b>Lobby</b>');
  });

  it('does not HTML-escape plain-text fields (subjects, text bodies, text messages, push)', async () => {
    const text = { trigger: { product: 'Tom & Jerry <DVD>' }, contact: {} };
    expect(await renderTemplate('Your {{ trigger.product }}', text, 'text')).toBe('Your Tom & Jerry <DVD>');
    expect(await renderTemplate('Your {{ trigger.product }}', text, 'html')).toBe('Your Tom &amp; Jerry &lt;DVD&gt;');
    // The same sandbox: the same limits hold.
    await expect(renderTemplate('{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}', text, 'text')).rejects.toThrow(/limit/i);
    await expect(renderTemplate("{% include 'etc/passwd' %}", text, 'text')).rejects.toThrow();
  });

  it('finds the trigger attributes used and flags unknown roots and contact fields', () => {
    expect(analyseTemplate('{{ trigger.cartValue }} {{ trigger["location"] }} {{ contact.firstName }}')).toEqual({ triggerAttributes: ['cartValue', 'location'], problems: [] });
    expect(analyseTemplate('{{ user.password }} {{ contact.ssn }}').problems.map((p) => p.code)).toEqual(['UNKNOWN_TOKEN_ROOT', 'UNKNOWN_CONTACT_FIELD']);
    expect(analyseTemplate('{% if %}').problems[0].code).toBe('TEMPLATE_SYNTAX');
  });

  it('cuts off abusive templates instead of hanging', async () => {
    const loop = '{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}';
    await expect(renderTemplate(loop, scope)).rejects.toThrow(/limit/i);
    const deep = `${'{% if true %}'.repeat(5_000)}x${'{% endif %}'.repeat(5_000)}`;
    await expect(renderTemplate(deep, scope)).rejects.toThrow();
    await expect(renderTemplate("{% include 'etc/passwd' %}", scope)).rejects.toThrow();
  });
});
