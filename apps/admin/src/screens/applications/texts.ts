import type { ClockStatus } from '@xxgk/core';

export const CLOCK_STATUS_TEXT: Record<ClockStatus, string> = {
  awaiting_confirmation: '待确认收件',
  in_progress: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  awaiting_payment: '待缴费',
  decided: '已答复',
  abandoned_correction: '逾期未补正',
  abandoned_fee: '逾期未缴费',
};
