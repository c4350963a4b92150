import type { FastifyRequest } from 'fastify';
import { DEFAULT_MESSAGE_LANGUAGE, isMessageLanguage, type MessageLanguage } from './messages.ts';

/** The signed-in user's language: the one they chose (`core_user.locale`), else the county's. */
export function readerLanguage(request: FastifyRequest): MessageLanguage {
  const own = request.user?.locale;
  if (isMessageLanguage(own)) return own;
  return isMessageLanguage(request.tenant.locale) ? request.tenant.locale : DEFAULT_MESSAGE_LANGUAGE;
}
