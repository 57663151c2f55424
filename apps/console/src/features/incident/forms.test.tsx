import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInConsole } from '../../test-support/render';
import { ReportUpForm, ResponseLevelForm } from './forms';

describe('ResponseLevelForm', () => {
  it('names the levels in words and asks for a reason before it hands the change on', async () => {
    const onSubmit = vi.fn();
    renderInConsole(<ResponseLevelForm current="III" busy={false} onSubmit={onSubmit} />);
    const select = screen.getByTestId('response-level') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Ⅰ级响应', 'Ⅱ级响应', 'Ⅲ级响应', 'Ⅳ级响应']);
    expect(select.value).toBe('III');
    await userEvent.selectOptions(select, 'II');
    await userEvent.click(screen.getByTestId('response-level-submit'));
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.type(screen.getByTestId('response-level-reason'), '  伤亡扩大  ');
    await userEvent.click(screen.getByTestId('response-level-submit'));
    expect(onSubmit).toHaveBeenCalledWith('II', '伤亡扩大');
  });
});

describe('ReportUpForm', () => {
  it('sends the level reported to and the channel as chosen', async () => {
    const onSubmit = vi.fn();
    renderInConsole(<ReportUpForm busy={false} onSubmit={onSubmit} />);
    await userEvent.selectOptions(screen.getByTestId('report-level'), 'city');
    await userEvent.selectOptions(screen.getByTestId('report-channel'), '传真');
    await userEvent.click(screen.getByTestId('report-submit'));
    expect(onSubmit).toHaveBeenCalledWith('city', '传真');
  });
});
