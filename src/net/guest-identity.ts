/**
 * Until accounts exist, each browser is a guest: an id and a friendly name generated once and kept
 * in localStorage, so the relay knows the same player tomorrow (saved position, chat name).
 * Private windows or a blocked storage get a fresh guest per page load, which still plays.
 */
const KEY = 'spacetime.guest';
const ADJECTIVES = ['Brave', 'Quiet', 'Swift', 'Lucky', 'Bright', 'Calm', 'Bold', 'Clever', 'Keen', 'Merry'];
const NOUNS = ['Comet', 'Rover', 'Nova', 'Pilot', 'Miner', 'Orbit', 'Quasar', 'Falcon', 'Ranger', 'Moth'];
const ID_RE = /^guest_[a-z0-9]{6,32}$/;

export interface GuestIdentity { guest_id: string; name: string }

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `guest_${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12)}`;
}

function randomName(): string {
  const [a, n, d] = crypto.getRandomValues(new Uint8Array(3));
  return `${ADJECTIVES[a % ADJECTIVES.length]} ${NOUNS[n % NOUNS.length]} ${10 + (d % 90)}`;
}

export function loadGuestIdentity(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()): GuestIdentity {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<GuestIdentity> | null;
    if (saved && typeof saved.guest_id === 'string' && ID_RE.test(saved.guest_id) && typeof saved.name === 'string' && saved.name.trim()) {
      return { guest_id: saved.guest_id, name: saved.name.trim().slice(0, 32) };
    }
  } catch { /* a corrupt entry: make a new guest */ }
  const fresh = { guest_id: randomId(), name: randomName() };
  try { storage?.setItem(KEY, JSON.stringify(fresh)); } catch { /* this page only */ }
  return fresh;
}

function safeStorage(): Storage | null {
  try { return localStorage; } catch { return null; }
}
