import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { describeError, errorText } from './describe';

const hint = '再次提交不会重复执行';

describe('errors rendered from their codes', () => {
  it('says a network failure in words, in both languages, never the browser text', () => {
    const err = new ApiError(0, 'NETWORK', 'Failed to fetch');
    expect(errorText(err, 'x', undefined, 'zh')).toBe('无法连接服务器，请检查网络后重试');
    expect(errorText(err, 'x', undefined, 'en')).toBe('Cannot reach the server. Check the network and try again');
    expect(errorText(new ApiError(0, 'NETWORK', 'Failed to fetch', [], true), 'x', hint, 'zh')).toContain(hint);
  });

  it('renders a known code from the catalogue and adds the Chinese detail only where it says more', () => {
    const stale = new ApiError(412, 'STALE_REVISION', '数据已被他人更新（期望版本 3，当前版本 4），请刷新后重试');
    expect(describeError(stale, 'zh')).toMatchObject({
      message: '数据已被他人更新，请刷新后重试',
      detail: '数据已被他人更新（期望版本 3，当前版本 4），请刷新后重试',
    });
    expect(errorText(stale, 'x', undefined, 'en')).toBe('Someone else changed this meanwhile; refresh and try again');
    // The detail repeats the message: said once.
    const busy = new ApiError(409, 'TEAM_NOT_AVAILABLE', '该队伍当前不能调派');
    expect(errorText(busy, 'x', undefined, 'zh')).toBe('该队伍当前不能调派');
    // A detail that names a jurisdiction by its code is not shown.
    const outside = new ApiError(403, 'OUTSIDE_JURISDICTION', '无权在辖区 640521 办理：只能办理本辖区及下级辖区的事务');
    expect(errorText(outside, 'x', undefined, 'zh')).not.toMatch(/640521/);
  });

  it('says a failed If-Match (412) means someone else changed the record, with or without its code', () => {
    expect(errorText(new ApiError(412, undefined, 'Precondition Failed'), 'x', undefined, 'zh')).toBe(
      '数据已被他人更新，请刷新后重试',
    );
    expect(errorText(new ApiError(412, undefined, 'Precondition Failed'), 'x', undefined, 'en')).toBe(
      'Someone else changed this meanwhile; refresh and try again',
    );
    // A conflict that is not about revisions keeps its own wording.
    expect(errorText(new ApiError(409, 'SOMETHING_NEW', 'x'), 'x', undefined, 'zh')).toBe(
      '与当前状态冲突，请刷新后再试',
    );
  });

  it('falls back to the status message for a code it does not know, never showing the code', () => {
    const err = new ApiError(409, 'SOMETHING_NEW', 'Something new happened');
    expect(errorText(err, 'x', undefined, 'zh')).toBe('与当前状态冲突，请刷新后再试');
    expect(errorText(err, 'x', undefined, 'en')).toBe('Conflicts with the current state; refresh and try again');
    expect(errorText(new ApiError(502, undefined, 'Bad Gateway'), 'x', undefined, 'en')).toBe(
      'The service is unavailable; please try again shortly',
    );
  });

  it('lists the fields to correct: their Chinese messages, or their names in English', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', '请求内容未通过校验', [
      { path: 'casualties.deaths', message: 'casualties.deaths 须为不小于 0 的整数' },
    ]);
    expect(errorText(err, 'x', undefined, 'zh')).toBe('填写的内容未通过校验 · casualties.deaths 须为不小于 0 的整数');
    expect(errorText(err, 'x', undefined, 'en')).toBe(
      'Some of what was entered is not valid · Please correct: “casualties.deaths”',
    );
  });

  it('says the fallback for anything that is not an answer of the server', () => {
    expect(errorText(new TypeError('x is undefined'), '操作失败', undefined, 'zh')).toBe('操作失败');
  });
});
