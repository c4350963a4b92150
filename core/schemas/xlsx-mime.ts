/** The content type of an .xlsx workbook. Its own file so route schemas name it without loading exceljs. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
