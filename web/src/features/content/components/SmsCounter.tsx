import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatCount } from '../../../ui/format';
import { smsStats } from './sms-stats';

const useStyles = makeStyles({
  counter: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  unicode: { color: tokens.colorPaletteMarigoldForeground2 },
});

/** Under the message: characters, parts and encoding; which character made it Unicode, since that halves each part. */
export function SmsCounter({ text, id }: { text: string; id?: string }) {
  const styles = useStyles();
  const s = smsStats(text);
  const shown = s.unicodeCharacters.slice(0, 5).map((c) => `“${c}”`);
  return (
    <div className={styles.counter} id={id} aria-live="polite">
      <Text size={200}>
        {formatCount(s.characters, 'character')} · {formatCount(s.segments, 'segment')} · {s.encoding === 'GSM-7' ? 'GSM-7' : 'Unicode (UCS-2)'} ({s.perSegment} characters per
        segment)
      </Text>
      {s.encoding === 'UCS-2' && (
        <Text size={200} className={styles.unicode}>
          {shown.join(', ')}
          {s.unicodeCharacters.length > shown.length ? ` and ${s.unicodeCharacters.length - shown.length} more` : ''} {s.unicodeCharacters.length === 1 ? 'is' : 'are'} not in the
          GSM-7 alphabet, so each segment holds 70 characters (67 when split) instead of 160. Replace {s.unicodeCharacters.length === 1 ? 'it' : 'them'} to fit more in each
          segment.
        </Text>
      )}
      <Text size={200}>Counted as written; personalisation tokens change the length when they are filled in.</Text>
    </div>
  );
}
