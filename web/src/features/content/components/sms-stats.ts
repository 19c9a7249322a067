import { SegmentedMessage } from 'sms-segments-calculator';

export type SmsStats = {
  /** Characters as the network counts them: GSM-7 extension characters (€ [ ] { } ^ ~ \ | and the form feed) count twice. */
  characters: number;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters one message holds with this encoding: a single part, or each part of a longer (concatenated) message. */
  perSegment: number;
  /** The characters outside GSM-7 that make the message Unicode (UCS-2), each once, in order. */
  unicodeCharacters: string[];
};

const LIMITS = { 'GSM-7': { single: 160, multi: 153 }, 'UCS-2': { single: 70, multi: 67 } } as const;

/** Length, parts and encoding of a text message as a carrier bills it (Twilio's segment calculator). */
export function smsStats(text: string): SmsStats {
  const message = new SegmentedMessage(text);
  const encoding = message.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7';
  const segments = text === '' ? 0 : message.segmentsCount;
  return {
    characters: message.numberOfCharacters,
    segments,
    encoding,
    perSegment: segments > 1 ? LIMITS[encoding].multi : LIMITS[encoding].single,
    unicodeCharacters: [...new Set(message.getNonGsmCharacters())],
  };
}
