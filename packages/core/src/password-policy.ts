/**
 * Password rules. The defaults follow GB/T 22239—2019 (等保2.0) 身份鉴别 practice: a minimum length,
 * several character classes, no username inside. All of it is configurable per deployment.
 */
export interface PasswordPolicy {
  /** Fewest characters. */
  readonly minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) must appear. */
  readonly minClasses: number;
  /** Refuse a password that contains the username (case-insensitive). */
  readonly forbidUsername: boolean;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 10,
  minClasses: 3,
  forbidUsername: true,
};

/** Returns the Chinese reasons a password breaks the policy; empty when it passes. */
export function passwordProblems(password: string, username: string, policy: PasswordPolicy): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) {
    problems.push(`密码至少需要${policy.minLength}个字符`);
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) {
    problems.push(`密码需包含小写字母、大写字母、数字、符号中的至少${policy.minClasses}类`);
  }
  if (policy.forbidUsername && username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}

/** The policy as one Chinese sentence, for the hint under a password field. */
export function describePasswordPolicy(policy: PasswordPolicy): string {
  const parts = [`至少${policy.minLength}位`];
  if (policy.minClasses > 1) {
    parts.push(`包含大写字母、小写字母、数字、符号中的至少${policy.minClasses}类`);
  }
  if (policy.forbidUsername) {
    parts.push('不能包含用户名');
  }
  return parts.join('，');
}
