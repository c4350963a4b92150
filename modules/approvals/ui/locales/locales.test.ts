import { describe } from 'vitest';
import { itKeepsLocalesInStep } from '../../../../tests/helpers/locale-parity';
import zh from './zh-CN.json';
import en from './en.json';

describe('approvals module translations', () => {
  itKeepsLocalesInStep(zh, en);
});
