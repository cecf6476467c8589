import { BoldOutlined, ClearOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * The body editor: an editable region that takes what is pasted from Word or WPS as it comes. The
 * server keeps only a safe subset of HTML (packages/app/src/items/sanitize.ts) and the saved, clean
 * body replaces what is shown here, so what the editor sees after saving is what will be published.
 */
export function RichTextEditor({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (html: string) => void;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element !== null && element.innerHTML !== value) {
      element.innerHTML = value;
    }
  }, [value]);
  const command = (name: string, argument?: string) => {
    ref.current?.focus();
    // execCommand is deprecated but remains the only built-in way to format an editable region.
    document.execCommand(name, false, argument);
    onChange(ref.current?.innerHTML ?? '');
  };
  return (
    <div className="rte">
      <Space size={4} className="rte-toolbar" role="toolbar" aria-label="正文格式">
        <Button size="small" onClick={() => command('formatBlock', 'p')}>
          正文
        </Button>
        <Button size="small" onClick={() => command('formatBlock', 'h3')}>
          小标题
        </Button>
        <Tooltip title="加粗">
          <Button size="small" aria-label="加粗" icon={<BoldOutlined />} onClick={() => command('bold')} />
        </Tooltip>
        <Tooltip title="编号列表">
          <Button
            size="small"
            aria-label="编号列表"
            icon={<OrderedListOutlined />}
            onClick={() => command('insertOrderedList')}
          />
        </Tooltip>
        <Tooltip title="项目列表">
          <Button
            size="small"
            aria-label="项目列表"
            icon={<UnorderedListOutlined />}
            onClick={() => command('insertUnorderedList')}
          />
        </Tooltip>
        <Tooltip title="清除所选文字的格式">
          <Button size="small" aria-label="清除格式" icon={<ClearOutlined />} onClick={() => command('removeFormat')} />
        </Tooltip>
      </Space>
      <div
        ref={ref}
        className="rte-body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        tabIndex={0}
        onInput={() => onChange(ref.current?.innerHTML ?? '')}
        onBlur={() => onChange(ref.current?.innerHTML ?? '')}
      />
    </div>
  );
}
