import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Flex, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/announcements-i18n';

/**
 * The notice editor (Tiptap on ProseMirror): headings, emphasis, lists, quotes and links — what
 * the server keeps (server/sanitize-body.ts); it writes HTML, which the server cleans again.
 */
export function RichTextEditor({ value, onChange }: { value?: string; onChange?: (html: string) => void }) {
  const t = useT();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, protocols: ['http', 'https', 'mailto', 'tel'] } })],
    content: value ?? '',
    onUpdate: ({ editor: current }) => onChange?.(current.isEmpty ? '' : current.getHTML()),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      underline: current?.isActive('underline') ?? false,
      heading: current?.isActive('heading', { level: 3 }) ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
      quote: current?.isActive('blockquote') ?? false,
      link: current?.isActive('link') ?? false,
    }),
  });
  const chain = () => editor.chain().focus();
  const tool = (key: string, label: string, icon: ReactNode, active: boolean, run: () => void) => (
    <Tooltip key={key} title={label}>
      <Button size="small" type={active ? 'primary' : 'text'} icon={icon} aria-label={label} aria-pressed={active} onClick={run} />
    </Tooltip>
  );
  const setLink = () => {
    const href = window.prompt(t('editor.toolbar.linkPrompt'), editor.getAttributes('link').href ?? 'https://');
    if (href === null) return;
    if (href === '' || href === 'https://') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href }).run();
  };

  return (
    <div style={{ border: '1px solid var(--ant-color-border, #d9d9d9)', borderRadius: 6 }}>
      <Flex wrap gap={2} style={{ padding: 4, borderBottom: '1px solid var(--ant-color-border-secondary, #f0f0f0)' }}>
        {tool('bold', t('editor.toolbar.bold'), <BoldOutlined />, state.bold, () => chain().toggleBold().run())}
        {tool('italic', t('editor.toolbar.italic'), <ItalicOutlined />, state.italic, () => chain().toggleItalic().run())}
        {tool('underline', t('editor.toolbar.underline'), <UnderlineOutlined />, state.underline, () => chain().toggleUnderline().run())}
        {tool('heading', t('editor.toolbar.heading'), <strong>H</strong>, state.heading, () => chain().toggleHeading({ level: 3 }).run())}
        {tool('bullet', t('editor.toolbar.bulletList'), <UnorderedListOutlined />, state.bulletList, () =>
          chain().toggleBulletList().run(),
        )}
        {tool('ordered', t('editor.toolbar.orderedList'), <OrderedListOutlined />, state.orderedList, () =>
          chain().toggleOrderedList().run(),
        )}
        {tool('quote', t('editor.toolbar.quote'), <span>❝</span>, state.quote, () => chain().toggleBlockquote().run())}
        {tool('link', t('editor.toolbar.link'), <LinkOutlined />, state.link, setLink)}
        {tool('undo', t('editor.toolbar.undo'), <UndoOutlined />, false, () => chain().undo().run())}
        {tool('redo', t('editor.toolbar.redo'), <RedoOutlined />, false, () => chain().redo().run())}
      </Flex>
      <EditorContent editor={editor} data-testid="notice-body-editor" style={{ minHeight: 200, padding: '4px 11px' }} />
    </div>
  );
}
