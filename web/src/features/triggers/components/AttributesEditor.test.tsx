import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { newDraft, type AttributeDraft } from './attribute-drafts';
import { AttributesEditor } from './AttributesEditor';

function Harness({ initial }: { initial: AttributeDraft[] }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <AttributesEditor value={value} onChange={setValue} />
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

  it('shows problems inline and disables adding at 100', () => {
    render(<Harness initial={[newDraft({ name: 'authId' }), ...Array.from({ length: 99 }, (_, i) => newDraft({ name: `x${i}` }))]} />);
    expect(screen.getByText('“authId” is reserved for a special attribute.')).toBeInTheDocument();
    expect(screen.getByText('100 / 100 attributes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add attribute' })).toBeDisabled();
  });
});
