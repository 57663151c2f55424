import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderInConsole } from '../../test-support/render';
import { CommandBar, type ActionKey } from './command-bar';

function Bar({ first }: { first: ActionKey | null }) {
  const [open, setOpen] = useState<ActionKey | null>(first);
  return (
    <CommandBar
      open={open}
      onOpen={setOpen}
      actions={[
        { key: 'level', label: '响应级别', content: <p>级别表单</p> },
        { key: 'dispatch', label: '调派队伍', content: <p>调派表单</p> },
      ]}
    />
  );
}

describe('CommandBar', () => {
  it('shows one action’s form at a time under the row, and hides it on a second click', async () => {
    renderInConsole(<Bar first="dispatch" />);
    expect(screen.getAllByRole('tab').map((b) => b.textContent)).toEqual(['响应级别', '调派队伍']);
    expect(screen.getByRole('tabpanel').textContent).toBe('调派表单');
    expect(screen.getByTestId('action-dispatch').getAttribute('aria-selected')).toBe('true');
    await userEvent.click(screen.getByTestId('action-level'));
    expect(screen.getByRole('tabpanel').textContent).toBe('级别表单');
    await userEvent.click(screen.getByTestId('action-level'));
    expect(screen.queryByRole('tabpanel')).toBeNull();
  });

  it('shows nothing when no action applies', () => {
    const { container } = renderInConsole(<CommandBar open={null} onOpen={() => undefined} actions={[]} />);
    expect(container.textContent).toBe('');
  });
});
