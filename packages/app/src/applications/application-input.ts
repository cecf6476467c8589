import {
  APPLICANT_CATEGORIES,
  checkResidentId,
  checkUscc,
  DELIVERY_METHODS,
  INFORMATION_FORMS,
  isPhoneNumber,
  isPostcode,
  normalizeUscc,
  PERSON_ID_TYPES,
} from '@xxgk/core';
import { z } from 'zod';
import { text } from '../validation.ts';

/**
 * An application as the portal form or a staff member gives it (条例 第二十九条). A 居民身份证 number
 * is checked with its check digit, an organisation's 统一社会信用代码 with its check character;
 * e-mail delivery needs an e-mail address and postal delivery an address — every problem is named.
 */
export const ApplicationInput = z
  .object({
    agencyId: z.coerce.number({ error: '请选择受理机关' }).int().positive({ error: '请选择受理机关' }),
    applicantKind: z.enum(APPLICANT_CATEGORIES, { error: '请选择申请人类型' }),
    applicantName: text('申请人姓名或名称', { min: 1, max: 100 }),
    idType: z.enum([...PERSON_ID_TYPES, 'uscc'], { error: '请选择证件类型' }).default('resident_id'),
    idNumber: text('证件号码', { min: 1, max: 40 }),
    contactName: text('联系人', { max: 50 }).default(''),
    phone: text('联系电话', { min: 1, max: 40 }).refine(isPhoneNumber, '联系电话格式不正确'),
    email: text('电子邮箱', { max: 100 })
      .default('')
      .refine((v) => v === '' || z.email().safeParse(v).success, '电子邮箱格式不正确'),
    address: text('通信地址', { max: 200 }).default(''),
    postcode: text('邮政编码', { max: 6 })
      .default('')
      .refine((v) => v === '' || isPostcode(v), '邮政编码应为6位数字'),
    infoTitle: text('所需信息的名称', { min: 1, max: 200 }),
    infoDocNo: text('文号', { max: 60 }).default(''),
    infoDescription: text('所需信息的描述', { max: 2000 }).default(''),
    infoForm: z.enum(INFORMATION_FORMS, { error: '请选择获取信息的形式' }),
    delivery: z.enum(DELIVERY_METHODS, { error: '请选择获取信息的方式' }),
  })
  .transform((v) => {
    const organisation = v.applicantKind !== 'natural_person';
    return {
      ...v,
      idType: organisation ? ('uscc' as const) : v.idType,
      idNumber: organisation ? normalizeUscc(v.idNumber) : v.idNumber.toUpperCase(),
    };
  })
  .superRefine((v, issues) => {
    const add = (path: string, message: string) => issues.addIssue({ code: 'custom', path: [path], message });
    if (v.idType === 'uscc') {
      const check = checkUscc(v.idNumber);
      if (!check.ok) {
        add('idNumber', check.message ?? '统一社会信用代码无效');
      }
      if (v.contactName === '') {
        add('contactName', '法人或其他组织申请的，请填写联系人');
      }
    } else if (v.idType === 'resident_id') {
      const check = checkResidentId(v.idNumber);
      if (!check.ok) {
        add('idNumber', check.message);
      }
    }
    if (v.delivery === 'email' && v.email === '') {
      add('email', '选择电子邮件方式获取的，请填写电子邮箱');
    }
    if (v.delivery === 'post' && v.address === '') {
      add('address', '选择邮寄方式获取的，请填写通信地址');
    }
    if (v.infoDocNo === '' && v.infoDescription === '' && v.infoTitle.length < 6) {
      add('infoDescription', '请写明所需信息的文号或便于查询的特征性描述（条例第二十九条）');
    }
  });
export type ApplicationInput = z.input<typeof ApplicationInput>;
export type ApplicationFields = z.output<typeof ApplicationInput>;
