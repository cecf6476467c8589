import type { ErrorCode } from '@xxgk/core';

/**
 * The one table from error codes to HTTP. `title` is the Chinese message used when the error
 * carries none of its own (a DomainError's message is more precise and wins).
 */
export const ERROR_TABLE: Readonly<Record<ErrorCode, { status: number; title: string }>> = {
  VALIDATION_FAILED: { status: 400, title: '提交的内容有误，请检查后重试' },
  NOT_FOUND: { status: 404, title: '找不到请求的内容' },
  CONFLICT: { status: 409, title: '操作与现有数据冲突' },
  UNAUTHENTICATED: { status: 401, title: '请先登录' },
  FORBIDDEN: { status: 403, title: '您没有执行此操作的权限' },
  INVALID_CREDENTIALS: { status: 401, title: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, title: '账号已锁定，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, title: '该账号已停用' },
  TOO_MANY_ATTEMPTS: { status: 429, title: '请求过于频繁，请稍后再试' },
  SESSION_EXPIRED: { status: 401, title: '登录已超时，请重新登录' },
  CSRF_REJECTED: { status: 403, title: '请求来源校验失败，请刷新页面后重试' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: '不支持的提交格式' },
  WEAK_PASSWORD: { status: 400, title: '密码不符合安全要求' },
  INVALID_USCC: { status: 400, title: '统一社会信用代码无效' },
  AGENCY_CYCLE: { status: 409, title: '机关层级关系无效' },
  AUDIT_CHAIN_BROKEN: { status: 500, title: '审计日志校验失败' },
  INTERNAL: { status: 500, title: '服务器内部错误，请稍后重试' },
};

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly issues: readonly { path: string; message: string }[];
    readonly requestId: string;
  };
}
