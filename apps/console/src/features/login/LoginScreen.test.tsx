import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { LoginScreen } from './LoginScreen';

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

  it('says the server cannot be reached, in words, in both languages', async () => {
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    for (const [lang, expected] of [
      ['zh', '无法连接服务器，请检查网络后重试'],
      ['en', 'Cannot reach the server. Check the network and try again'],
    ] as const) {
      const { unmount } = renderInConsole(<LoginScreen message={null} onLogin={vi.fn()} />, { lang });
      await userEvent.type(screen.getByTestId('login-username'), 'duty');
      await userEvent.type(screen.getByTestId('login-password'), 'secret');
      await userEvent.click(screen.getByTestId('login-submit'));
      await waitFor(() => expect(screen.getByTestId('login-error').textContent).toBe(expected));
      expect(screen.getByTestId('login-error').textContent).not.toMatch(/NETWORK|Failed to fetch/);
      unmount();
    }
  });

  it('sends the trimmed name and says how long a lock lasts (Chinese) or that it is locked (English)', async () => {
    const detail = '登录失败次数过多，请 5 分钟后再试';
    const calls = answerFetch({ 'POST /auth/login': { status: 429, body: { code: 'TOO_MANY_REQUESTS', detail } } });
    const first = renderInConsole(<LoginScreen message={null} onLogin={vi.fn()} />);
    await userEvent.type(screen.getByTestId('login-username'), ' duty ');
    await userEvent.type(screen.getByTestId('login-password'), 'pw');
    await userEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toBe(detail));
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/auth/login', body: { username: 'duty', password: 'pw' } });
    first.unmount();
    renderInConsole(<LoginScreen message={null} onLogin={vi.fn()} />, { lang: 'en' });
    await userEvent.type(screen.getByTestId('login-username'), 'duty');
    await userEvent.type(screen.getByTestId('login-password'), 'pw');
    await userEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).not.toBe(''));
    expect(screen.getByTestId('login-error').textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
