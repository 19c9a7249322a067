import { makeStyles, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { Desktop20Regular, Phone20Regular } from '@fluentui/react-icons';
import { useState } from 'react';

export const PREVIEW_WIDTHS = { desktop: 1024, phone: 375 } as const;
export type PreviewWidth = keyof typeof PREVIEW_WIDTHS;

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // The frame keeps the chosen width; a narrower card scrolls it sideways inside itself, never the page.
  viewport: { maxWidth: '100%', overflowX: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground3 },
  frame: { display: 'block', minHeight: '360px', border: 'none', backgroundColor: 'white', margin: '0 auto' },
});

/** The rendered email in a sandboxed frame (no scripts, no same origin), at a desktop or a phone width. */
export function EmailPreview({ html, subject, text }: { html: string; subject: string | null; text: string | null }) {
  const styles = useStyles();
  const [width, setWidth] = useState<PreviewWidth>('desktop');
  return (
    <>
      <div className={styles.bar} role="group" aria-label="Preview width">
        <ToggleButton icon={<Desktop20Regular />} checked={width === 'desktop'} onClick={() => setWidth('desktop')}>
          Desktop ({PREVIEW_WIDTHS.desktop} px)
        </ToggleButton>
        <ToggleButton icon={<Phone20Regular />} checked={width === 'phone'} onClick={() => setWidth('phone')}>
          Phone ({PREVIEW_WIDTHS.phone} px)
        </ToggleButton>
      </div>
      {/* A named group: aria-label is not allowed on a plain span. */}
      <div role="group" aria-label="Preview subject">
        <Text weight="semibold">{subject}</Text>
      </div>
      {/* A named stop in the tab order, so the keyboard can scroll a preview wider than the card (scrollable-region-focusable). */}
      <div className={styles.viewport} tabIndex={0} role="region" aria-label={`Email preview at ${PREVIEW_WIDTHS[width]} px`}>
        <iframe
          title={`Email preview, ${width} width`}
          className={styles.frame}
          style={{ width: `${PREVIEW_WIDTHS[width]}px` }}
          sandbox=""
          srcDoc={html}
          data-width={PREVIEW_WIDTHS[width]}
        />
      </div>
      {text && (
        <Text font="monospace" size={200}>
          {text}
        </Text>
      )}
    </>
  );
}
