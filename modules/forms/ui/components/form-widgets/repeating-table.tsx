import { createContext, useContext, type CSSProperties } from 'react';
import { Flex, Form, Grid, Space, Typography, theme } from 'antd';
import { Templates } from '@rjsf/antd';
import {
  buttonId,
  getTemplate,
  getUiOptions,
  orderProperties,
  TranslatableString,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type Registry,
  type RJSFSchema,
  type UiSchema,
} from '@rjsf/utils';

// antd's own templates: everything that is not a table row renders as before.
const AntdArray = Templates.ArrayFieldTemplate!;
const AntdItem = Templates.ArrayFieldItemTemplate!;
const AntdObject = Templates.ObjectFieldTemplate!;
const AntdField = Templates.FieldTemplate!;

const CELL_MIN_WIDTH = 150;
const ACTIONS_WIDTH = 56;
// Rows and header are indented alike; the table is never narrower than its columns need.
const ROW_INDENT = 8;

/** The grid of a table's columns, while rendering one of its rows (null elsewhere). */
const RowGrid = createContext<string | null>(null);
/** Inside one cell: the field shows without its label (the column header is its label). */
const InCell = createContext(false);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const SINGLE_ANSWER = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/** One answer per cell: a text, number, date, yes/no, choice, record id, or a multi-choice list. */
function isCellSchema(schema: RJSFSchema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.length === 0) return schema.enum !== undefined || schema.const !== undefined;
  if (types.every((type) => SINGLE_ANSWER.has(type))) return true;
  const items = schema.items;
  return types.length === 1 && types[0] === 'array' && isObject(items) && (Array.isArray(items.enum) || Array.isArray(items.oneOf));
}

export interface TableColumn {
  key: string;
  title: string;
  required: boolean;
}

/**
 * The columns of a repeating group (an array of flat objects: every property one answer, no
 * conditions on the row), in the row's field order; null for any other array, which keeps
 * antd's stacked layout.
 */
export function tableColumns(schema: RJSFSchema, uiSchema: UiSchema | undefined, registry: Registry): TableColumn[] | null {
  if (!isObject(schema.items)) return null;
  const row = registry.schemaUtils.retrieveSchema(schema.items as RJSFSchema);
  if (row.type !== 'object' || !isObject(row.properties)) return null;
  if (['allOf', 'anyOf', 'oneOf', 'if', 'dependencies', 'patternProperties'].some((keyword) => keyword in row)) return null;
  const rowUi = isObject(uiSchema?.items) ? (uiSchema.items as UiSchema) : {};
  const properties = row.properties as Record<string, RJSFSchema>;
  const keys = orderProperties(Object.keys(properties), rowUi['ui:order'] as string[] | undefined).filter((key) => key in properties);
  const visible = keys.filter((key) => getUiOptions(rowUi[key] as UiSchema | undefined).widget !== 'hidden');
  if (visible.length === 0) return null;
  const columns: TableColumn[] = [];
  for (const key of visible) {
    const field = registry.schemaUtils.retrieveSchema(properties[key]);
    if (!isCellSchema(field)) return null;
    columns.push({
      key,
      title: String(getUiOptions(rowUi[key] as UiSchema | undefined).title ?? field.title ?? key),
      required: (row.required ?? []).includes(key),
    });
  }
  return columns;
}

/** Repeating groups as a table: a header of column titles, one row per entry, scrolling sideways on a phone. */
export function TableArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { token } = theme.useToken();
  // Below antd's `md` (a 390 px phone) each row is a card of labelled fields instead: a table
  // of several 150 px columns would only scroll sideways out of sight.
  const wide = Grid.useBreakpoint().md !== false;
  const columns = wide ? tableColumns(props.schema, props.uiSchema, props.registry) : null;
  if (!columns) return <AntdArray {...props} />;
  const { canAdd, className, disabled, fieldPathId, items, onAddClick, readonly, registry, required, schema, title, uiSchema } = props;
  const uiOptions = getUiOptions(uiSchema);
  const TitleTemplate = getTemplate('ArrayFieldTitleTemplate', registry, uiOptions);
  const { AddButton } = registry.templates.ButtonTemplates;
  const grid = `repeat(${columns.length}, minmax(${CELL_MIN_WIDTH}px, 1fr))`;
  const headerCell: CSSProperties = { padding: '6px 8px 6px 0', fontWeight: 500 };
  return (
    <fieldset className={className} id={fieldPathId.$id} style={{ minWidth: 0 }}>
      {(uiOptions.title || title) && (
        <TitleTemplate
          fieldPathId={fieldPathId}
          required={required}
          title={uiOptions.title || title}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
      {/* `contain`: the table's width must not widen the form (fieldsets grow to their content), it scrolls instead. */}
      <div
        style={{ overflowX: 'auto', contain: 'inline-size', marginBottom: 8 }}
        data-testid="repeating-table"
        data-field={fieldPathId.$id}
      >
        <div role="table" style={{ minWidth: columns.length * CELL_MIN_WIDTH + ACTIONS_WIDTH + ROW_INDENT }}>
          <div
            role="row"
            style={{ display: 'flex', borderBottom: `1px solid ${token.colorBorderSecondary}`, background: token.colorFillAlter }}
          >
            <div style={{ flex: 1, display: 'grid', gridTemplateColumns: grid, paddingLeft: ROW_INDENT }}>
              {columns.map((column) => (
                <div role="columnheader" key={column.key} style={headerCell}>
                  {column.required && <span style={{ color: token.colorError, marginRight: 4 }}>*</span>}
                  {column.title}
                </div>
              ))}
            </div>
            <div style={{ flex: `0 0 ${ACTIONS_WIDTH}px` }} />
          </div>
          <RowGrid.Provider value={grid}>{items}</RowGrid.Provider>
          {items.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ padding: 8, margin: 0 }}>
              {registry.translateString(TranslatableString.EmptyArray)}
            </Typography.Paragraph>
          )}
        </div>
      </div>
      {canAdd && !disabled && !readonly && (
        <AddButton
          id={buttonId(fieldPathId, 'add')}
          className="rjsf-array-item-add"
          onClick={onAddClick}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
    </fieldset>
  );
}

/** A table row: the entry's cells, then its remove button. Elsewhere antd's stacked entry. */
export function TableRowItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { token } = theme.useToken();
  const grid = useContext(RowGrid);
  if (grid === null) return <AntdItem {...props} />;
  const { children, buttonsProps, hasToolbar, index, registry, uiSchema } = props;
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <Flex
      role="row"
      align="flex-start"
      data-row={index}
      style={{ borderBottom: `1px solid ${token.colorBorderSecondary}`, paddingTop: 8, paddingLeft: ROW_INDENT }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      <Flex justify="center" style={{ flex: `0 0 ${ACTIONS_WIDTH}px` }}>
        {hasToolbar && (
          <Space.Compact>
            <Buttons {...buttonsProps} />
          </Space.Compact>
        )}
      </Flex>
    </Flex>
  );
}

/** A row's fields side by side on the table's grid. Elsewhere antd's object layout. */
export function TableRowObjectTemplate(props: ObjectFieldTemplateProps) {
  const grid = useContext(RowGrid);
  if (grid === null) return <AntdObject {...props} />;
  const shown = props.properties.filter((property) => !property.hidden);
  return (
    // Nested below a row is no longer a row: anything deeper renders as usual.
    <RowGrid.Provider value={null}>
      <div style={{ display: 'grid', gridTemplateColumns: grid }}>
        {shown.map((property) => (
          <div role="cell" key={property.name} style={{ paddingRight: 8, minWidth: 0 }}>
            <InCell.Provider value={true}>{property.content}</InCell.Provider>
          </div>
        ))}
      </div>
      {props.properties.filter((property) => property.hidden).map((property) => property.content)}
    </RowGrid.Provider>
  );
}

/** In a cell: the widget and its problems, without a label. A row itself: its cells only. */
export function TableCellFieldTemplate(props: FieldTemplateProps) {
  const inCell = useContext(InCell);
  const rowGrid = useContext(RowGrid);
  if (!inCell && rowGrid === null) return <AntdField {...props} />;
  const { children, errors, rawErrors, hidden } = props;
  if (hidden) return <div style={{ display: 'none' }}>{children}</div>;
  if (!inCell) return children;
  const failed = (rawErrors?.length ?? 0) > 0;
  return (
    <Form.Item style={{ marginBottom: 8 }} validateStatus={failed ? 'error' : undefined} help={failed ? errors : undefined}>
      {children}
    </Form.Item>
  );
}
