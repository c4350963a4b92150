export { nullableString, nullableTimestamp, plainText } from '../../../core/schemas/schema-kit.ts';
