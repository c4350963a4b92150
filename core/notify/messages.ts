/**
 * Server-written messages (notification titles and bodies, SMS texts) as keys with parameters,
 * rendered in the reader's language. Each module keeps its catalogue beside its code
 * (`modules/<id>/locales/notifications.ts`), core its own (`core/notify/core-messages.ts`).
 *
 * Why no i18next here: a message is a title and an optional body with named placeholders. Dates
 * arrive formatted in the county's clock (the same in both languages), counts are written so
 * that no plural form is needed, and a word that depends on the language inside a sentence (a
 * card colour, a period) is a term of the catalogue passed as a parameter. Plain `{name}`
 * substitution covers that, and a catalogue in TypeScript lets the compiler check every key and
 * every placeholder a call passes — which string keys of a runtime library would not.
 */

/** The languages every catalogue holds, and a reader may choose (`core_user.locale`). */
export const MESSAGE_LANGUAGES = ['zh-CN', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
export const DEFAULT_MESSAGE_LANGUAGE: MessageLanguage = 'zh-CN';

export const isMessageLanguage = (value: unknown): value is MessageLanguage => MESSAGE_LANGUAGES.some((l) => l === value);

/** One text of a message in one language: a title only (a term, or an SMS) or a title and a body. */
export type MessageText = string | { readonly title: string; readonly body?: string };

/** A message in both languages: neither can be left out. */
export type MessageEntry = { readonly [L in MessageLanguage]: MessageText };

/**
 * What a parameter may be: text and numbers as they are (dates already in the county's clock),
 * a list (joined as each language joins lists: 甲、乙、丙 / a, b, c), or a term of the
 * catalogue, rendered in the reader's language.
 */
export type MessageParam = string | number | readonly string[] | NotificationMessage;

/** What a notification stores: `<namespace>.<key>` and the values of its placeholders (JSON). */
export interface NotificationMessage {
  key: string;
  params: Record<string, MessageParam>;
}

/** A module's (or core's) messages, registered with the platform to be rendered by key. */
export interface MessageCatalogue {
  /** The module id (`core` for core): stored keys are `<namespace>.<key>`. */
  namespace: string;
  entries: Readonly<Record<string, MessageEntry>>;
}

// The placeholders of a text, by its type: `'新任务：{task}'` → `'task'`.
type PlaceholdersIn<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersIn<Rest> : never;
type PlaceholdersOfText<T> = T extends string
  ? PlaceholdersIn<T>
  : T extends { title: infer Title; body?: infer Body }
    ? PlaceholdersIn<Title> | PlaceholdersIn<Body>
    : never;
type PlaceholdersOf<E> = E extends MessageEntry ? PlaceholdersOfText<E['zh-CN']> | PlaceholdersOfText<E['en']> : never;
/** The parameters a message needs: one per placeholder of either language, none when it has none. */
export type ParamsOf<E> = [PlaceholdersOf<E>] extends [never]
  ? [params?: Record<string, never>]
  : [params: { [P in PlaceholdersOf<E>]: MessageParam }];

export interface DefinedMessages<Entries extends Record<string, MessageEntry>> {
  catalogue: MessageCatalogue;
  /** A message of this catalogue: the key must exist, and every placeholder gets its value. */
  message<K extends keyof Entries & string>(key: K, ...params: ParamsOf<Entries[K]>): NotificationMessage;
}

/**
 * Declares a catalogue. Both languages stand side by side under each key, so a key cannot exist
 * in one language only; `tests/unit/notification-messages.test.ts` checks that both fill the
 * same placeholders and leave nothing empty.
 */
export function defineMessages<const Entries extends Record<string, MessageEntry>>(
  namespace: string,
  entries: Entries,
): DefinedMessages<Entries> {
  return {
    catalogue: { namespace, entries },
    message: (key, ...params) => ({ key: `${namespace}.${key}`, params: (params[0] ?? {}) as Record<string, MessageParam> }),
  };
}

/** A rendered message. */
export interface RenderedText {
  title: string;
  body: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a text, sorted (for the catalogue checks). */
export function placeholdersOf(text: MessageText): string[] {
  const texts = typeof text === 'string' ? [text] : [text.title, text.body ?? ''];
  return [...new Set(texts.flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1])))].sort();
}

const listFormats = new Map<MessageLanguage, Intl.ListFormat>();
function listFormat(language: MessageLanguage): Intl.ListFormat {
  let format = listFormats.get(language);
  if (!format) {
    // 'narrow' joins 甲、乙、丙 and a, b, c: no 和 / and, as a list of names in a notice reads.
    format = new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' });
    listFormats.set(language, format);
  }
  return format;
}

const isMessage = (value: unknown): value is NotificationMessage =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as NotificationMessage).key === 'string';

/**
 * Every catalogue the platform knows, by namespace. Checked when built (at start): namespaces
 * unique, every entry in both languages, not empty, with the same placeholders in both.
 */
export class MessageCatalogues {
  private readonly byNamespace = new Map<string, MessageCatalogue>();

  constructor(catalogues: MessageCatalogue[]) {
    for (const catalogue of catalogues) {
      if (this.byNamespace.has(catalogue.namespace)) throw new Error(`Message catalogue "${catalogue.namespace}" is registered twice`);
      const problems = catalogueProblems(catalogue);
      if (problems.length > 0) throw new Error(`Message catalogue "${catalogue.namespace}": ${problems.join('; ')}`);
      this.byNamespace.set(catalogue.namespace, catalogue);
    }
  }

  /** The entry of a stored key, or undefined (a module uninstalled since, a key renamed). */
  entry(key: string): MessageEntry | undefined {
    const dot = key.indexOf('.');
    const catalogue = dot > 0 ? this.byNamespace.get(key.slice(0, dot)) : undefined;
    const name = key.slice(dot + 1);
    return catalogue && Object.hasOwn(catalogue.entries, name) ? catalogue.entries[name] : undefined;
  }

  /**
   * The message in `language`, or null when its key is unknown or a placeholder lacks its value
   * (a row written before the catalogue changed): the caller then shows the stored text.
   */
  render(message: NotificationMessage, language: MessageLanguage): RenderedText | null {
    return this.renderAt(message, language, 0);
  }

  /** Like `render`, but a message the code writes now must render: an unknown key or a missing value is a bug. */
  renderNew(message: NotificationMessage, language: MessageLanguage): RenderedText {
    const rendered = this.render(message, language);
    if (!rendered) throw new Error(`Message "${message.key}" is not in a catalogue, or lacks a value for one of its placeholders`);
    return rendered;
  }

  private renderAt(message: NotificationMessage, language: MessageLanguage, depth: number): RenderedText | null {
    const entry = this.entry(message.key);
    if (!entry || depth > 1) return null;
    const text = entry[language];
    const params = message.params ?? {};
    let complete = true;
    const fill = (template: string) =>
      // One pass: a value that itself holds `{name}` (a county's own text) is left as written.
      template.replace(PLACEHOLDER, (whole, name: string) => {
        const value = Object.hasOwn(params, name) ? params[name] : undefined;
        const filled = value === undefined ? null : this.paramText(value, language, depth);
        if (filled === null) complete = false;
        return filled ?? whole;
      });
    const rendered = typeof text === 'string' ? { title: fill(text), body: '' } : { title: fill(text.title), body: fill(text.body ?? '') };
    return complete ? rendered : null;
  }

  private paramText(value: MessageParam, language: MessageLanguage, depth: number): string | null {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return listFormat(language).format(value.map(String));
    if (isMessage(value)) return this.renderAt(value, language, depth + 1)?.title ?? null;
    return null;
  }
}

/** What is wrong with a catalogue: entries missing a language, empty texts, placeholders that differ. */
export function catalogueProblems(catalogue: MessageCatalogue): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(catalogue.entries)) {
    for (const language of MESSAGE_LANGUAGES) {
      const text = entry[language];
      if (text === undefined) problems.push(`"${key}" has no ${language} text`);
      else if ((typeof text === 'string' ? text : text.title).trim() === '') problems.push(`"${key}" has an empty ${language} title`);
      else if (typeof text !== 'string' && text.body !== undefined && text.body.trim() === '')
        problems.push(`"${key}" has an empty ${language} body (leave it out instead)`);
    }
    if (entry['zh-CN'] !== undefined && entry.en !== undefined) {
      const zh = placeholdersOf(entry['zh-CN']).join(', ');
      const en = placeholdersOf(entry.en).join(', ');
      if (zh !== en) problems.push(`"${key}" fills {${zh}} in zh-CN but {${en}} in en`);
      const bodies = [
        typeof entry['zh-CN'] !== 'string' && entry['zh-CN'].body !== undefined,
        typeof entry.en !== 'string' && entry.en.body !== undefined,
      ];
      if (bodies[0] !== bodies[1]) problems.push(`"${key}" has a body in one language only`);
    }
  }
  return problems;
}
