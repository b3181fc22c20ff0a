/**
 * Which structures share a network, rebuilt only when structures are added, removed, wrecked or
 * repaired (never on a plain tick).
 *
 * Connection rule: two live structures are wired together when the distance between their anchors
 * is at most the larger of their two connection ranges, i.e. when either one reaches the other. A
 * pole (12 m) thus links anything within 12 m of it; two other structures (4 m) link within 4 m.
 * Wrecked structures (health <= 0) carry nothing; switched-off ones still carry power through.
 * Networks are the connected components (union-find over neighbour pairs found by a spatial hash).
 *
 * Everything here is independent of slot order, so every client agrees: a network is numbered by
 * its smallest structure id (its base_id is 'base_' + that id), and within a network the
 * consumers are listed most important first (priority high to low, then id low to high) and the
 * other lists by id.
 */
import { SpatialHash } from './spatial-hash.ts';
import type { StructureStore } from './structure-store.ts';
import { MAX_RANGE, ROLE_CONDUCTOR, TYPE_CONNECTION_RANGE, TYPE_PRIORITY, TYPE_ROLE } from './type-tables.ts';

/** One role's members of every network: network n's are list[offset[n]] .. list[offset[n + 1] - 1]. */
export class MemberLists {
  list = new Int32Array(0);
  offset = new Int32Array(1);
}

export class GridTopology {
  readonly hash = new SpatialHash(MAX_RANGE);
  networkCount = 0;
  /** Per network: 'base_' + its smallest structure id. */
  baseIds: string[] = [];
  readonly generators = new MemberLists();
  readonly consumers = new MemberLists();
  readonly batteries = new MemberLists();
  /** Poles and storage: they only need a status. */
  readonly others = new MemberLists();

  private parent = new Int32Array(0);
  private provisional = new Int32Array(0);
  private store!: StructureStore;

  rebuild(store: StructureStore): void {
    this.store = store;
    if (this.parent.length < store.capacity) {
      this.parent = new Int32Array(store.capacity);
      this.provisional = new Int32Array(store.capacity);
    }
    this.hash.build(store);
    this.linkNeighbours();
    this.numberNetworks();
    this.fillLists();
  }

  private find(s: number): number {
    const p = this.parent;
    while (p[s] !== s) { p[s] = p[p[s]]; s = p[s]; } // path halving
    return s;
  }

  private linkNeighbours(): void {
    const { store, hash, parent } = this;
    const { x, y, z, type } = store;
    const { head, next } = hash;
    for (let s = 0; s < store.end; s++) parent[s] = s;
    for (let s = 0; s < store.end; s++) {
      if (!store.isAlive(s)) continue;
      const cx = hash.cell(x[s]), cy = hash.cell(y[s]), cz = hash.cell(z[s]);
      const rs = TYPE_CONNECTION_RANGE[type[s]], xs = x[s], ys = y[s], zs = z[s];
      let root = this.find(s); // kept current below, so each linked pair costs one find, not two
      for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        for (let j = head[hash.bucket(cx + dx, cy + dy, cz + dz)]; j >= 0; j = next[j]) {
          if (j <= s) continue; // each pair once
          const r = Math.max(rs, TYPE_CONNECTION_RANGE[type[j]]);
          const ex = x[j] - xs, ey = y[j] - ys, ez = z[j] - zs;
          if (ex * ex + ey * ey + ez * ez > r * r) continue;
          const other = this.find(j);
          // The smaller slot becomes the root: any rule works, this one needs no rank array.
          if (other > root) parent[other] = root;
          else if (other < root) { parent[root] = other; root = other; }
        }
      }
    }
  }

  /** Gives each component its final number, in order of its smallest structure id. */
  private numberNetworks(): void {
    const { store, provisional } = this;
    provisional.fill(-1, 0, store.end);
    const minIds: number[] = [];
    for (let s = 0; s < store.end; s++) {
      if (!store.isAlive(s)) { store.network[s] = -1; continue; }
      const root = this.find(s);
      if (provisional[root] < 0) { provisional[root] = minIds.length; minIds.push(store.id[s]); }
      const p = provisional[root];
      if (store.id[s] < minIds[p]) minIds[p] = store.id[s];
      store.network[s] = p;
    }
    const order = minIds.map((_, p) => p).sort((a, b) => minIds[a] - minIds[b]);
    const rank = new Int32Array(order.length);
    for (let n = 0; n < order.length; n++) rank[order[n]] = n;
    for (let s = 0; s < store.end; s++) if (store.network[s] >= 0) store.network[s] = rank[store.network[s]];
    this.networkCount = order.length;
    this.baseIds = order.map((p) => `base_${minIds[p]}`);
  }

  private fillLists(): void {
    const { store, networkCount } = this;
    // Indexed by role code, poles and storage (conductor, passive) sharing the last list.
    const lists = [this.generators, this.consumers, this.batteries, this.others];
    const listIndex = (s: number) => Math.min(TYPE_ROLE[store.type[s]], ROLE_CONDUCTOR);
    for (const l of lists) {
      if (l.offset.length < networkCount + 1) l.offset = new Int32Array(networkCount + 1);
      l.offset.fill(0);
      if (l.list.length < store.count) l.list = new Int32Array(store.capacity);
    }
    // Counting sort by network: count, prefix-sum, place.
    for (let s = 0; s < store.end; s++) if (store.network[s] >= 0) lists[listIndex(s)].offset[store.network[s] + 1]++;
    for (const l of lists) for (let n = 0; n < networkCount; n++) l.offset[n + 1] += l.offset[n];
    const fill = lists.map((l) => l.offset.slice(0, networkCount));
    for (let s = 0; s < store.end; s++) {
      const n = store.network[s];
      if (n < 0) continue;
      const k = listIndex(s);
      lists[k].list[fill[k][n]++] = s;
    }
    for (const l of lists) {
      const cmp = l === this.consumers ? this.byImportance : this.byId;
      for (let n = 0; n < networkCount; n++) {
        if (l.offset[n + 1] - l.offset[n] > 1) l.list.subarray(l.offset[n], l.offset[n + 1]).sort(cmp);
      }
    }
  }

  private readonly byId = (a: number, b: number): number => this.store.id[a] - this.store.id[b];
  private readonly byImportance = (a: number, b: number): number =>
    TYPE_PRIORITY[this.store.type[b]] - TYPE_PRIORITY[this.store.type[a]] || this.store.id[a] - this.store.id[b];
}
