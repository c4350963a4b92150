import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from './xlsx-reader.ts';
import { safeCellText, writeXlsx } from './xlsx-writer.ts';

describe('xlsx helpers', () => {
  it('writes text that looks like a formula as quoted text, never as a formula', async () => {
    const file = await writeXlsx([
      {
        name: '导出',
        columns: [{ header: '内容' }],
        rows: [['=HYPERLINK("http://evil","x")'], ['+1+1'], ['-2'], ['@SUM(A1)'], ['普通'], [42]],
      },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = book.getWorksheet('导出')!;
    const cells = [2, 3, 4, 5, 6, 7].map((r) => sheet.getCell(r, 1));
    expect(cells.map((c) => c.type)).toEqual([
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.Number,
    ]);
    expect(cells.map((c) => c.value)).toEqual([`'=HYPERLINK("http://evil","x")`, "'+1+1", "'-2", "'@SUM(A1)", '普通', 42]);
  });

  it('reads back what it wrote, by header, without the protective apostrophe', async () => {
    const file = await writeXlsx([
      {
        name: '人员',
        columns: [{ header: '姓名' }, { header: '手机号', text: true }],
        rows: [
          ['=张三', '13800000000'],
          ['李四', null],
        ],
      },
    ]);
    const tables = await readXlsx(file);
    expect(tables.get('人员')).toEqual({
      name: '人员',
      headers: ['姓名', '手机号'],
      rows: [
        { rowNumber: 2, cells: { 姓名: '=张三', 手机号: '13800000000' } },
        { rowNumber: 3, cells: { 姓名: '李四', 手机号: '' } },
      ],
    });
  });

  it('leaves ordinary text alone', () => {
    expect(safeCellText('示范县/城关镇')).toBe('示范县/城关镇');
    expect(safeCellText('\t=1')).toBe("'\t=1");
  });
});
