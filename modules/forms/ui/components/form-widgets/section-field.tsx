import { useEffect } from 'react';
import { Divider, Typography } from 'antd';
import type { FieldProps } from '@rjsf/utils';

/** A heading between fields (`type: "null"`): holds no answer, as rjsf's null field. */
export function SectionField({ schema, formData, onChange, fieldPathId }: FieldProps) {
  useEffect(() => {
    if (formData === undefined) onChange(null, fieldPathId.path);
  }, [formData, onChange, fieldPathId]);
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {schema.title}
        </Typography.Title>
      </Divider>
      {schema.description && <Typography.Paragraph type="secondary">{schema.description}</Typography.Paragraph>}
    </>
  );
}
