import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { NetUi } from './net-ui.ts';
import './net.css';

/**
 * The menu's account row: who you play as (this browser's guest, the one-click default, or a
 * signed-in account whose character you then are in each world), a sign-in form, and sign out.
 */
export function AccountPanel({ net }: { net: NetUi }) {
  const state = useStore(net.store, (s) => s.state);
  const account = useStore(net.store, (s) => s.account);
  const error = useStore(net.store, (s) => s.accountError);
  const me = useStore(net.store, (s) => s.me);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  if (state !== 'connected' && !account) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return;
    setBusy(true);
    net.actions.signIn(username.trim(), password);
    setPassword('');
    // The store answers (account or accountError); the form is usable again either way.
    setTimeout(() => setBusy(false), 1500);
  };

  return (
    <section className="worlds account" data-testid="account">
      <h2>Player</h2>
      {account ? (
        <p>
          Signed in as <b data-testid="account-name">{account.username}</b>
          {me && me.name !== account.username && <span className="dim"> ({me.name})</span>}
          {' '}<button data-testid="account-signout" onClick={() => net.actions.signOut()}>Sign out (play as guest)</button>
        </p>
      ) : (
        <>
          <p className="dim">Playing as guest {me ? <b>{me.name}</b> : ''}: saved in this browser. Sign in to keep your character on any device.</p>
          <form className="world-create" onSubmit={submit}>
            <input placeholder="Username" value={username} maxLength={50} autoComplete="username" onChange={(e) => setUsername(e.target.value)} aria-label="Username" data-testid="account-user" />
            <input placeholder="Password" type="password" value={password} maxLength={256} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} aria-label="Password" data-testid="account-password" />
            <button type="submit" disabled={busy || !username.trim() || !password} data-testid="account-signin">Sign in</button>
          </form>
        </>
      )}
      {error && <p className="account-error" role="alert" data-testid="account-error">{error}</p>}
    </section>
  );
}
