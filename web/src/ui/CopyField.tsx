import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular } from '@fluentui/react-icons';
import { useState } from 'react';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalS }, input: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace } });

/** A read-only value with a copy button (secrets shown once, links). */
export function CopyField({ value, label }: { value: string; label: string }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div className={styles.row}>
      <Input className={styles.input} readOnly value={value} aria-label={label} onFocus={(e) => e.target.select()} />
      <Button icon={<Copy20Regular />} onClick={copy}>
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
