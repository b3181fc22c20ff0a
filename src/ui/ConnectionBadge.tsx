import { useState } from 'react';
import { useStore } from 'zustand';
import { connectionLabel, shareLink, type NetUi } from './net-ui.ts';
import './net.css';

/**
 * Top right, under the buttons: the relay link's state (connected to a world with n players,
 * reconnecting attempt n of 5, or offline with the reason and a Retry button) and, in a world, its
 * share link with a Copy button.
 */
export function ConnectionBadge({ net }: { net: NetUi }) {
  const s = useStore(net.store);
  const [copied, setCopied] = useState(false);
  const link = s.state === 'connected' && s.world ? shareLink(location.origin, s.world.world_id) : null;
  const copy = () => {
    if (!link) return;
    // The clipboard needs a secure context; elsewhere the link stays selectable for a manual copy.
    navigator.clipboard?.writeText(link).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }, () => setCopied(false));
  };
  return (
    <div className={`net-badge ${s.state}`} data-testid="net-badge" data-state={s.state}>
      <div className="net-line">
        <span className="net-dot" aria-hidden>●</span>
        <span data-testid="net-label">{connectionLabel(s)}</span>
        {s.state === 'offline' && !net.noRelay && <button data-testid="net-retry" onClick={() => net.actions.retry()}>Retry</button>}
      </div>
      {link && (
        <div className="net-line share">
          <input readOnly value={link} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} aria-label="Share link" />
          <button data-testid="share" onClick={copy}>{copied ? 'Copied' : 'Share'}</button>
        </div>
      )}
    </div>
  );
}
