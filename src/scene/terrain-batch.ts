import { BatchedMesh, Box3, BufferAttribute, BufferGeometry, Matrix4, Sphere, Vector3, type Material } from 'three';
import { CHUNK_SIZE } from '../protocol/world.ts';
import type { ChunkMesh } from '../protocol/terrain.ts';
import type { ChunkSink } from '../threads/chunk-streamer.ts';
import { chunkKey } from '../engine/chunk-key.ts';
import { TerrainRaycaster, chunkBounds } from './terrain-raycast.ts';

interface Entry {
  buried: boolean;
  geometryId: number;
  instanceId: number;
  reservedVertices: number;
  reservedIndices: number;
}

const INITIAL_VERTICES = 400_000;
const INITIAL_INDICES = 1_600_000;
const MAX_CHUNKS = 4096;
/** Room to grow so most re-meshes after an edit fit in place without repacking the batch. */
const slack = (n: number) => Math.ceil(n * 1.25) + 192;

/**
 * All terrain in one BatchedMesh: one draw call however many chunks are loaded. Implements the
 * streamer's sink; also keeps CPU copies of chunk triangles for the brush ray cast.
 */
export class TerrainBatch implements ChunkSink {
  readonly mesh: BatchedMesh;
  readonly raycaster = new TerrainRaycaster();
  private readonly entries = new Map<number, Entry>();
  private readonly matrix = new Matrix4();
  private vertexCapacity = INITIAL_VERTICES;
  private indexCapacity = INITIAL_INDICES;
  triangles = 0;
  /** Vertex and index space held by live chunks; the rest of the buffers is free or deleted. */
  private liveVertices = 0;
  private liveIndices = 0;
  /** While false, buried chunks (cave walls under solid ground) are not drawn. */
  private showBuried = false;
  /** Bumped on every apply/remove; the bench and tests read it to know a frame must show the change. */
  revision = 0;

  constructor(material: Material) {
    this.mesh = new BatchedMesh(MAX_CHUNKS, INITIAL_VERTICES, INITIAL_INDICES, material);
    this.mesh.frustumCulled = false;
    this.mesh.perObjectFrustumCulled = true;
    this.mesh.sortObjects = false;
    this.mesh.name = 'terrain';
  }

  get chunkCount(): number {
    return this.entries.size;
  }

  /** Shows buried chunks when the viewer is underground, hides them above ground. */
  setViewerUnderground(underground: boolean): void {
    if (underground === this.showBuried) return;
    this.showBuried = underground;
    for (const entry of this.entries.values()) {
      if (entry.buried) this.mesh.setVisibleAt(entry.instanceId, underground);
    }
  }

  apply(meshes: readonly ChunkMesh[]): void {
    for (const m of meshes) this.put(m);
    this.revision++;
  }

  remove(key: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.triangles -= this.mesh.getGeometryRangeAt(entry.geometryId).count / 3;
    this.mesh.deleteGeometry(entry.geometryId);
    this.liveVertices -= entry.reservedVertices;
    this.liveIndices -= entry.reservedIndices;
    this.entries.delete(key);
    this.raycaster.remove(key);
    this.revision++;
  }

  private put(m: ChunkMesh): void {
    const key = chunkKey(m.cx, m.cy, m.cz);
    if (m.indices.length === 0) {
      this.remove(key);
      return;
    }
    const box = chunkBounds(m.positions);
    const geometry = toGeometry(m, box);
    const vertices = m.positions.length / 3;
    const existing = this.entries.get(key);
    if (existing && vertices <= existing.reservedVertices && m.indices.length <= existing.reservedIndices) {
      this.triangles -= this.mesh.getGeometryRangeAt(existing.geometryId).count / 3;
      this.mesh.setGeometryAt(existing.geometryId, geometry);
      existing.buried = m.buried;
      this.mesh.setVisibleAt(existing.instanceId, !m.buried || this.showBuried);
    } else {
      if (existing) this.remove(key);
      const reservedVertices = slack(vertices);
      const reservedIndices = slack(m.indices.length);
      this.ensureRoom(reservedVertices, reservedIndices);
      const geometryId = this.mesh.addGeometry(geometry, reservedVertices, reservedIndices);
      const instanceId = this.mesh.addInstance(geometryId);
      this.matrix.makeTranslation(m.cx * CHUNK_SIZE, m.cy * CHUNK_SIZE, m.cz * CHUNK_SIZE);
      this.mesh.setMatrixAt(instanceId, this.matrix);
      this.mesh.setVisibleAt(instanceId, !m.buried || this.showBuried);
      this.entries.set(key, { buried: m.buried, geometryId, instanceId, reservedVertices, reservedIndices });
      this.liveVertices += reservedVertices;
      this.liveIndices += reservedIndices;
    }
    this.triangles += m.indices.length / 3;
    this.raycaster.set(key, m, box);
  }

  /**
   * Makes room at the end of the buffers. Repacking (optimize) moves and re-uploads every chunk, so
   * it runs only when at least half the space is deleted chunks, which makes it rare however fast
   * the player flies; otherwise the buffers grow.
   */
  private ensureRoom(vertices: number, indices: number): void {
    const fits = () => this.mesh.unusedVertexCount >= vertices && this.mesh.unusedIndexCount >= indices;
    if (fits()) return;
    const mostlyDeleted = this.liveVertices < this.vertexCapacity / 2 && this.liveIndices < this.indexCapacity / 2;
    if (mostlyDeleted) {
      this.mesh.optimize();
      if (fits()) return;
    }
    this.vertexCapacity = Math.ceil((this.vertexCapacity - this.mesh.unusedVertexCount + vertices) * 1.5);
    this.indexCapacity = Math.ceil((this.indexCapacity - this.mesh.unusedIndexCount + indices) * 1.5);
    this.mesh.setGeometrySize(this.vertexCapacity, this.indexCapacity);
  }
}

/**
 * Bounds are given up front: BatchedMesh copies them, where it would otherwise compute them lazily
 * during the next render's culling, vertex by vertex through generic attribute reads (the largest
 * JS cost of a frame while flying over new terrain).
 */
function toGeometry(m: ChunkMesh, box: Float32Array): BufferGeometry {
  const g = new BufferGeometry();
  g.boundingBox = new Box3(new Vector3(box[0], box[1], box[2]), new Vector3(box[3], box[4], box[5]));
  g.boundingSphere = g.boundingBox.getBoundingSphere(new Sphere());
  g.setAttribute('position', new BufferAttribute(m.positions, 3));
  g.setAttribute('normal', new BufferAttribute(m.normals, 3));
  g.setAttribute('materialId', new BufferAttribute(m.materials, 1));
  g.setIndex(new BufferAttribute(m.indices, 1));
  return g;
}
