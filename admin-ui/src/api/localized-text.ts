/** A text in both UI languages, as module manifests carry it (core/modules/contract.ts). */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}
