import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { answerFetch, renderInConsole } from '../test-support/render';
import { LoginScreen } from './Login';

describe('LoginScreen', () => {
  it('asks for both fields before calling the server', async () => {
    const calls = answerFetch({});
    renderInConsole(<LoginScreen message={null} onLogin={vi.fn()} />);
    await userEvent.click(screen.getByTestId('login-submit'));
    expect(screen.getByTestId('login-error').textContent).not.toBe('');
    expect(calls).toHaveLength(0);
  });

  it('says the name or password is wrong on 401 and keeps what was typed', async () => {
    answerFetch({ 'POST /auth/login': { status: 401, body: { code: 'INVALID_CREDENTIALS', status: 401 } } });
    const onLogin = vi.fn();
    renderInConsole(<LoginScreen message={null} onLogin={onLogin} />);
    await userEvent.type(screen.getByTestId('login-username'), 'duty');
    await userEvent.type(screen.getByTestId('login-password'), 'wrong-password');
    await userEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toBe('用户名或密码错误'));
    expect((screen.getByTestId('login-username') as HTMLInputElement).value).toBe('duty');
    expect(onLogin).not.toHaveBeenCalled();
  });

  it('renders in English when the console is switched', () => {
    answerFetch({});
    renderInConsole(<LoginScreen message="login.expired" onLogin={vi.fn()} />, { lang: 'en' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sign in');
    expect(screen.getByTestId('login-message').textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
