import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n';

/**
 * A secret or secret URL the API shows only once: focused for the screen reader, copyable, gone when dismissed
 * (it is never stored; the list never shows it again).
 */
export function ShownOnce({ label, value, testId, onDone }: { label: string; value: string; testId: string; onDone: () => void }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // no clipboard permission: the value stays selectable on screen
      const range = document.createRange();
      const node = ref.current?.querySelector('.secret');
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
    }
  };
  return (
    <Alert color="yellow.9" variant="default" title={label} data-testid={testId}>
      <div ref={ref} tabIndex={-1}>
        <Text size="sm" mb={4}>{t('integrations.onceHint')}</Text>
        <Text className="secret" data-testid={`${testId}-value`}>{value}</Text>
        <Group mt="xs" gap="xs">
          <Button size="xs" onClick={copy}>{copied ? t('integrations.copied') : t('integrations.copy')}</Button>
          <Button size="xs" variant="default" onClick={onDone}>{t('integrations.done')}</Button>
        </Group>
      </div>
    </Alert>
  );
}
