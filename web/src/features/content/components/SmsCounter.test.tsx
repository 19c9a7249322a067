import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { smsStats } from './sms-stats';
import { SmsCounter } from './SmsCounter';

describe('text message counter', () => {
  it('counts plain GSM-7 text: 160 characters are one segment, 161 are two of 153', () => {
    expect(smsStats('a'.repeat(160))).toEqual({ characters: 160, segments: 1, encoding: 'GSM-7', perSegment: 160, unicodeCharacters: [] });
    expect(smsStats('a'.repeat(161))).toEqual({ characters: 161, segments: 2, encoding: 'GSM-7', perSegment: 153, unicodeCharacters: [] });
    expect(smsStats('a'.repeat(306)).segments).toBe(2);
    expect(smsStats('a'.repeat(307)).segments).toBe(3);
    expect(smsStats('')).toMatchObject({ characters: 0, segments: 0 });
  });

  it('counts GSM-7 extension characters (€ and [) twice', () => {
    expect(smsStats('€'.repeat(80))).toMatchObject({ characters: 160, segments: 1, encoding: 'GSM-7' });
    expect(smsStats('€'.repeat(81))).toMatchObject({ characters: 162, segments: 2, encoding: 'GSM-7' });
    expect(smsStats(`[${'a'.repeat(159)}`)).toMatchObject({ characters: 161, segments: 2, encoding: 'GSM-7' });
  });

  it('switches to UCS-2 for an emoji: 70 per segment, 67 when split', () => {
    expect(smsStats('Hi 😀')).toMatchObject({ encoding: 'UCS-2', segments: 1, perSegment: 70, unicodeCharacters: ['😀'] });
    // An emoji takes two of the 70 UCS-2 units: 68 letters and one emoji still fit one segment, 69 do not.
    expect(smsStats(`${'a'.repeat(68)}😀`)).toMatchObject({ encoding: 'UCS-2', segments: 1, perSegment: 70 });
    expect(smsStats(`${'a'.repeat(69)}😀`)).toMatchObject({ encoding: 'UCS-2', segments: 2, perSegment: 67 });
    expect(smsStats('Grüße aus Köln ç').encoding).toBe('UCS-2');
  });

  it('says so in words, naming the character that made it Unicode', () => {
    const { rerender } = render(<SmsCounter text={'a'.repeat(161)} />);
    expect(screen.getByText('161 characters · 2 segments · GSM-7 (153 characters per segment)')).toBeInTheDocument();
    rerender(<SmsCounter text="x" />);
    expect(screen.getByText('1 character · 1 segment · GSM-7 (160 characters per segment)')).toBeInTheDocument();
    rerender(<SmsCounter text="Your order ships today 🚚" />);
    expect(screen.getByText(/Unicode \(UCS-2\) \(70 characters per segment\)/)).toBeInTheDocument();
    expect(screen.getByText(/“🚚” is not in the GSM-7 alphabet/)).toBeInTheDocument();
  });
});
