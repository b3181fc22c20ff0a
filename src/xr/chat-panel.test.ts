import { describe, expect, it } from 'vitest';
import { wrapText } from './chat-panel-draw.ts';
import { panelData } from './chat-panel-system.ts';
import { createNetStore } from '../state/net-store.ts';

const mono = (s: string) => s.length * 10;

describe('VR chat panel', () => {
  it('wraps at word boundaries and cuts words longer than a line', () => {
    expect(wrapText(mono, 'the quick brown fox', 100)).toEqual(['the quick', 'brown fox']);
    expect(wrapText(mono, 'abcdefghijklmnop', 50)).toEqual(['abcde', 'fghij', 'klmno', 'p']);
    expect(wrapText(mono, '  ', 50)).toEqual([]);
  });

  it('shows me first among the online players, the latest lines coloured by sender, and who types', () => {
    const store = createNetStore();
    store.setState({
      state: 'connected',
      me: { user_id: 'u1', name: 'Me', peer_id: 1 },
      players: [{ user_id: 'u2', name: 'Ana', peer_id: 2, mode: 'walking' }],
      chat: Array.from({ length: 12 }, (_, i) => ({ id: i, user_id: i % 2 ? 'u2' : 'u9', name: 'x', text: `m${i}`, timestamp: '' })),
      typing: ['Ana'],
    });
    const d = panelData(store.getState());
    expect(d.online).toEqual(['Me (you)', 'Ana']);
    expect(d.lines.map((l) => l.text)).toEqual(['m4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11']);
    expect(d.lines[1].color).not.toBe(d.lines[0].color); // a known peer's colour; an unknown sender is grey
    expect(d.typing).toBe('Ana is typing…');
    expect(d.status).toBe('Connected (2 players)');
  });
});
