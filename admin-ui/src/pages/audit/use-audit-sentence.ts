import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/audit.api';
import { useTenantModules } from '../../modules/use-tenant-modules';
import { useLocalized } from '../../i18n/localized';

/** `users.password.reset` → `users_password_reset`: the action's key among the sentences. */
export const actionKey = (action: string) => action.replace(/\./g, '_');

/**
 * Turns an audit entry into a sentence in the reader's language: who (the account's name, the
 * platform operator, or the system), did what (the action's sentence), to which record (its
 * name where the server knew it, a module's name, a date; else a short id).
 */
export function useAuditSentence(): (entry: AuditEntry) => string {
  const { t, i18n } = useTranslation('adminConsole');
  const localize = useLocalized();
  const modules = useTenantModules();
  const moduleNames = new Map((modules.data ?? []).map((m) => [m.id, localize(m.manifest.name)]));

  const actorOf = (entry: AuditEntry): string => {
    if (entry.actor) return entry.actor.displayName ?? t('audit.unknownActor');
    const operator = entry.data.operator as { displayName?: string; username?: string } | undefined;
    if (operator) return t('audit.operator', { name: operator.displayName ?? operator.username ?? '' });
    return t('audit.system');
  };

  const recordOf = (entry: AuditEntry): string => {
    if (entry.recordType === 'module') return moduleNames.get(entry.recordId) ?? entry.recordId;
    // A calendar day and a custom-field set are named by their id (the date, `module/record type`).
    if (entry.recordType === 'calendar_day' || entry.recordType === 'custom_field_set') return entry.recordId;
    if (entry.recordName) return entry.recordName;
    return t('audit.recordWithoutName', { type: recordTypeLabel(entry.recordType), id: entry.recordId.slice(0, 8) });
  };

  const recordTypeLabel = (type: string) =>
    i18n.exists(`adminConsole:audit.recordTypes.${type}`) ? t(`audit.recordTypes.${type}` as never) : type;

  return (entry) => {
    const key = `audit.actions.${actionKey(entry.action)}`;
    const values = { actor: actorOf(entry), record: recordOf(entry) };
    if (i18n.exists(`adminConsole:${key}`)) return t(key as never, values);
    return t('audit.generic', { ...values, action: entry.action });
  };
}

/** The filter's label of an action: its sentence without actor and record, and the module it belongs to. */
export function useActionLabel(): (action: string, moduleId: string | null) => string {
  const { t, i18n } = useTranslation('adminConsole');
  const localize = useLocalized();
  const modules = useTenantModules();
  const names = new Map((modules.data ?? []).map((m) => [m.id, localize(m.manifest.name)]));
  return (action, moduleId) => {
    const key = `audit.actions.${actionKey(action)}`;
    const phrase = i18n.exists(`adminConsole:${key}`) ? String(t(key as never, { actor: '', record: '…' })).trim() : action;
    return moduleId ? `${names.get(moduleId) ?? moduleId} · ${phrase}` : phrase;
  };
}
