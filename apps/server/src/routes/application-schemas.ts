import {
  APPLICANT_CATEGORIES,
  CHANNELS,
  CLOCK_STATUSES,
  DELIVERY_METHODS,
  INFORMATION_FORMS,
  LETTER_KINDS,
  OUTCOME_CODES,
} from '@xxgk/core';
import { z } from 'zod';

/** A list the use cases return as a readonly array. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** What the 依申请公开 routes answer, for the OpenAPI document (and to keep answers to their shape). */
const outcome = z.enum(OUTCOME_CODES as [string, ...string[]]).nullable();
const status = z.enum(CLOCK_STATUSES);

export const DeadlineOut = z.object({
  status,
  receiptDate: z.string().nullable(),
  due: z.string().nullable(),
  correctionNoticeDue: z.string().nullable(),
  feePaymentDue: z.string().nullable(),
  decidedOn: z.string().nullable(),
  overdue: z.boolean(),
  workingDaysLeft: z.number().nullable(),
  warnings: list(z.string()),
  explanation: list(z.object({ date: z.string().nullable(), text: z.string(), basis: z.string() })),
});

const ListEntry = z.object({
  id: z.number(),
  trackingCode: z.string(),
  channel: z.enum(CHANNELS),
  applicantKind: z.enum(APPLICANT_CATEGORIES),
  applicantName: z.string(),
  infoTitle: z.string(),
  receivedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  status,
  outcomeCode: outcome,
});

export const ApplicationListOut = z.object({
  rows: list(ListEntry.extend({ flag: z.enum(['overdue', 'due_soon']).nullable() })),
  total: z.number(),
});

export const AlertsOut = z.object({
  agencies: list(
    z.object({
      agencyId: z.number(),
      agencyName: z.string(),
      open: z.number(),
      overdue: z.number(),
      dueSoon: z.number(),
    }),
  ),
});

export const AppealOut = z.object({
  id: z.number(),
  applicationId: z.number(),
  kind: z.enum(['reconsideration', 'litigation']),
  body: z.string(),
  caseNumber: z.string(),
  filedOn: z.string(),
  stage: z.string(),
  result: z.enum(['upheld', 'corrected', 'other', 'pending']),
  concludedOn: z.string().nullable(),
  afterReconsideration: z.boolean(),
  note: z.string(),
});

export const ApplicationDetailOut = z.object({
  application: ListEntry.extend({
    idType: z.string(),
    idNumberMasked: z.string(),
    contactName: z.string(),
    phone: z.string(),
    email: z.string(),
    address: z.string(),
    postcode: z.string(),
    infoDocNo: z.string(),
    infoDescription: z.string(),
    infoForm: z.enum(INFORMATION_FORMS).or(z.string()),
    delivery: z.enum(DELIVERY_METHODS).or(z.string()),
  }),
  deadline: DeadlineOut,
  events: list(
    z.object({
      id: z.number(),
      type: z.string(),
      label: z.string(),
      date: z.string(),
      note: z.string(),
      details: z.record(z.string(), z.unknown()),
      userName: z.string(),
      at: z.string(),
    }),
  ),
  files: list(
    z.object({
      id: z.number(),
      kind: z.string(),
      letterKind: z.string(),
      fileName: z.string(),
      size: z.number(),
      at: z.string(),
    }),
  ),
  handler: z.object({ id: z.number(), name: z.string() }).nullable(),
  handlers: list(z.object({ id: z.number(), name: z.string() })),
  archivedOn: z.string().nullable(),
  legalReviewRequired: z.boolean(),
  letters: list(z.object({ kind: z.enum(LETTER_KINDS), label: z.string() })),
  appeals: list(AppealOut),
  duplicates: z.object({
    sameApplicant: list(
      z.object({
        id: z.number(),
        trackingCode: z.string(),
        infoTitle: z.string(),
        receivedOn: z.string().nullable(),
        outcomeCode: outcome,
        similarity: z.number(),
      }),
    ),
    otherApplicants: z.number(),
    suggestProactive: z.boolean(),
  }),
});

export const SubmittedOut = z.object({
  id: z.number(),
  trackingCode: z.string(),
  agencyName: z.string(),
  submittedOn: z.string(),
  channel: z.enum(CHANNELS),
  deadline: DeadlineOut,
});

export const StepOut = z.object({ status, due: z.string().nullable(), deadline: DeadlineOut.nullable() });

const Field = z.object({ name: z.string(), hint: z.string(), long: z.boolean().optional() });

export const LetterDraftOut = z.object({
  kind: z.enum(LETTER_KINDS),
  label: z.string(),
  fields: list(Field.extend({ value: z.string() })),
});

export const IssuedOut = z.object({ files: list(z.object({ id: z.number(), fileName: z.string() })) });

export const LetterTemplateOut = z.object({
  kind: z.enum(LETTER_KINDS),
  label: z.string(),
  title: z.string(),
  body: z.string(),
  customised: z.boolean(),
  fields: list(Field),
  required: list(z.string()),
});

export const PreviewOut = z.object({
  problems: list(z.string()),
  title: z.string(),
  paragraphs: list(z.string()),
});
