import { afterEach, describe, expect, it } from 'vitest';
import { announce, onAnnouncement, type Announcement } from '../../../renderer/src/accessibility/announcer';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function listen(): Announcement[] {
  const heard: Announcement[] = [];
  stops.push(onAnnouncement((announcement) => heard.push(announcement)));
  return heard;
}

describe('the announcer', () => {
  it('hands each announcement to every listener once, polite unless asked otherwise', () => {
    const first = listen();
    const second = listen();
    announce('Saved');
    announce('Not saved: the disk is full. Your text is kept.', 'assertive');
    for (const heard of [first, second]) {
      expect(heard.map(({ text, politeness }) => [text, politeness])).toEqual([
        ['Saved', 'polite'],
        ['Not saved: the disk is full. Your text is kept.', 'assertive'],
      ]);
    }
  });

  it('numbers the same words said twice as two announcements', () => {
    const heard = listen();
    announce('Saved');
    announce('Saved');
    expect(heard).toHaveLength(2);
    expect(heard[1]!.sequence).toBeGreaterThan(heard[0]!.sequence);
  });

  it('says nothing for empty or blank text, and trims the rest', () => {
    const heard = listen();
    announce('');
    announce('   \n');
    announce('  3 articles match “owl”.  ');
    expect(heard.map((a) => a.text)).toEqual(['3 articles match “owl”.']);
  });

  it('stops calling a listener once it unsubscribed', () => {
    const heard: string[] = [];
    const stop = onAnnouncement((a) => heard.push(a.text));
    announce('one');
    stop();
    announce('two');
    expect(heard).toEqual(['one']);
  });
});
