import { ITEM_STATUS_LABELS, REVIEW_STAGE_LABELS, type ItemStatus, type ReviewStage } from '@xxgk/core';
import { Tag } from 'antd';

const COLORS: Record<ItemStatus, string> = {
  draft: 'default',
  scheduled: 'purple',
  published: 'green',
  withdrawn: 'red',
};

/** The public state, and beside it the work in progress (编辑中, 待初审 …). */
export function StatusTag({
  status,
  stage,
  working,
}: {
  status: ItemStatus;
  stage: ReviewStage | null;
  working: boolean;
}) {
  return (
    <>
      <Tag color={COLORS[status]}>{ITEM_STATUS_LABELS[status]}</Tag>
      {stage !== null && <Tag color="orange">待{REVIEW_STAGE_LABELS[stage]}</Tag>}
      {stage === null && working && status !== 'draft' && <Tag color="blue">修订中</Tag>}
      {stage === null && working && status === 'draft' && <Tag>编辑中</Tag>}
    </>
  );
}
