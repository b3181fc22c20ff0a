import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { CHAT_MAX_CHARS } from '../protocol/net/limits.ts';
import { isFormTarget } from '../scene/desktop-input.ts';
import { peerCss } from '../scene/avatar-colors.ts';
import { typingLine, type NetUi } from './net-ui.ts';
import { TypingSignal } from './typing-signal.ts';
import './net.css';

const LINES_CLOSED = 5;
const LINES_OPEN = 14;

/**
 * Bottom left: the world's recent chat and who is typing; Enter or T opens the input, Enter sends,
 * Escape closes. The game's key listeners ignore keys aimed at form inputs (isFormTarget), so while
 * the input has focus the player does not move; opening releases the pointer lock like the settings
 * panel does, and sending takes it back if it was held.
 */
export function ChatBox({ net }: { net: NetUi }) {
  const state = useStore(net.store, (s) => s.state);
  const chat = useStore(net.store, (s) => s.chat);
  const typing = useStore(net.store, (s) => s.typing);
  const players = useStore(net.store, (s) => s.players);
  const me = useStore(net.store, (s) => s.me);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const wasLocked = useRef(false);
  const signal = useMemo(() => new TypingSignal((start) => net.actions.typing(start)), [net]);
  const connected = state === 'connected';

  useEffect(() => {
    if (!connected) return;
    const onKey = (e: KeyboardEvent) => {
      if (open || isFormTarget(e.target) || e.repeat) return;
      if (e.code !== 'Enter' && e.code !== 'KeyT') return;
      if (e.code === 'Enter' && e.target instanceof HTMLButtonElement) return; // Enter presses a focused button
      e.preventDefault(); // the opening key must not be typed into the input
      wasLocked.current = !!document.pointerLockElement;
      if (wasLocked.current) document.exitPointerLock();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [connected, open]);

  // Losing the relay closes the input (and ends any typing signal).
  useEffect(() => {
    if (!connected) setOpen(false);
  }, [connected]);
  useEffect(() => () => signal.stop(), [signal]);

  const close = (relock: boolean) => {
    signal.stop();
    setOpen(false);
    setText('');
    const canvas = document.querySelector('canvas');
    if (relock && wasLocked.current && canvas) void Promise.resolve(canvas.requestPointerLock()).catch(() => {});
  };
  const onInputKey = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') close(false);
    if (e.key !== 'Enter') return;
    const message = text.trim();
    if (message) net.actions.sendChat(message);
    close(true);
  };

  const colorOf = useMemo(() => {
    const ids = new Map(players.map((p) => [p.user_id, p.peer_id]));
    if (me) ids.set(me.user_id, me.peer_id);
    return (userId: string) => (ids.has(userId) ? peerCss(ids.get(userId)!) : '#cfd8e3');
  }, [players, me]);

  if (!connected && chat.length === 0) {
    return <div className="chat off dim" data-testid="chat-off">Chat unavailable: {state === 'offline' ? 'offline' : 'connecting'}</div>;
  }
  const lines = chat.slice(-(open ? LINES_OPEN : LINES_CLOSED));
  const who = typingLine(typing);
  return (
    <div className={`chat${open ? ' open' : ''}`} data-testid="chat">
      <ol className="chat-lines">
        {lines.map((m) => (
          <li key={m.id}><b style={{ color: colorOf(m.user_id) }}>{m.name}</b> {m.text}</li>
        ))}
      </ol>
      {who && <div className="chat-typing dim" data-testid="chat-typing">{who}</div>}
      {open ? (
        <input className="chat-input" data-testid="chat-input" autoFocus value={text} maxLength={CHAT_MAX_CHARS}
          placeholder="Say something · Enter to send · Esc to close"
          onChange={(e) => { setText(e.target.value); signal.input(e.target.value); }}
          onKeyDown={onInputKey} onBlur={() => close(false)} />
      ) : (
        <div className="chat-hint dim">{connected ? 'Enter or T to chat' : 'Chat paused while reconnecting'}</div>
      )}
    </div>
  );
}
