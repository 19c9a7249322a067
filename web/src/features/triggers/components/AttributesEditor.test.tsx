import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { newDraft, type AttributeDraft } from './attribute-drafts';
import { AttributesEditor } from './AttributesEditor';

function Harness({ initial, submitted = false }: { initial: AttributeDraft[]; submitted?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <AttributesEditor value={value} onChange={setValue} showAllProblems={submitted} />
      <output data-testid="names">{value.map((d) => d.name).join(',')}</output>
    </FluentProvider>
  );
}

const names = () => screen.getByTestId('names').textContent;

describe('AttributesEditor', () => {
  it('adds, reorders and removes attributes, counting towards 100', () => {
    render(<Harness initial={[newDraft({ name: 'a' }), newDraft({ name: 'b' })]} />);
    expect(screen.getByText('2 / 100 attributes')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Move b up' }));
    expect(names()).toBe('b,a');
    fireEvent.click(screen.getByRole('button', { name: 'Remove b' }));
    expect(names()).toBe('a');
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }));
    expect(screen.getByText('2 / 100 attributes')).toBeInTheDocument();
  });

  it('shows problems inline once submitted and disables adding at 100', () => {
    render(<Harness submitted initial={[newDraft({ name: 'authId' }), ...Array.from({ length: 99 }, (_, i) => newDraft({ name: `x${i}` }))]} />);
    expect(screen.getByText('“authId” is reserved for a special attribute.')).toBeInTheDocument();
    expect(screen.getByText('100 / 100 attributes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add attribute' })).toBeDisabled();
  });

  it('shows no problem on a new empty row before anyone typed, and the name’s once it was left empty', () => {
    render(<Harness initial={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }));
    const name = screen.getByRole('textbox', { name: /^Name/ });
    expect(name).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Give the attribute a name.')).not.toBeInTheDocument();
    fireEvent.blur(name);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(name)).toBe('Give the attribute a name.');
  });

  it('puts the entity’s problem under the Entity field, not under Name, and clears it once fixed', () => {
    render(<Harness submitted initial={[newDraft({ name: 'order', type: 'ENTITY_REFERENCE', entity: '' })]} />);
    const name = screen.getByRole('textbox', { name: /^Name/ });
    const entity = screen.getByRole('combobox', { name: /^Entity/ });
    expect(describedBy(entity)).toBe('Name the referenced entity, e.g. order.');
    expect(entity).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(name)).toBe('');
    expect(name).not.toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(entity, { target: { value: 'order' } });
    expect(describedBy(entity)).toBe('');
    expect(screen.queryByText('Name the referenced entity, e.g. order.')).not.toBeInTheDocument();
  });

  it('shows each problem of a row under its own field and removes it once the value is fixed', () => {
    render(<Harness initial={[newDraft({ name: 'note' })]} />);
    const name = screen.getByRole('textbox', { name: /^Name/ });
    const maxLength = screen.getByRole('spinbutton', { name: /^Max length/ });
    fireEvent.change(name, { target: { value: '1note' } });
    fireEvent.blur(name);
    fireEvent.change(maxLength, { target: { value: '0' } });
    fireEvent.blur(maxLength);
    expect(describedBy(name)).toBe('Start with a letter; then letters, digits or underscores.');
    expect(describedBy(maxLength)).toBe('Maximum length must be 1–32,000.');
    fireEvent.change(name, { target: { value: 'note' } });
    expect(describedBy(name)).toBe('');
    expect(describedBy(maxLength)).toBe('Maximum length must be 1–32,000.');
    fireEvent.change(maxLength, { target: { value: '40' } });
    expect(describedBy(maxLength)).toBe('');
  });
});

/** The text of the elements an input's aria-describedby points at (where Fluent's Field puts its validation message). */
function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}
