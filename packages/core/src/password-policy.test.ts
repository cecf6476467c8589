import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from './password-policy.ts';

describe('passwordProblems', () => {
  it('passes a long password with three classes', () => {
    expect(passwordProblems('Gongkai2026xx', 'editor', DEFAULT_PASSWORD_POLICY)).toEqual([]);
  });
  it('names each broken rule in Chinese', () => {
    expect(passwordProblems('abc', 'editor', DEFAULT_PASSWORD_POLICY)).toEqual([
      '密码至少需要10个字符',
      '密码需包含小写字母、大写字母、数字、符号中的至少3类',
    ]);
  });
  it('refuses the username inside the password', () => {
    expect(passwordProblems('Zhangsan-2026!', 'zhangsan', DEFAULT_PASSWORD_POLICY)).toEqual(['密码不能包含用户名']);
  });
  it('follows a configured policy', () => {
    expect(passwordProblems('abcdef', 'x', { minLength: 6, minClasses: 1, forbidUsername: false })).toEqual([]);
  });
});

describe('describePasswordPolicy', () => {
  it('words the configured policy for the form hint', async () => {
    const { describePasswordPolicy } = await import('./password-policy.ts');
    expect(describePasswordPolicy(DEFAULT_PASSWORD_POLICY)).toBe(
      '至少10位，包含大写字母、小写字母、数字、符号中的至少3类，不能包含用户名',
    );
    expect(describePasswordPolicy({ minLength: 8, minClasses: 1, forbidUsername: false })).toBe('至少8位');
  });
});
