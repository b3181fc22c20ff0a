import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { NetUi } from './net-ui.ts';
import type { Notification } from '../protocol/net/events.ts';

const SHOW_MS = 5000;
const MAX_SHOWN = 3;

/**
 * Short-lived toasts for relay notifications ("Ana joined your world"): each notification that
 * arrives while the page runs shows once for a few seconds. Those already in the store when the
 * HUD mounts (history) are not replayed.
 */
export function Toasts({ net }: { net: NetUi }) {
  const notifications = useStore(net.store, (s) => s.notifications);
  const seen = useRef<Set<string> | null>(null);
  const [shown, setShown] = useState<Notification[]>([]);
  // Each batch removes itself; a newer batch must not cancel an older one's timer, so they are only cleared on unmount.
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  useEffect(() => {
    if (!seen.current) {
      seen.current = new Set(notifications.map((n) => n.id));
      return;
    }
    const fresh = notifications.filter((n) => !seen.current!.has(n.id));
    if (fresh.length === 0) return;
    for (const n of fresh) seen.current.add(n.id);
    setShown((prev) => [...prev, ...fresh].slice(-MAX_SHOWN));
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setShown((prev) => prev.filter((n) => !fresh.includes(n)));
    }, SHOW_MS);
    timers.current.add(timer);
  }, [notifications]);
  if (shown.length === 0) return null;
  return (
    <div className="toasts" data-testid="toasts">
      {shown.map((n) => (
        <div key={n.id} className={`toast ${n.type}`}>{n.message || n.title}</div>
      ))}
    </div>
  );
}
