import { Alert, Typography } from 'antd';
import { isApiError } from '../../../../../admin-ui/src/module-kit';
import { useT } from '../../i18n/forms-i18n';

/** Why the server refused a schema (400 FORMS_SCHEMA_INVALID and friends): each problem with its path. */
export function SchemaProblems({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const details = isApiError(error) ? error.details : [];
  const code = isApiError(error) ? error.code : 'CLIENT_ERROR';
  return (
    <Alert
      type="error"
      showIcon
      data-testid="schema-problems"
      title={t('designer.rejected', { code })}
      description={
        details.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {details.map((d) => (
              <li key={`${d.path}:${d.message}`}>
                <Typography.Text code>{d.path}</Typography.Text> {d.message}
              </li>
            ))}
          </ul>
        )
      }
      style={{ marginBottom: 12 }}
    />
  );
}
